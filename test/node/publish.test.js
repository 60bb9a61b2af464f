// The package is ready to publish: `npm publish --dry-run` passes with nothing to warn about but the missing login,
// and the tarball holds what an embedder needs and none of the repository's sources. Needs dist/: run
// `npm run build` first (a real publish builds it in prepublishOnly).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('package.json may be published, publicly, and builds before it is', () => {
  assert.equal(manifest.private, undefined);
  assert.deepEqual(manifest.publishConfig, { access: 'public' });
  assert.equal(manifest.scripts.prepublishOnly, 'npm run build');
  assert.ok(manifest.files.includes('dist'));
});

test('npm publish --dry-run: no warning but the login, the entries\' files in, no source of the repository', () => {
  const run = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const warnings = run.stderr.split('\n').filter((line) => /^npm (warn|ERR|error)/i.test(line));
  assert.deepEqual(warnings.filter((line) => !/requires you to be logged in/.test(line)), []);
  const [published] = Object.values(JSON.parse(run.stdout));
  const files = published.files.map((file) => file.path);
  for (const needed of ['README.md', 'LICENSE', 'package.json', 'dist/host.js', 'dist/host.cjs', 'dist/host.d.ts', 'dist/webview.js', 'dist/index.js', 'types/jsx.d.ts', 'custom-elements.json']) {
    assert.ok(files.includes(needed), needed);
  }
  assert.deepEqual(files.filter((file) => /^(src|test|stories|dev|bench|examples|scripts)\//.test(file)), []);
});

test('the README\'s contributes.configuration block is the example extension\'s, with the setting\'s title', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The setting in package.json'));
  const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  assert.ok(block, 'a json block under "The setting in package.json"');
  const { contributes } = JSON.parse(`{${block}}`);
  const example = JSON.parse(readFileSync(join(root, 'examples/vscode-extension/package.json'), 'utf8'));
  const key = 'codeStudio.telemetry.allowAnonymousTelemetry';
  const setting = contributes.configuration.properties[key];
  assert.deepEqual(setting, example.contributes.configuration.properties[key]);
  assert.deepEqual(
    { type: setting.type, default: setting.default, scope: setting.scope, title: setting.title },
    { type: 'boolean', default: true, scope: 'application', title: 'Allow Anonymous Telemetry' },
  );
  assert.match(setting.markdownDescription, /never collected/);
});
