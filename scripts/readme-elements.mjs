// Writes the README's element reference from custom-elements.json, between its two markers:
//   npm run analyze && node scripts/readme-elements.mjs
// test/node/readme-elements.test.js fails while the README and the manifest disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
export const START = '<!-- elements: written by scripts/readme-elements.mjs from custom-elements.json -->';
export const END = '<!-- elements: end -->';

// The panel first: it is what an embedder uses; the others are its parts, exported for pages that build their own.
const ORDER = ['cs-telemetry-settings', 'cs-telemetry-status-badge', 'cs-switch', 'cs-telemetry-data-types', 'cs-telemetry-events'];

const oneLine = (text = '') => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text === undefined || text === null || text === '' ? '' : `\`${String(text).replace(/\|/g, '\\|')}\``);
const table = (head, rows) => (rows.length ? [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''] : []);

function element(declaration) {
  const attributes = declaration.attributes ?? [];
  const fields = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static && member.privacy !== 'private' && member.privacy !== 'protected');
  const byField = new Map(attributes.map((attribute) => [attribute.fieldName ?? attribute.name, attribute]));
  const properties = fields.map((field) => {
    const attribute = byField.get(field.name);
    const meaning = `${oneLine(field.description)}${field.readonly ? ' Read-only.' : ''}`;
    return [attribute ? code(attribute.name) : '—', code(field.name), code(field.type?.text), code(field.default), meaning];
  });
  const events = (declaration.events ?? []).map((event) => [code(event.name), code(event.type?.text), oneLine(event.description)]);
  const slots = (declaration.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', oneLine(slot.description)]);
  const parts = (declaration.cssParts ?? []).map((part) => [code(part.name), oneLine(part.description)]);
  const cssProperties = (declaration.cssProperties ?? []).map((property) => [code(property.name), code(property.default), oneLine(property.description)]);
  return [
    `### \`<${declaration.tagName}>\``,
    '',
    oneLine(declaration.summary ?? declaration.description),
    '',
    ...table(['attribute', 'property', 'type', 'default', 'meaning'], properties),
    ...table(['event', 'type', 'when'], events),
    ...table(['slot', 'what goes in it'], slots),
    ...table(['part', 'what it is'], parts),
    ...table(['CSS property', 'default', 'what it colours or sets'], cssProperties),
  ].join('\n');
}

/** The reference as it should stand in the README, markers included. */
export function elementsReference(manifest) {
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
  const ordered = [...declarations].sort((a, b) => rank(a.tagName) - rank(b.tagName) || a.tagName.localeCompare(b.tagName));
  return [START, '', ...ordered.map(element), END].join('\n');
}

const rank = (tag) => (ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length);

/** The README with its reference replaced. */
export function withReference(readme, reference) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return readme.slice(0, start) + reference + readme.slice(end + END.length);
}

// Run as a script (the test imports the functions).
if (process.argv[1] === import.meta.filename) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const path = join(root, 'README.md');
  writeFileSync(path, withReference(readFileSync(path, 'utf8'), elementsReference(manifest)));
  console.log('README.md: element reference written from custom-elements.json');
}
