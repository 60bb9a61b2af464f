// custom-elements.json is committed (editors and Storybook read it); it must match what the JSDoc says now.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '../..');
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

test('custom-elements.json is what `npm run analyze` writes from the current JSDoc', () => {
  // Analysed in a copy: the analyzer also rewrites package.json's customElements to point into its outdir.
  const copy = mkdtempSync(join(tmpdir(), 'cem-'));
  try {
    for (const path of ['src', 'package.json', 'custom-elements-manifest.config.mjs']) cpSync(join(root, path), join(copy, path), { recursive: true });
    execFileSync(process.execPath, [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze'], { cwd: copy, stdio: 'pipe' });
    assert.deepEqual(read(join(root, 'custom-elements.json')), read(join(copy, 'custom-elements.json')),
      'custom-elements.json is stale: run `npm run analyze` and commit it');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test("package.json's customElements names the manifest, and the manifest documents every element", () => {
  assert.equal(read(join(root, 'package.json')).customElements, 'custom-elements.json');
  const elements = read(join(root, 'custom-elements.json')).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  assert.deepEqual(elements.map((d) => d.tagName).sort(),
    ['cs-switch', 'cs-telemetry-data-types', 'cs-telemetry-events', 'cs-telemetry-settings', 'cs-telemetry-status-badge']);
  for (const element of elements) {
    assert.ok(element.summary, `${element.tagName} has no @summary`);
    assert.ok(element.cssProperties?.length, `${element.tagName} documents no @cssprop`);
    assert.ok(element.cssParts?.length, `${element.tagName} documents no @csspart`);
  }
});
