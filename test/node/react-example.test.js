// The React example type-checks against the built package as an embedder's page does: through the package's
// exports to dist/*.d.ts, never its source, with React 19's JSX types.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

test('examples/react-webview type-checks against dist/, not src/', () => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'examples/react-webview/tsconfig.json', '--listFiles'], { cwd: root, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  assert.equal(run.status, 0, output);
  const files = run.stdout.split('\n').map((line) => line.trim().slice(root.length)).filter(Boolean);
  assert.ok(files.includes('dist/components/telemetry-settings/define.d.ts'), 'the panel\'s declarations come from dist/');
  assert.ok(files.some((file) => file.startsWith('node_modules/@types/react/')), 'React\'s own JSX types are used');
  assert.deepEqual(files.filter((file) => file.startsWith('src/')), [], 'no source file of the package is compiled');
});
