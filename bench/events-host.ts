// The host side of the bench's paged events case, run in a worker beside the page as the editor's extension host runs
// beside the webview: it keeps a sent log of `count` events of one type and answers each `telemetry/events` request
// with the protocol's own selectEvents, as the adapter does, so the page pays only for what a webview pays for (the
// reply's structured clone and its checks). Built by `vite build -c bench/vite.config.ts --mode events-host`.
import { selectEvents } from '../src/protocol/events.js';
import type { EventsRequestMessage } from '../src/protocol/protocol.js';

/** The same events as the bench's unpaged cases: five fields each, one a second, `tokens/counted-0` the oldest. */
function sentLog(count: number) {
  const start = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => ({
    time: new Date(start + i * 1000).toISOString(),
    category: 'tokens',
    name: `tokens/counted-${i}`,
    data: { count: i, model: 'small-model', cached: i % 2 === 0, latencyMs: 120 + i, note: null },
  }));
}

let log: unknown[] = [];
addEventListener('message', ({ data }: MessageEvent<{ count: number } | EventsRequestMessage>) => {
  if (!('type' in data)) {
    log = sentLog(data.count);
    return postMessage({ ready: true });
  }
  const { id, category, before, limit } = data;
  const page = selectEvents(log, category, { ...(before !== undefined && { before }), ...(limit !== undefined && { limit }) });
  postMessage({
    type: 'telemetry/events',
    protocol: 1,
    inReplyTo: id,
    events: page.events,
    more: page.more,
    ...(page.before !== undefined && { before: page.before }),
  });
});
