// `node scripts/bundle-breakdown.mjs [file]`: which module of dist/webview.js costs how many gzip -9 bytes (a measurement).
// Per-module gzip attribution of dist/webview.js: build with a sourcemap, map every output char to its source,
// then charge each contiguous run the growth of gzip -9 of the prefix.
import { build, loadConfigFromFile } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';
const cwd = process.cwd();
const out = '/tmp/core/dist-' + Date.now();
const { config: resolved } = await loadConfigFromFile({ command: 'build', mode: 'webview' }, cwd + '/vite.config.ts');
resolved.build.outDir = out;
resolved.build.sourcemap = true;
resolved.logLevel = 'silent';
await build({ configFile: false, root: cwd, mode: 'webview', ...resolved });
const file = process.argv[2] ?? 'webview.js';
const code = readFileSync(`${out}/${file}`, 'utf8');
const map = JSON.parse(readFileSync(`${out}/${file}.map`, 'utf8'));
const lines = code.split('\n');
const lineStart = []; let acc = 0; for (const l of lines) { lineStart.push(acc); acc += l.length + 1; }
const owner = new Array(code.length).fill('(glue)');
await SourceMapConsumer.with(map, null, (c) => {
  const mappings = [];
  c.eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i], n = mappings[i + 1];
    const s = lineStart[m.generatedLine - 1] + m.generatedColumn;
    const e = n ? lineStart[n.generatedLine - 1] + n.generatedColumn : code.length;
    const src = m.source ?? '(glue)';
    for (let k = s; k < e; k++) owner[k] = src;
  }
});
const group = (s) => {
  s = s.replace(/^.*node_modules\//, 'node_modules/').replace(/^(\.\.\/)+/, '');
  if (process.env.RAW) return s;
  return s;
};
const totals = {}; const raw = {};
let prev = 0, start = 0;
for (let k = 1; k <= code.length; k++) {
  if (k === code.length || owner[k] !== owner[start]) {
    const g = gzipSync(code.slice(0, k), { level: 9 }).length;
    const key = group(owner[start]);
    totals[key] = (totals[key] ?? 0) + (g - prev);
    raw[key] = (raw[key] ?? 0) + (k - start);
    prev = g; start = k;
  }
}
const rows = Object.entries(totals).sort((a, b) => b[1] - a[1]);
for (const [k, v] of rows) console.log(String(v).padStart(6), String(raw[k]).padStart(7), k);
console.log(String(prev).padStart(6), String(code.length).padStart(7), 'TOTAL (gzip -9, raw)');
for (const f of readdirSync(out)) if (f.endsWith('.js')) console.log(f, gzipSync(readFileSync(`${out}/${f}`), { level: 9 }).length);
