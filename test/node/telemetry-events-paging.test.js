// "Show what was sent" paged, on the BUILT entry (dist/host.js): a `telemetry/events` request may carry a `before`
// cursor and a `limit`; the reply says whether older events exist and where the next page starts. Following the
// cursors from the newest page reaches the oldest event, each event once, in order, ties in time included.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { connectTelemetryHost, isEventsMessage, isWebviewMessage, MAX_EVENTS } from '../../dist/host.js';
import { createFakeVsCode, createFakeWebview, settle } from '../../dev/fake-vscode.js';

const START = Date.parse('2026-03-01T00:00:00Z');
/** `count` events of tokens, ten to each millisecond (a batch's events share their time), plus one of another type. */
function eventLog(count) {
  const events = Array.from({ length: count }, (_, seq) => ({
    time: new Date(START + Math.floor(seq / 10)).toISOString(),
    category: 'tokens',
    name: 'tokens/usage',
    data: { seq },
  }));
  events.push({ time: new Date(START).toISOString(), category: 'system', name: 'system/start', data: {} });
  return events;
}

function setUp(log) {
  const fake = createFakeVsCode();
  const webview = createFakeWebview();
  const connection = connectTelemetryHost(webview, { vscode: fake.vscode, events: () => log, log: () => {} });
  let next = 0;
  const ask = async (fields) => {
    const id = `e${next++}`;
    webview.send({ type: 'telemetry/events', id, category: 'tokens', ...fields });
    await settle(fake, webview);
    const reply = webview.posted.find((message) => message.inReplyTo === id);
    assert.ok(reply, `no reply to ${JSON.stringify(fields)}`);
    return reply;
  };
  return { ask, connection, webview };
}

/** Every page from the newest to the oldest; returns the pages' events, oldest of all first, and the page count. */
async function walk(ask, limit) {
  const pages = [];
  let reply = await ask(limit ? { limit } : {});
  for (;;) {
    assert.equal(reply.type, 'telemetry/events', JSON.stringify(reply).slice(0, 200));
    assert.ok(isEventsMessage(reply));
    pages.unshift(reply.events);
    if (!reply.more) {
      assert.equal(reply.before, undefined);
      break;
    }
    assert.match(reply.before, /^-?\d+:\d+$/);
    reply = await ask({ before: reply.before, ...(limit && { limit }) });
    assert.ok(pages.length < 1000, 'the pages never end');
  }
  return { events: pages.flat(), pages: pages.length };
}

describe('telemetry/events paged', () => {
  test('the first page is the newest MAX_EVENTS, oldest first, and says that older ones exist', async () => {
    const it = setUp(eventLog(2500));
    const reply = await it.ask({});
    assert.equal(reply.events.length, MAX_EVENTS);
    assert.deepEqual(reply.events.map((event) => event.data.seq), Array.from({ length: MAX_EVENTS }, (_, index) => 1500 + index));
    assert.equal(reply.more, true);
    it.connection.dispose();
  });

  test('following the cursors reaches the oldest: every event once, in order, across ties in time', async () => {
    for (const limit of [undefined, 100, 7]) {
      const it = setUp(eventLog(2500));
      const { events, pages } = await walk(it.ask, limit);
      assert.deepEqual(events.map((event) => event.data.seq), Array.from({ length: 2500 }, (_, seq) => seq), `limit ${limit}`);
      assert.equal(pages, Math.ceil(2500 / (limit ?? MAX_EVENTS)));
      it.connection.dispose();
    }
  });

  test('a log that fits one page: more is false and there is no cursor', async () => {
    const it = setUp(eventLog(30));
    const reply = await it.ask({});
    assert.equal(reply.events.length, 30);
    assert.equal(reply.more, false);
    assert.equal(reply.before, undefined);
    it.connection.dispose();
  });

  test('events sent while the user pages do not shift the older pages', async () => {
    const log = eventLog(250);
    const it = setUp(log);
    const first = await it.ask({ limit: 100 });
    log.push(...Array.from({ length: 5 }, (_, index) => ({ time: new Date(START + 10_000).toISOString(), category: 'tokens', name: 'tokens/usage', data: { seq: 1000 + index } })));
    const second = await it.ask({ limit: 100, before: first.before });
    assert.deepEqual(second.events.map((event) => event.data.seq), Array.from({ length: 100 }, (_, index) => 50 + index));
    it.connection.dispose();
  });

  test('a malformed cursor or limit is a bad request', () => {
    assert.equal(isWebviewMessage({ type: 'telemetry/events', id: 'a', category: 'tokens', before: '1700000000000:3' }), true);
    assert.equal(isWebviewMessage({ type: 'telemetry/events', id: 'a', category: 'tokens', before: 'yesterday' }), false);
    assert.equal(isWebviewMessage({ type: 'telemetry/events', id: 'a', category: 'tokens', limit: 0 }), false);
    assert.equal(isWebviewMessage({ type: 'telemetry/events', id: 'a', category: 'tokens', limit: MAX_EVENTS + 1 }), false);
    assert.equal(isWebviewMessage({ type: 'telemetry/events', id: 'a', category: 'tokens', limit: 10 }), true);
  });
});
