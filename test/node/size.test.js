// The webview bundle's size budget: deterministic, so a plain test. Run after `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const BUDGET = 12 * 1024;
/** Each language's strings, fetched only by a page that speaks it. */
const LOCALE_BUDGET = 2048;
const LOCALES = JSON.parse(readFileSync(new URL('../../lit-localize.json', import.meta.url), 'utf8')).targetLocales;
const bundle = readFileSync(new URL('../../dist/webview.js', import.meta.url));
const gzipBytes = (bytes) => gzipSync(bytes, { level: 9 }).length;

test('dist/webview.js registers every element (a tree-shaken bundle would pass any budget)', () => {
  for (const tag of ['cs-telemetry-settings', 'cs-switch', 'cs-telemetry-status-badge', 'cs-telemetry-data-types']) {
    assert.ok(bundle.includes(`\`${tag}\``) || bundle.includes(`"${tag}"`) || bundle.includes(`'${tag}'`), `${tag} is not in the bundle`);
  }
});

test(`dist/webview.js is at most ${BUDGET} bytes gzipped (lit included)`, () => {
  const bytes = gzipBytes(bundle);
  console.log(`dist/webview.js: ${bytes} bytes gzip -9 (budget ${BUDGET})`);
  assert.ok(bytes <= BUDGET, `dist/webview.js is ${bytes} bytes gzipped, over the budget of ${BUDGET}`);
});

for (const locale of LOCALES) {
  test(`dist/locales/${locale}.js exists, imports only webview.js, and is at most ${LOCALE_BUDGET} bytes gzipped`, () => {
    const chunk = readFileSync(new URL(`../../dist/locales/${locale}.js`, import.meta.url), 'utf8');
    // A chunk that imported a shared chunk instead would mean a second file the webview's page must allow and serve.
    const imports = [...chunk.matchAll(/\bfrom\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(imports)].filter((path) => path !== '../webview.js'), [], `dist/locales/${locale}.js imports more than ../webview.js`);
    assert.match(chunk, /\btemplates\b/, `dist/locales/${locale}.js exports no templates`);
    const bytes = gzipBytes(chunk);
    console.log(`dist/locales/${locale}.js: ${bytes} bytes gzip -9 (budget ${LOCALE_BUDGET})`);
    assert.ok(bytes <= LOCALE_BUDGET, `dist/locales/${locale}.js is ${bytes} bytes gzipped, over the budget of ${LOCALE_BUDGET}`);
  });
}

test('dist/webview.js holds no translation: every language is loaded only when asked for', () => {
  const text = bundle.toString('utf8');
  for (const locale of LOCALES) {
    const xliff = readFileSync(new URL(`../../xliff/${locale}.xlf`, import.meta.url), 'utf8');
    // Each translated string's longest run of text between placeholders, unescaped as it appears in JavaScript.
    const targets = [...xliff.matchAll(/<target\b[^>]*>([\s\S]*?)<\/target>/g)].map((match) =>
      match[1].split(/<x\b[^>]*\/>|<[^>]+>/).sort((a, b) => b.length - a.length)[0].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    );
    assert.ok(targets.length > 0, `xliff/${locale}.xlf has no translated string to look for`);
    for (const target of targets) assert.ok(!text.includes(target), `dist/webview.js contains the ${locale} string "${target}"`);
  }
  assert.ok(text.includes('./locales/ja.js'), 'dist/webview.js does not import ./locales/ja.js');
});
