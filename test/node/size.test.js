// The webview bundle's size budget: deterministic, so a plain test. Run after `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const BUDGET = 12 * 1024;
const bundle = readFileSync(new URL('../../dist/webview.js', import.meta.url));

test('dist/webview.js registers every element (a tree-shaken bundle would pass any budget)', () => {
  for (const tag of ['cs-telemetry-settings', 'cs-switch', 'cs-telemetry-status-badge', 'cs-telemetry-data-types']) {
    assert.ok(bundle.includes(`\`${tag}\``) || bundle.includes(`"${tag}"`) || bundle.includes(`'${tag}'`), `${tag} is not in the bundle`);
  }
});

test(`dist/webview.js is at most ${BUDGET} bytes gzipped (lit included)`, () => {
  const bytes = gzipSync(bundle, { level: 9 }).length;
  console.log(`dist/webview.js: ${bytes} bytes gzip -9 (budget ${BUDGET})`);
  assert.ok(bytes <= BUDGET, `dist/webview.js is ${bytes} bytes gzipped, over the budget of ${BUDGET}`);
});
