// The webview bundle's size budget: deterministic, so a plain test. Run after `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const BUDGET = 12 * 1024;

test(`dist/webview.js is at most ${BUDGET} bytes gzipped (lit included)`, () => {
  const bytes = gzipSync(readFileSync(new URL('../../dist/webview.js', import.meta.url)), { level: 9 }).length;
  console.log(`dist/webview.js: ${bytes} bytes gzip -9 (budget ${BUDGET})`);
  assert.ok(bytes <= BUDGET, `dist/webview.js is ${bytes} bytes gzipped, over the budget of ${BUDGET}`);
});
