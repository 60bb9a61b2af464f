// The README's element reference is the manifest's: attributes, properties, events, slots, parts, CSS properties.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { END, START, elementsReference } from '../../scripts/readme-elements.mjs';

const root = new URL('../../', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

test('the README\'s element reference matches custom-elements.json (else run node scripts/readme-elements.mjs)', () => {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  assert.ok(start >= 0 && end > start, 'README.md has the reference\'s markers');
  assert.equal(readme.slice(start, end + END.length), elementsReference(manifest));
});

test('the reference names every element, event and part of the manifest', () => {
  const reference = elementsReference(manifest);
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName)) {
    assert.ok(reference.includes(`### \`<${declaration.tagName}>\``), declaration.tagName);
    for (const event of declaration.events ?? []) assert.ok(reference.includes(`| \`${event.name}\` |`), event.name);
    for (const part of declaration.cssParts ?? []) assert.ok(reference.includes(`| \`${part.name}\` |`), part.name);
  }
});
