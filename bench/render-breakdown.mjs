// `node bench/render-breakdown.mjs [rate]` (after `npm run bench:build`): where the first render's time goes, element
// by element, for our panel and the peer, at one CPU throttling rate (default 1). A measurement for bench/README.md,
// not part of `npm run bench`: each element class's connectedCallback, createRenderRoot and performUpdate are wrapped
// and timed in the page (a wrapped call includes what it calls: the panel's update creates its children), then the
// medians of 9 fresh pages are printed, each element type summed over its instances.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.js';

const RATE = Number(process.argv[2] ?? 1);
const RUNS = 9;
const root = new URL('..', import.meta.url);
const panels = [
  ['/webview.js', 'dist/webview.js', 'cs-telemetry-settings'],
  ['/peer.js', 'bench/dist/peer.js', 'peer-telemetry-settings'],
];
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  const panel = panels.find(([url]) => url === path);
  if (panel) return response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(new URL(panel[1], root)));
  const script = new URL(request.url, 'http://x').searchParams.get('script');
  response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="modulepreload" href="${script}"></head><body class="vscode-dark"></body></html>`);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });

// In the page: the same host as bench/run.mjs (setting on, answers a task later), every lifecycle call timed.
async function render([script, tag]) {
  await import(script);
  const times = {};
  const reactiveElement = Object.getPrototypeOf(Object.getPrototypeOf(customElements.get(tag)));
  for (const name of ['connectedCallback', 'createRenderRoot', 'performUpdate']) {
    const original = reactiveElement.prototype[name];
    reactiveElement.prototype[name] = function (...args) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const key = `${this.localName} ${name}`;
        times[key] = (times[key] ?? 0) + performance.now() - start;
      }
    };
  }
  const state = { enabled: true, editorTelemetryEnabled: true, managedBy: null, account: null, changedAt: null };
  const listeners = new Set();
  const api = {
    getState: () => ({ csTelemetry: { rev: 1, state } }),
    setState: () => {},
    // Replies through the API's own transport, as in bench/run.mjs, so that the panel takes them as the host's.
    onDidReceiveMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    postMessage: (message) =>
      setTimeout(() => {
        const data = { type: 'telemetry/state', protocol: 1, rev: 1, inReplyTo: message.id, state: { ...state } };
        for (const listener of listeners) listener(data);
      }),
  };
  const elementsOf = (node) => [...node.shadowRoot.querySelectorAll('*')].filter((e) => 'updateComplete' in e);
  const el = document.createElement(tag);
  el.vscodeApi = api;
  const start = performance.now();
  document.body.append(el);
  for (;;) {
    const all = [el, ...elementsOf(el), ...elementsOf(el).flatMap((e) => (e.shadowRoot ? elementsOf(e) : []))];
    await Promise.all(all.map((e) => e.updateComplete));
    if (!all.some((e) => e.isUpdatePending)) break;
  }
  times['(first render, append to updateComplete)'] = performance.now() - start;
  return times;
}

for (const panel of panels) {
  const samples = {};
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`http://127.0.0.1:${server.address().port}/?script=${panel[0]}`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    for (const [key, ms] of Object.entries(await page.evaluate(render, [panel[0], panel[2]]))) (samples[key] ??= []).push(ms);
    await context.close();
  }
  console.log(`${panel[2]} @ ${RATE}x CPU, medians of ${RUNS} pages (ms):`);
  for (const [key, values] of Object.entries(samples)) {
    values.sort((a, b) => a - b);
    console.log(`  ${values[values.length >> 1].toFixed(1).padStart(7)}  ${key}`);
  }
}
await browser.close();
server.close();
