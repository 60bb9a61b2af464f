// The library build: ES modules with declarations, lit left to the consumer, and an exports map that resolves.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );

test('every export in package.json names a built file', () => {
  // Conditions nest (`import: { types, default }`): collect every file named at any depth.
  const leaves = (target) => (typeof target === 'string' ? [target] : Object.values(target).flatMap(leaves));
  const targets = leaves(pkg.exports);
  for (const target of targets.filter((t) => !t.includes('*'))) {
    assert.ok(existsSync(join(root, target)), `${target} is missing`);
  }
  for (const element of ['switch', 'telemetry-settings', 'telemetry-status-badge', 'telemetry-data-types']) {
    assert.ok(existsSync(join(root, 'dist/components', element, 'define.js')), `${element}/define.js is missing`);
    assert.ok(existsSync(join(root, 'dist/components', element, 'define.d.ts')), `${element}/define.d.ts is missing`);
  }
});

test('the library leaves lit external; only dist/webview.js bundles it', () => {
  for (const file of files(join(root, 'dist')).filter((f) => f.endsWith('.js') && !f.endsWith('webview.js'))) {
    const source = readFileSync(file, 'utf8');
    assert.ok(!source.includes('litHtmlVersions'), `${file} bundles lit`);
  }
  assert.ok(readFileSync(join(root, 'dist/webview.js'), 'utf8').includes('litHtmlVersions'), 'dist/webview.js should bundle lit');
  assert.match(readFileSync(join(root, 'dist/components/switch/switch.js'), 'utf8'), /from "lit"/);
});

test('the index has declarations for its public API', () => {
  const declarations = readFileSync(join(root, 'dist/index.d.ts'), 'utf8');
  for (const name of ['CsTelemetrySettings', 'CsSwitch', 'TelemetryClient', 'telemetryContext', 'provideVsCodeApi']) {
    assert.ok(declarations.includes(name), `dist/index.d.ts does not export ${name}`);
  }
});
