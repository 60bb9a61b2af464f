// custom-elements.json is committed (editors and Storybook read it); it must match what the JSDoc says now.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '../..');
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

// Written by `npm run analyze` from the manifest: editor completions (VS Code, JetBrains) and JSX types.
const generated = ['custom-elements.json', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json', 'types/jsx.d.ts'];

test('custom-elements.json and the completions are what `npm run analyze` writes from the current JSDoc', () => {
  // Analysed in a copy: the analyzer also rewrites package.json's customElements to point into its outdir.
  const copy = mkdtempSync(join(tmpdir(), 'cem-'));
  try {
    for (const path of ['src', 'package.json', 'custom-elements-manifest.config.mjs']) cpSync(join(root, path), join(copy, path), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    execFileSync(process.execPath, [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze'], { cwd: copy, stdio: 'pipe' });
    for (const file of generated) {
      assert.equal(readFileSync(join(root, file), 'utf8'), readFileSync(join(copy, file), 'utf8'), `${file} is stale: run \`npm run analyze\` and commit it`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('the completions name every element and its kebab-case attributes, as the manifest does', () => {
  const elements = read(join(root, 'custom-elements.json')).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  const html = read(join(root, 'vscode.html-custom-data.json')).tags;
  const webTypes = read(join(root, 'web-types.json')).contributions.html.elements;
  const jsx = readFileSync(join(root, 'types/jsx.d.ts'), 'utf8');
  for (const element of elements) {
    const attributes = (element.attributes ?? []).map((a) => a.name).sort();
    assert.deepEqual(html.find((tag) => tag.name === element.tagName)?.attributes.map((a) => a.name).sort(), attributes, `${element.tagName} in vscode.html-custom-data.json`);
    assert.deepEqual(webTypes.find((tag) => tag.name === element.tagName)?.attributes.map((a) => a.name).sort(), attributes, `${element.tagName} in web-types.json`);
    assert.ok(jsx.includes(`"${element.tagName}": Partial<`), `${element.tagName} in types/jsx.d.ts`);
    for (const name of attributes) assert.match(name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `${element.tagName} documents ${name}, which is not the lower-case name HTML and Lit use`);
  }
  const cssProperties = new Set(read(join(root, 'vscode.css-custom-data.json')).properties.map((p) => p.name));
  for (const property of elements.flatMap((e) => e.cssProperties ?? [])) assert.ok(cssProperties.has(property.name), `${property.name} in vscode.css-custom-data.json`);
});

test("package.json points editors at the completions and exports them", () => {
  const pkg = read(join(root, 'package.json'));
  assert.equal(pkg['web-types'], './web-types.json');
  for (const file of generated) {
    const entry = file === 'types/jsx.d.ts' ? './jsx' : `./${file}`;
    assert.ok(JSON.stringify(pkg.exports[entry] ?? null).includes(`./${file}`), `exports["${entry}"] does not name ${file}`);
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
