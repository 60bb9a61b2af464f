// `npm run bench`: our dist/webview.js panel beside the same panel built from @vscode-elements/elements
// (bench/dist/peer.js), in headless Chromium at CPU 1x and 4x (DevTools throttling), medians of RUNS runs each.
// Prints a table with our/peer ratios and writes bench/results.json. A measurement, not a test: it never fails on speed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const RATES = [1, 4];
const root = new URL('..', import.meta.url);
const variants = {
  ours: { file: 'dist/webview.js', script: '/webview.js', tag: 'cs-telemetry-settings', control: 'cs-switch >>> [role=switch]' },
  peer: { file: 'bench/dist/peer.js', script: '/peer.js', tag: 'peer-telemetry-settings', control: 'vscode-checkbox >>> label' },
};
// Served under the names the bundles import each other by: dist/webview-events.js imports ./webview.js.
const scripts = {
  '/webview.js': 'dist/webview.js',
  '/webview-events.js': 'dist/webview-extensions.js',
  '/peer.js': 'bench/dist/peer.js',
};

const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="modulepreload" href="${script}"></head><body class="vscode-dark"></body></html>`;

const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  if (path in scripts) {
    return response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(new URL(scripts[path], root)));
  }
  const name = path.slice(1);
  if (!(name in variants)) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': 'text/html' }).end(page(variants[name].script));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// Runs in the page: evaluate the module, render the panel, click its switch, and watch for long tasks meanwhile.
async function measure({ name, script, tag, control }) {
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.startTime))).observe({ type: 'longtask' });
  // A host that has the setting on and answers every request a task later, as the editor would.
  let rev = 1;
  const state = { enabled: true, editorTelemetryEnabled: true, managedBy: null, account: null, changedAt: null };
  const api = {
    getState: () => ({ csTelemetry: { rev, state } }),
    setState: () => {},
    postMessage: (message) =>
      setTimeout(() => {
        if (message.type === 'telemetry/set') {
          state.enabled = message.enabled;
          rev++;
        }
        const data = { type: 'telemetry/state', protocol: 1, rev, inReplyTo: message.id, state: { ...state } };
        window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: null }));
      }),
  };
  const allUpdated = async (root) => {
    for (;;) {
      const elements = [root, ...root.shadowRoot.querySelectorAll('*')].filter((e) => 'updateComplete' in e);
      const nested = elements.flatMap((e) => [...(e.shadowRoot?.querySelectorAll('*') ?? [])]).filter((e) => 'updateComplete' in e);
      await Promise.all([...elements, ...nested].map((e) => e.updateComplete));
      if (![...elements, ...nested].some((e) => e.isUpdatePending)) return;
    }
  };
  const find = (root, path) => path.split(' >>> ').reduce((node, selector) => (node.shadowRoot ?? node).querySelector(selector), root);

  const evaluateStart = performance.now();
  await import(script);
  const evaluation = performance.now() - evaluateStart;

  const el = document.createElement(tag);
  el.vscodeApi = api;
  const renderStart = performance.now();
  document.body.append(el);
  await allUpdated(el);
  const firstRender = performance.now() - renderStart;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const paintedAt = performance.now();

  const target = find(el, control);
  const input = name === 'peer' ? find(el, 'vscode-checkbox >>> input') : target;
  const before = input.getAttribute('aria-checked');
  const clickStart = performance.now();
  const updated = new Promise((resolve) =>
    new MutationObserver((_, observer) => {
      if (input.getAttribute('aria-checked') === before) return;
      observer.disconnect();
      resolve(performance.now() - clickStart);
    }).observe(input, { attributes: true, attributeFilter: ['aria-checked'] }),
  );
  target.click();
  const clickToUpdate = await updated;
  // Let the host's reply land and render, then count the long tasks since the first paint.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { evaluation, firstRender, clickToUpdate, longTasksAfterPaint: longTasks.filter((t) => t >= paintedAt).length };
}

// Runs in the page: a <cs-telemetry-events> given `count` events, timed until every row is in the DOM; the long
// tasks meanwhile (the list renders a chunk per frame, so there should be none).
async function measureEvents({ count }) {
  // The list's own chunk, as the panel loads it when a host offers events.
  await import('/webview-events.js');
  const durations = [];
  new PerformanceObserver((list) => durations.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
  const start = Date.parse('2026-01-01T00:00:00Z');
  const events = Array.from({ length: count }, (_, i) => ({
    time: new Date(start + i * 1000).toISOString(),
    category: 'tokens',
    name: `tokens/counted-${i}`,
    data: { count: i, model: 'small-model', cached: i % 2 === 0, latencyMs: 120 + i, note: null },
  }));
  const el = document.createElement('cs-telemetry-events');
  document.body.append(el);
  await el.updateComplete;
  // As in the panel, the list exists (loading) while the host is asked; the idle time meanwhile loads the date format.
  await new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve)));
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const fillStart = performance.now();
  el.events = events;
  el.status = 'ready';
  while (el.shadowRoot.querySelectorAll('[part=event]').length < count) await new Promise((resolve) => requestAnimationFrame(resolve));
  const fill = performance.now() - fillStart;
  await new Promise((resolve) => setTimeout(resolve, 100));
  const during = durations.filter(([startTime]) => startTime >= fillStart).map(([, duration]) => duration);
  return { fill, longTasks: during.length, longestTask: Math.max(0, ...during) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
const samples = {};
const EVENTS_RUNS = Number(process.env.BENCH_EVENTS_RUNS ?? 5);
const EVENT_COUNTS = [500, 1000];
const eventSamples = {};
try {
  for (let run = 0; run < RUNS; run++) {
    for (const rate of RATES) {
      // Alternate the order, so neither variant always runs on a warmer machine.
      for (const name of run % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        await tab.goto(`${origin}/${name}`, { waitUntil: 'load' });
        const result = await tab.evaluate(measure, { name, ...variants[name] });
        for (const [metric, value] of Object.entries(result)) ((samples[`${name} ${rate}x`] ??= {})[metric] ??= []).push(value);
        await context.close();
      }
    }
  }
  for (let run = 0; run < EVENTS_RUNS; run++) {
    for (const rate of RATES) {
      for (const count of EVENT_COUNTS) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        await tab.goto(`${origin}/ours`, { waitUntil: 'load' });
        const result = await tab.evaluate(measureEvents, { count });
        for (const [metric, value] of Object.entries(result)) ((eventSamples[`${count} ${rate}x`] ??= {})[metric] ??= []).push(value);
        await context.close();
      }
    }
  }
} finally {
  var chromiumVersion = browser.version();
  await browser.close();
  server.close();
}

const gzipBytes = Object.fromEntries(Object.entries(variants).map(([name, { file }]) => [name, gzipSync(readFileSync(new URL(file, root)), { level: 9 }).length]));
const metrics = [
  ['gzip bytes', () => gzipBytes, 0],
  ['module evaluation (ms)', (rate) => medians('evaluation', rate), 2],
  ['first render to updateComplete (ms)', (rate) => medians('firstRender', rate), 2],
  ['click to aria-checked (ms)', (rate) => medians('clickToUpdate', rate), 2],
  ['long tasks after first paint (max)', (rate) => maxima('longTasksAfterPaint', rate), 0],
];
function medians(metric, rate) {
  return { ours: median(samples[`ours ${rate}x`][metric]), peer: median(samples[`peer ${rate}x`][metric]) };
}
function maxima(metric, rate) {
  return { ours: Math.max(...samples[`ours ${rate}x`][metric]), peer: Math.max(...samples[`peer ${rate}x`][metric]) };
}

const rows = [];
const results = { date: new Date().toISOString(), chromium: chromiumVersion, cores: cpus().length, runs: RUNS, command: 'npm run bench', metrics: {}, samples };
for (const rate of RATES) {
  for (const [label, get, digits] of metrics) {
    if (label === 'gzip bytes' && rate !== RATES[0]) continue;
    const { ours, peer } = get(rate);
    const ratio = peer ? ours / peer : null;
    const key = label === 'gzip bytes' ? label : `${label} @ ${rate}x CPU`;
    results.metrics[key] = { ours, peer, ratio };
    rows.push([key, ours.toFixed(digits), peer.toFixed(digits), ratio === null ? '—' : ratio.toFixed(2)]);
  }
}
const eventRows = [];
results.events = { runs: EVENTS_RUNS, metrics: {}, samples: eventSamples };
for (const rate of RATES) {
  for (const count of EVENT_COUNTS) {
    const sample = eventSamples[`${count} ${rate}x`];
    const row = { fillMs: median(sample.fill), longTasksMax: Math.max(...sample.longTasks), longestTaskMs: Math.max(...sample.longestTask) };
    results.events.metrics[`${count} events @ ${rate}x CPU`] = row;
    eventRows.push([`${count} events @ ${rate}x CPU`, row.fillMs.toFixed(1), String(row.longTasksMax), row.longestTaskMs.toFixed(1)]);
  }
}
writeFileSync(new URL('bench/results.json', root), JSON.stringify(results, null, 2) + '\n');

const header = ['metric', 'ours', 'peer (vscode-elements)', 'ours/peer'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(`Chromium ${chromiumVersion}, ${cpus().length} cores, medians of ${RUNS} runs (long tasks: the most in any run)`);
console.log(line(header));
for (const row of rows) console.log(line(row));
const m = results.metrics;
console.log(
  `targets: gzip <= 0.8 of peer: ${m['gzip bytes'].ratio <= 0.8 ? 'met' : 'MISSED'}; ` +
    `first render <= 0.8 of peer: ${[1, 4].every((r) => m[`first render to updateComplete (ms) @ ${r}x CPU`].ratio <= 0.8) ? 'met' : 'MISSED'}; ` +
    `click < 16 ms at 4x: ${m['click to aria-checked (ms) @ 4x CPU'].ours < 16 ? 'met' : 'MISSED'}; ` +
    `no long task after first paint: ${[1, 4].every((r) => m[`long tasks after first paint (max) @ ${r}x CPU`].ours === 0) ? 'met' : 'MISSED'}`,
);
const eventHeader = ['<cs-telemetry-events>', 'fill (ms, median)', 'long tasks (max)', 'longest task (ms)'];
const eventWidths = eventHeader.map((h, i) => Math.max(h.length, ...eventRows.map((r) => r[i].length)));
console.log(`\nEvents list, ${EVENTS_RUNS} runs each:`);
for (const row of [eventHeader, ...eventRows]) console.log(row.map((c, i) => (i ? c.padStart(eventWidths[i]) : c.padEnd(eventWidths[i]))).join('  '));
console.log(`target: no long task for 500 events: ${EVENT_COUNTS.includes(500) && RATES.every((r) => results.events.metrics[`500 events @ ${r}x CPU`].longTasksMax === 0) ? 'met' : 'MISSED'}`);
console.log('wrote bench/results.json');
