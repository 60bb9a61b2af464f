// The example extension as `npm run package` ships it (examples/vscode-extension/package.mjs): what `vsce ls` lists
// and what the VSIX holds. Needs the package's dist/: run `npm run build` first. The VSIX running in a genuine VS Code
// is test/e2e/packaged.test.js.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { packageExtension, stageExtension, vsce } from '../../examples/vscode-extension/package.mjs';

/** Exactly what the extension needs at run time, and what vsce and the Marketplace read. */
const SHIPPED = [
  'LICENSE',
  'README.md',
  'dist/extension.js',
  'dist/locales/de.js',
  'dist/locales/ja.js',
  'dist/locales/qps-ploc.js',
  'dist/webview-alert.js',
  'dist/webview-data-type-details.js',
  'dist/webview-extensions.js',
  'dist/webview-localization.js',
  'dist/webview.js',
  'package.json',
];
/** The repository's own folders: none of their files may ship. */
const REPOSITORY = /^(src|test|stories|dev|bench|docs|scripts|examples|types|xliff|\.storybook)\//;

let work;
let staged;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'cs-telemetry-vsix-test-'));
  staged = await stageExtension(join(work, 'stage'));
});
after(() => rmSync(work, { recursive: true, force: true }));

test('vsce ls lists the bundle, the page\'s files and the manifest: nothing under node_modules/lit, no repository source', () => {
  const listed = vsce(staged, ['ls']).split('\n').map((line) => line.trim()).filter(Boolean).sort();
  assert.deepEqual(listed.filter((file) => /(^|\/)node_modules\//.test(file)), [], 'no node_modules, lit\'s least of all');
  assert.deepEqual(listed.filter((file) => REPOSITORY.test(file) || /\.(ts|map)$/.test(file)), [], 'no source of the repository');
  assert.deepEqual(listed, SHIPPED);
});

test('the bundle needs nothing but vscode and Node: every require() is one of them', () => {
  const bundle = readFileSync(join(staged, 'dist/extension.js'), 'utf8');
  const required = [...new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map(([, name]) => name))].sort();
  assert.ok(required.includes('vscode'));
  assert.deepEqual(required.filter((name) => name !== 'vscode' && !name.startsWith('node:')), [], required.join(', '));
  const manifest = JSON.parse(readFileSync(join(staged, 'package.json'), 'utf8'));
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.repository.directory, 'examples/vscode-extension');
});

test('the VSIX holds those files only; its README links point into the repository', async () => {
  const { path, bytes, output } = await packageExtension(join(work, 'example.vsix'));
  const entries = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  const extension = entries.filter((entry) => entry.startsWith('extension/')).map((entry) => entry.slice('extension/'.length));
  // vsce names the license LICENSE.txt and the readme readme.md inside the VSIX.
  assert.deepEqual(extension.sort(), SHIPPED.map((file) => ({ LICENSE: 'LICENSE.txt', 'README.md': 'readme.md' })[file] ?? file).sort());
  assert.deepEqual(entries.filter((entry) => !entry.startsWith('extension/')), ['[Content_Types].xml', 'extension.vsixmanifest']);
  assert.doesNotMatch(output, /WARNING/i, output);
  const readme = execFileSync('unzip', ['-p', path, 'extension/readme.md'], { encoding: 'utf8' });
  assert.deepEqual([...readme.matchAll(/\]\((?!https?:|#)([^)]+)\)/g)].map(([, link]) => link), [], 'no relative link left');
  console.log(`# the VSIX: ${entries.length} files, ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`);
});
