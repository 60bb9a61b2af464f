// The embedded first state, on the BUILT entry (dist/host.js): what `initialStateHtml` puts into the webview's HTML.
// Run `npm run build` first.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  connectTelemetryHost,
  DEFAULT_INITIAL_STATE_TIMEOUT,
  INITIAL_STATE_ELEMENT_ID,
  initialStateHtml,
  isStateMessage,
  PROTOCOL_VERSION,
} from '../../dist/host.js';
import { createFakeVsCode, createFakeWebview, settle } from '../../dev/fake-vscode.js';

const KEY = 'codeStudio.telemetry.allowAnonymousTelemetry';
const HOSTILE = { loginName: '</script><script>alert(1)</script>', email: '<!--\u2028\u2029&>@example.com' };

let connected = [];
afterEach(() => {
  for (const { host } of connected) host.dispose();
  connected = [];
});

function connect(options = {}) {
  const fake = createFakeVsCode();
  const webview = createFakeWebview(fake.counter);
  const logs = [];
  const host = connectTelemetryHost(webview, { vscode: fake.vscode, log: (message) => logs.push(message), ...options });
  const it = { fake, webview, host, logs };
  connected.push(it);
  return it;
}

/** The element's JSON, as the page reads it: the text between the tags, parsed. */
function embedded(html) {
  const match = /^<script type="application\/json" id="([\w-]+)">([^<]*)<\/script>$/.exec(html);
  assert.ok(match, `one JSON data block with no "<" inside: ${html}`);
  assert.equal(match[1], INITIAL_STATE_ELEMENT_ID);
  return JSON.parse(match[2]);
}

/** Sends a hello from the page and returns the adapter's answer. */
async function hello(it, id = '1-1') {
  const from = it.webview.posted.length;
  it.webview.send({ type: 'telemetry/hello', id, protocol: PROTOCOL_VERSION });
  await settle(it.fake, it.webview);
  return it.webview.posted.slice(from).find((message) => message.inReplyTo === id);
}

test('embeds the state a push would carry: its guard passes, no inReplyTo, and the hello answer has the same instance and rev', async () => {
  const it = connect({ account: () => ({ loginName: 'ada', email: 'ada@example.com' }), links: { 'privacy-statement': 'https://example.com/p' } });
  const message = embedded(await initialStateHtml(it.host));
  assert.ok(isStateMessage(message));
  assert.equal(message.inReplyTo, undefined);
  assert.equal(message.state.enabled, true);
  assert.deepEqual(message.state.account, { loginName: 'ada', email: 'ada@example.com' });
  assert.deepEqual(message.state.offers, ['privacy-statement']);
  assert.deepEqual(it.webview.posted, [], 'nothing posted: the state went into the page');
  const answer = await hello(it);
  assert.equal(answer.instance, message.instance, 'the adapter that answers the page is the one that embedded');
  assert.equal(answer.rev, message.rev, 'an unchanged state keeps its rev');
  assert.deepEqual(answer.state, message.state, 'the adapter builds one state, embedded or posted');
});

test('a change after the embed is pushed with a higher rev of the same instance', async () => {
  const it = connect();
  const message = embedded(await initialStateHtml(it.host));
  it.fake.editByHand(KEY, false);
  await settle(it.fake, it.webview);
  const [push] = it.webview.posted;
  assert.equal(push.instance, message.instance);
  assert.ok(push.rev > message.rev, `rev ${push.rev} after the embedded ${message.rev}`);
  assert.equal(push.state.enabled, false);
});

test('reads the setting as it is when asked, not when connected', async () => {
  const it = connect();
  it.fake.editByHand(KEY, false);
  await settle(it.fake, it.webview);
  assert.equal(embedded(await initialStateHtml(it.host)).state.enabled, false);
});

test('host text cannot leave the element: no "<", ">", "&" or line separator, and it parses back to the same text', async () => {
  const it = connect({ account: () => HOSTILE });
  const html = await initialStateHtml(it.host);
  const inner = html.slice(html.indexOf('>') + 1, html.lastIndexOf('</script>'));
  assert.doesNotMatch(inner, /[<>&\u2028\u2029]/);
  assert.deepEqual(embedded(html).state.account, HOSTILE);
});

test('a slow account provider does not hold up the page: empty within the time limit, logged', async () => {
  const it = connect({ account: () => new Promise(() => {}), providerTimeout: 5000 });
  const logs = [];
  const started = Date.now();
  const html = await initialStateHtml(it.host, { timeout: 100, log: (line) => logs.push(line) });
  const took = Date.now() - started;
  assert.equal(html, '');
  assert.ok(took >= 90 && took < 1000, `gave up after ${took} ms`);
  assert.deepEqual(logs, ['the state did not come within 100 ms; the page is built without it']);
});

test('the time limit is the default one when none is given, and an unusable one is logged and replaced', async () => {
  assert.equal(DEFAULT_INITIAL_STATE_TIMEOUT, 500);
  const it = connect({ account: () => sleep(50).then(() => null) });
  const logs = [];
  const html = await initialStateHtml(it.host, { timeout: -1, log: (line) => logs.push(line) });
  assert.ok(logs.some((line) => /ignored providerTimeout -1/.test(line)), logs.join('\n'));
  assert.equal(embedded(html).state.enabled, true, 'a 50 ms provider is within the default');
});

test('a slow provider within the adapter’s own limit: the state comes once the adapter gives up on it', async () => {
  const it = connect({ account: () => new Promise(() => {}), providerTimeout: 50 });
  const message = embedded(await initialStateHtml(it.host, { timeout: 1000 }));
  assert.equal(message.state.account, null, 'the last account known: none');
});

test('empty for a disposed adapter, and for something that is not a connection', async () => {
  const it = connect();
  it.host.dispose();
  assert.equal(await initialStateHtml(it.host), '');
  assert.equal(await initialStateHtml({ dispose() {} }), '');
});
