// The extension-host adapter against a fake `vscode`: every rule, tested on the BUILT entry
// (dist/host.js) so that what ships is what is tested. Run `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, mock, test } from 'node:test';
import {
  connectTelemetryHost,
  DEFAULT_KEY,
  DEFAULT_LOCKED_MESSAGE,
  DEFAULT_PROVIDER_TIMEOUT,
  DEFAULT_SECTION,
  eventsJsonLength,
  isErrorMessage,
  isHostMessage,
  isStateMessage,
  isEventsMessage,
  HISTORY_KEY_PREFIX,
  LOCKED_MESSAGES,
  MAX_EVENT_FIELDS,
  MAX_EVENTS,
  MAX_EVENTS_JSON_LENGTH,
  MAX_STRING_LENGTH,
  OVERRIDDEN_MESSAGES,
  PROTOCOL_VERSION,
  readTelemetrySetting,
  invalidSettingScope,
} from '../../dist/host.js';
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { ConfigurationTarget, createFakeMemento, createFakeVsCode, createFakeWebview, EventEmitter, laggingMemento, settle } from '../../dev/fake-vscode.js';

// The base fields as before the protocol's extensions, plus what a host without extension options now adds: the editor's
// telemetry level, the history (never set: 'default') and the editor's display language.
const DEFAULT_STATE = { enabled: true, editorTelemetryEnabled: true, editorTelemetryLevel: 'all', managedBy: null, account: null, changedAt: null, changedBy: 'default', locale: 'en' };
/** The adapter's clock in these tests, unless a test brings its own. */
const NOW = '2026-11-30T10:00:00.000Z';
const fixedClock = () => new Date(NOW);
const ADA = { loginName: 'ada', email: 'ada@example.com' };

/** Promise rejections nobody handled, from anywhere in a test: the adapter must never leave one. */
const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

/** Every adapter a test connected, checked and disposed after it. */
let connected = [];

/**
 * Connects the adapter to a fresh fake editor and webview.
 * @param {{ isTelemetryEnabled?: boolean, defaults?: Record<string, unknown>, updateDelayMs?: number, language?: unknown, fake?: ReturnType<typeof createFakeVsCode> } & Record<string, unknown>} [init]
 *   `fake`: an editor already in use (another adapter's), to play a restart of the extension host.
 */
function connect({ isTelemetryEnabled, defaults, updateDelayMs, language, fake: existing, ...options } = {}) {
  const fake = existing ?? createFakeVsCode({ isTelemetryEnabled, defaults, updateDelayMs, ...(language !== undefined && { language }) });
  const webview = createFakeWebview(fake.counter);
  const logs = [];
  const host = connectTelemetryHost(webview, { vscode: fake.vscode, log: (message) => logs.push(message), now: fixedClock, ...options });
  let next = 0;
  const it = {
    fake,
    webview,
    logs,
    host,
    nextId: () => `8265269773-${++next}`,
    /** Messages posted from index `from` on. */
    since: (from) => webview.posted.slice(from),
    /** Sends one message from the page and returns what the adapter posted until it was idle again. */
    async exchange(message, sendOptions) {
      const from = webview.posted.length;
      assert.doesNotThrow(() => webview.send(message, sendOptions));
      await settle(fake, webview);
      return it.since(from);
    },
    /** Sends a well-formed request of `type` and returns the single reply to it. */
    async request(type, fields = {}) {
      const id = it.nextId();
      const message = { type: `telemetry/${type}`, id, ...(type === 'hello' && { protocol: PROTOCOL_VERSION }), ...fields };
      const out = await it.exchange(message);
      const replies = out.filter((m) => m.inReplyTo === id);
      assert.equal(replies.length, 1, `one reply to ${type} ${id}, got ${JSON.stringify(out)}`);
      return replies[0];
    },
    /** Runs `action` (a change in the editor) and returns what the adapter posted because of it. */
    async after(action) {
      const from = webview.posted.length;
      assert.doesNotThrow(action);
      await settle(fake, webview);
      return it.since(from);
    },
  };
  connected.push(it);
  return it;
}

const states = (messages) => messages.filter((m) => m.type === 'telemetry/state');
const pushes = (messages) => states(messages).filter((m) => m.inReplyTo === undefined);
const lastState = (webview) => states(webview.posted).at(-1);

afterEach(async () => {
  const done = connected;
  connected = [];
  let rejections;
  try {
    for (const { fake, webview } of done) {
      await settle(fake, webview);
      // Everything the host posts passes the package's own guard, and `rev` tells states apart: it never goes back,
      // one rev always means one state, and a different state always has a different rev.
      let previous;
      // One adapter, one instance id, on every state and error it posts.
      const replies = (m) => m.type !== 'telemetry/events' && m.type !== 'telemetry/events-changed';
      const instances = new Set(webview.posted.filter(replies).map((m) => m.instance));
      assert.ok(instances.size <= 1, `instance ids ${[...instances].join(', ')} from one adapter`);
      for (const message of webview.posted) {
        assert.ok(isHostMessage(message), `not a host message: ${JSON.stringify(message).slice(0, 300)}`);
        if (replies(message)) assert.equal(typeof message.instance, 'string', `no instance id on ${message.type}`);
        if (message.type !== 'telemetry/state') continue;
        assert.ok(isStateMessage(message));
        if (previous) {
          assert.ok(message.rev >= previous.rev, `rev went back from ${previous.rev} to ${message.rev}`);
          if (message.rev === previous.rev) assert.deepEqual(message.state, previous.state, `two states with rev ${message.rev}`);
          else assert.notDeepEqual(message.state, previous.state, `rev ${previous.rev} → ${message.rev} for the same state`);
        }
        previous = message;
      }
    }
  } finally {
    for (const { host } of done) host.dispose();
    rejections = unhandled.splice(0);
  }
  assert.deepEqual(rejections, [], 'unhandled promise rejections');
  assert.deepEqual(Object.keys(Object.prototype), [], 'Object.prototype was polluted');
});

describe('answers', () => {
  test('hello is answered with the whole state: protocol 1, inReplyTo its id, a numeric rev', async () => {
    const it = connect();
    const id = it.nextId();
    const out = await it.exchange({ type: 'telemetry/hello', id, protocol: 1 });
    assert.equal(out.length, 1);
    const [reply] = out;
    assert.ok(isStateMessage(reply));
    assert.equal(reply.type, 'telemetry/state');
    assert.equal(reply.protocol, 1);
    assert.equal(reply.inReplyTo, id);
    assert.equal(typeof reply.rev, 'number');
    assert.ok(Number.isFinite(reply.rev));
    assert.deepEqual(reply.state, DEFAULT_STATE);
  });

  test('get is answered the same way, with the same rev while nothing changed', async () => {
    const it = connect();
    const hello = await it.request('hello');
    const get = await it.request('get');
    assert.ok(isStateMessage(get));
    assert.equal(get.rev, hello.rev);
    assert.deepEqual(get.state, DEFAULT_STATE);
  });

  test('the state matches the editor: setting, editor-wide telemetry, policy, account', async () => {
    const it = connect({ isTelemetryEnabled: false, managedBy: 'policy', account: () => ADA });
    it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false);
    await settle(it.fake, it.webview);
    const reply = await it.request('hello');
    // A policy already there when the adapter started: by policy, since a time nobody told it.
    assert.deepEqual(reply.state, { enabled: false, editorTelemetryEnabled: false, editorTelemetryLevel: 'off', managedBy: 'policy', account: ADA, changedAt: null, changedBy: 'policy', locale: 'en' });
  });
});

describe('the setting', () => {
  test('defaults to codeStudio.telemetry / enabled, written to the user (Global) settings', async () => {
    assert.equal(DEFAULT_SECTION, 'codeStudio.telemetry');
    assert.equal(DEFAULT_KEY, 'allowAnonymousTelemetry');
    const it = connect();
    const reply = await it.request('set', { enabled: false });
    assert.deepEqual(it.fake.updates, [{ section: 'codeStudio.telemetry', key: 'allowAnonymousTelemetry', value: false, target: ConfigurationTarget.Global }]);
    assert.equal(it.fake.userValue('codeStudio.telemetry.allowAnonymousTelemetry'), false);
    assert.equal(reply.state.enabled, false);
  });

  test('custom section, key and target are honoured, for reading, writing and listening', async () => {
    const it = connect({
      section: 'acme.privacy',
      key: 'telemetry.allow',
      target: ConfigurationTarget.Workspace,
      defaults: { 'acme.privacy.telemetry.allow': false, 'codeStudio.telemetry.allowAnonymousTelemetry': true },
    });
    assert.equal((await it.request('hello')).state.enabled, false);
    const reply = await it.request('set', { enabled: true });
    assert.deepEqual(it.fake.updates, [{ section: 'acme.privacy', key: 'telemetry.allow', value: true, target: ConfigurationTarget.Workspace }]);
    assert.equal(it.fake.values[ConfigurationTarget.Workspace].get('acme.privacy.telemetry.allow'), true);
    assert.equal(it.fake.userValue('acme.privacy.telemetry.allow'), undefined);
    assert.equal(reply.state.enabled, true);
    // The default key is now someone else's setting; the custom one is ours.
    assert.deepEqual(await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false)), []);
    const out = await it.after(() => it.fake.editByHand('acme.privacy.telemetry.allow', false, ConfigurationTarget.Workspace));
    assert.equal(pushes(out).length, 1);
    assert.equal(out[0].state.enabled, false);
  });

  test('set writes the value and replies with the new state and a higher rev', async () => {
    const it = connect();
    const hello = await it.request('hello');
    const id = it.nextId();
    const out = await it.exchange({ type: 'telemetry/set', id, enabled: false });
    const reply = out.find((m) => m.inReplyTo === id);
    assert.ok(isStateMessage(reply));
    assert.equal(reply.state.enabled, false);
    assert.ok(reply.rev > hello.rev);
    assert.equal(it.fake.userValue('codeStudio.telemetry.allowAnonymousTelemetry'), false);
    // Whatever else came is the same truth (a push of the change, if any, carries the same rev and state).
    for (const message of out) assert.deepEqual([message.rev, message.state], [reply.rev, reply.state]);
  });

  test('set to the current value writes nothing, still replies, and keeps the rev', async () => {
    const it = connect();
    const hello = await it.request('hello');
    const reply = await it.request('set', { enabled: true });
    assert.deepEqual(it.fake.updates, []);
    assert.equal(reply.type, 'telemetry/state');
    assert.equal(reply.rev, hello.rev);
    assert.deepEqual(reply.state, DEFAULT_STATE);
  });

  test('rev grows exactly when the state changes; a push that changes nothing is not sent', async () => {
    const it = connect();
    const r1 = (await it.request('hello')).rev;
    assert.equal((await it.request('get')).rev, r1);
    assert.equal((await it.request('hello')).rev, r1, 'a second hello does not count as a change');
    const r2 = (await it.request('set', { enabled: false })).rev;
    assert.ok(r2 > r1);
    assert.equal((await it.request('set', { enabled: false })).rev, r2);
    // A configuration event for our key that leaves the value as it was (settings.json saved unchanged).
    assert.deepEqual(await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false)), []);
    const [push] = await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', true));
    assert.ok(push.rev > r2);
    assert.equal(push.inReplyTo, undefined);
    assert.equal((await it.request('get')).rev, push.rev);
  });
});

describe('pushes', () => {
  test('a hand edit of settings.json pushes the new state with a higher rev', async () => {
    const it = connect();
    const hello = await it.request('hello');
    const out = await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false));
    assert.equal(out.length, 1);
    assert.ok(isStateMessage(out[0]));
    assert.equal(out[0].inReplyTo, undefined);
    assert.ok(out[0].rev > hello.rev);
    assert.deepEqual(out[0].state, { ...DEFAULT_STATE, enabled: false, changedAt: NOW, changedBy: 'settings-file' });
    // Removing the line brings the default back.
    const [back] = await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', undefined));
    assert.ok(back.rev > out[0].rev);
    assert.equal(back.state.enabled, true);
  });

  test('a change of the key pushes even before the webview asked anything', async () => {
    const it = connect();
    const out = await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false));
    assert.equal(pushes(out).length, 1);
    assert.equal(out[0].state.enabled, false);
  });

  test('changes of other keys push nothing (codeStudio.telemetry.allowAnonymousTelemetryX, siblings, other sections)', async () => {
    const it = connect({ defaults: { 'codeStudio.telemetry.allowAnonymousTelemetry': true, 'codeStudio.telemetry.allowAnonymousTelemetryX': true } });
    await it.request('hello');
    for (const key of ['codeStudio.telemetry.allowAnonymousTelemetryX', 'codeStudio.telemetry.level', 'codeStudio.theme', 'editor.fontSize', 'codeStudio']) {
      assert.deepEqual(await it.after(() => it.fake.editByHand(key, false)), [], key);
    }
    assert.equal((await it.request('get')).state.enabled, true);
  });

  test('the event is asked about the full key, so prefix matching follows VS Code', async () => {
    const it = connect();
    await it.request('hello');
    const asked = [];
    const out = await it.after(() =>
      it.fake.configurationChanged.fire({
        affectsConfiguration: (section) => {
          asked.push(section);
          return false;
        },
      }),
    );
    assert.deepEqual(out, []);
    assert.deepEqual(asked, ['codeStudio.telemetry.allowAnonymousTelemetry', 'telemetry.telemetryLevel', 'telemetry.enableTelemetry']);
  });

  test('the editor-wide telemetry switching off and on pushes editorTelemetryEnabled with a higher rev', async () => {
    const it = connect();
    const hello = await it.request('hello');
    const [off] = await it.after(() => it.fake.setTelemetryEnabled(false));
    assert.equal(off.inReplyTo, undefined);
    assert.ok(off.rev > hello.rev);
    assert.deepEqual(off.state, { ...DEFAULT_STATE, editorTelemetryEnabled: false, editorTelemetryLevel: 'off' });
    const [on] = await it.after(() => it.fake.setTelemetryEnabled(true));
    assert.ok(on.rev > off.rev);
    assert.equal(on.state.editorTelemetryEnabled, true);
    // The event fired without a change pushes nothing.
    assert.deepEqual(await it.after(() => it.fake.telemetryChanged.fire(true)), []);
  });

  test('account changes push: sign in, switch, sign out (account function and onDidChangeAccount)', async () => {
    const accountChanged = new EventEmitter();
    let account = null;
    const it = connect({ account: () => account, onDidChangeAccount: accountChanged.event });
    const hello = await it.request('hello');
    assert.equal(hello.state.account, null);
    account = ADA;
    const [signedIn] = await it.after(() => accountChanged.fire(undefined));
    assert.ok(signedIn.rev > hello.rev);
    assert.deepEqual(signedIn.state.account, ADA);
    account = { loginName: 'grace', email: 'grace@example.com' };
    const [switched] = await it.after(() => accountChanged.fire(undefined));
    assert.ok(switched.rev > signedIn.rev);
    assert.deepEqual(switched.state.account, account);
    assert.deepEqual(await it.after(() => accountChanged.fire(undefined)), [], 'no change, no push');
    account = null;
    const [signedOut] = await it.after(() => accountChanged.fire(undefined));
    assert.ok(signedOut.rev > switched.rev);
    assert.equal(signedOut.state.account, null);
  });

  test('an async account function is awaited; undefined counts as signed out', async () => {
    const accountChanged = new EventEmitter();
    let account = ADA;
    const it = connect({
      account: async () => {
        await new Promise((resolve) => process.nextTick(resolve));
        return account;
      },
      onDidChangeAccount: accountChanged.event,
    });
    assert.deepEqual((await it.request('hello')).state.account, ADA);
    account = undefined;
    const [push] = await it.after(() => accountChanged.fire(undefined));
    assert.equal(push.state.account, null);
  });

  test('an account with over-long or non-string fields is cut down to what the webview accepts', async () => {
    const it = connect({ account: () => ({ loginName: 'a'.repeat(10_000), email: 42, extra: 'dropped' }) });
    const reply = await it.request('hello');
    assert.ok(isStateMessage(reply));
    assert.deepEqual(reply.state.account, { loginName: 'a'.repeat(MAX_STRING_LENGTH), email: '' });
  });

  test('managedBy as a value is reported; anything but "policy" counts as null', async () => {
    assert.equal((await connect({ managedBy: 'policy' }).request('hello')).state.managedBy, 'policy');
    assert.equal((await connect({ managedBy: null }).request('hello')).state.managedBy, null);
    assert.equal((await connect({ managedBy: 'admin' }).request('hello')).state.managedBy, null);
  });

  test('managedBy as a function with onDidChangeManagedBy: lock and unlock are pushed with higher revs', async () => {
    const managedByChanged = new EventEmitter();
    let managedBy = null;
    const it = connect({ managedBy: () => managedBy, onDidChangeManagedBy: managedByChanged.event });
    const hello = await it.request('hello');
    managedBy = 'policy';
    const [locked] = await it.after(() => managedByChanged.fire(undefined));
    assert.ok(locked.rev > hello.rev);
    assert.equal(locked.state.managedBy, 'policy');
    assert.deepEqual(await it.after(() => managedByChanged.fire(undefined)), []);
    managedBy = undefined;
    const [unlocked] = await it.after(() => managedByChanged.fire(undefined));
    assert.ok(unlocked.rev > locked.rev);
    assert.equal(unlocked.state.managedBy, null);
  });
});

describe('a non-boolean setting counts as off, and the state says which scope holds it', () => {
  const config = (value, defaultValue, key = 'allowAnonymousTelemetry') => ({
    get: (k) => (k === key ? value : undefined),
    inspect: (k) => (k === key ? { key: k, defaultValue } : undefined),
  });

  test('readTelemetrySetting: booleans as they are, nothing set the default (no boolean default → on), anything else off', () => {
    assert.equal(readTelemetrySetting(config(false, true)), false);
    assert.equal(readTelemetrySetting(config(true, false)), true);
    assert.equal(readTelemetrySetting(config(undefined, true)), true);
    assert.equal(readTelemetrySetting(config(undefined, false)), false);
    assert.equal(readTelemetrySetting(config(undefined, undefined)), true, 'no default: on, as the product ships');
    assert.equal(readTelemetrySetting(config(undefined, 'no')), true, 'a junk default: on, as the product ships');
    for (const junk of ['yes', 'false', 0, 1, null, {}, [], NaN]) {
      assert.equal(readTelemetrySetting(config(junk, true)), false, `${String(junk)} with default true`);
      assert.equal(readTelemetrySetting(config(junk, false)), false, `${String(junk)} with default false`);
      assert.equal(readTelemetrySetting(config(junk, undefined)), false, `${String(junk)} without default`);
    }
    assert.equal(readTelemetrySetting({ get: () => 'yes', inspect: () => undefined }), false);
    assert.equal(readTelemetrySetting(config(false, true, 'allow'), 'allow'), false);
    assert.equal(readTelemetrySetting(config(false, true, 'allow')), true, 'the key defaults to "enabled"');
  });

  test('a junk value in a scope that does not decide still counts as off', () => {
    const fake = createFakeVsCode();
    const configuration = fake.vscode.workspace.getConfiguration('codeStudio.telemetry');
    fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', 'false');
    fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', true, ConfigurationTarget.Workspace);
    assert.equal(readTelemetrySetting(configuration), false);
    assert.equal(invalidSettingScope(configuration), 'user');
    fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', true);
    assert.equal(readTelemetrySetting(configuration), true);
    assert.equal(invalidSettingScope(configuration), undefined);
  });

  test('readTelemetrySetting on the fake configuration (inspect gives the contributed default)', () => {
    const fake = createFakeVsCode({ defaults: { 'codeStudio.telemetry.allowAnonymousTelemetry': false } });
    const configuration = fake.vscode.workspace.getConfiguration('codeStudio.telemetry');
    assert.equal(readTelemetrySetting(configuration), false);
    fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', 'yes');
    assert.equal(readTelemetrySetting(configuration), false);
    fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', true);
    assert.equal(readTelemetrySetting(configuration), true);
  });

  test('the adapter reports a hand-edited "yes" as off, names its scope, and a set from there writes a boolean', async () => {
    const it = connect();
    await it.request('set', { enabled: false });
    const [push] = await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', 'yes'));
    assert.equal(push.state.enabled, false);
    assert.equal(push.state.invalidSetting, 'user');
    await it.request('set', { enabled: true });
    assert.equal(it.fake.userValue('codeStudio.telemetry.allowAnonymousTelemetry'), true);
    const fixed = await it.request('get');
    assert.equal(fixed.state.enabled, true);
    assert.equal('invalidSetting' in fixed.state, false, 'absent once every value is valid');

    const workspace = connect();
    workspace.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', 'false', ConfigurationTarget.Workspace);
    const state = (await workspace.request('hello')).state;
    assert.equal(state.enabled, false);
    assert.equal(state.invalidSetting, 'workspace');
  });
});

describe('policy lock', () => {
  test('a set while managedBy is "policy" gets telemetry/error locked, and nothing is written', async () => {
    const it = connect({ managedBy: 'policy' });
    const id = it.nextId();
    const out = await it.exchange({ type: 'telemetry/set', id, enabled: false });
    assert.equal(out.length, 1);
    assert.ok(isErrorMessage(out[0]));
    assert.deepEqual(out[0], { type: 'telemetry/error', protocol: 1, instance: out[0].instance, inReplyTo: id, code: 'locked', message: DEFAULT_LOCKED_MESSAGE });
    assert.deepEqual(it.fake.updates, []);
    assert.equal(it.fake.effective('codeStudio.telemetry.allowAnonymousTelemetry'), true);
    // Reads still work while locked.
    assert.equal((await it.request('get')).state.managedBy, 'policy');
  });

  test('the lockedMessage option is the message; a lock by function is read at request time', async () => {
    let managedBy = null;
    const it = connect({ managedBy: () => managedBy, lockedMessage: 'Acme IT decides this one.' });
    managedBy = 'policy';
    const reply = await it.request('set', { enabled: false });
    assert.equal(reply.code, 'locked');
    assert.equal(reply.message, 'Acme IT decides this one.');
    assert.deepEqual(it.fake.updates, []);
    managedBy = null;
    assert.equal((await it.request('set', { enabled: false })).state.enabled, false);
  });
});

describe('bad input', () => {
  const noUsableId = {
    'a string': 'telemetry/hello',
    'a number': 42,
    null: null,
    undefined: undefined,
    'a boolean': true,
    'an empty array': [],
    'an array holding a request': [{ type: 'telemetry/get', id: 'x-1' }],
    'an empty object': {},
    'a get without id': { type: 'telemetry/get' },
    'an empty id': { type: 'telemetry/get', id: '' },
    'a numeric id': { type: 'telemetry/get', id: 5 },
    'a null id': { type: 'telemetry/set', id: null, enabled: true },
    'an object id': { type: 'telemetry/get', id: { toString: null } },
    'an id of 5000 characters': { type: 'telemetry/get', id: 'x'.repeat(5000) },
    'an id of 4097 characters': { type: 'telemetry/hello', id: 'x'.repeat(MAX_STRING_LENGTH + 1), protocol: 1 },
    'a request under "__proto__" (JSON)': JSON.parse('{"__proto__": {"type": "telemetry/get", "id": "x-1"}}'),
  };

  for (const [name, message] of Object.entries(noUsableId)) {
    test(`without a usable id, ${name} is dropped and logged`, async () => {
      const it = connect();
      const out = await it.exchange(message);
      assert.deepEqual(out, []);
      assert.equal(it.webview.calls, 0);
      assert.equal(it.logs.length, 1, `logs: ${JSON.stringify(it.logs)}`);
      assert.deepEqual(it.fake.updates, []);
      assert.deepEqual((await it.request('hello')).state, DEFAULT_STATE, 'still answers afterwards');
    });
  }

  test('objects that are not plain (class instances, inherited fields) are dropped, unless their own id is usable', async () => {
    const it = connect();
    // Delivered without structured clone, as a misbehaving in-process caller could.
    const inherited = Object.create({ type: 'telemetry/get', id: 'x-1' });
    assert.deepEqual(await it.exchange(inherited, { clone: false }), []);
    class Request {
      type = 'telemetry/get';
      id = 'x-2';
    }
    assert.deepEqual(await it.exchange(new Request(), { clone: false }), []);
    assert.equal(it.logs.length, 2);
  });

  const withId = {
    'an unknown type': { type: 'telemetry/delete' },
    'no type': {},
    'a numeric type': { type: 7 },
    'a type of 5000 characters': { type: 'x'.repeat(5000) },
    'set with enabled "false"': { type: 'telemetry/set', enabled: 'false' },
    'set with enabled 0': { type: 'telemetry/set', enabled: 0 },
    'set with enabled null': { type: 'telemetry/set', enabled: null },
    'set without enabled': { type: 'telemetry/set' },
    'set with enabled of 5000 characters': { type: 'telemetry/set', enabled: 't'.repeat(5000) },
    'hello with protocol 2': { type: 'telemetry/hello', protocol: 2 },
    'hello with protocol "1"': { type: 'telemetry/hello', protocol: '1' },
    'hello without protocol': { type: 'telemetry/hello' },
    'a host message sent back': { type: 'telemetry/state', protocol: 1, rev: 1, state: { enabled: false } },
  };

  for (const [name, fields] of Object.entries(withId)) {
    test(`with a usable id, ${name} gets telemetry/error bad-request`, async () => {
      const it = connect();
      const id = it.nextId();
      const out = await it.exchange({ ...fields, id });
      assert.equal(out.length, 1, JSON.stringify(out));
      assert.ok(isErrorMessage(out[0]));
      assert.equal(out[0].inReplyTo, id);
      assert.equal(out[0].code, 'bad-request');
      assert.equal(out[0].protocol, 1);
      assert.ok(out[0].message.length > 0);
      assert.deepEqual(it.fake.updates, []);
      assert.deepEqual((await it.request('hello')).state, DEFAULT_STATE, 'still answers afterwards');
    });
  }

  test('hello with protocol 2 is told which protocol this editor speaks', async () => {
    const it = connect();
    const [reply] = await it.exchange({ type: 'telemetry/hello', id: 'p-1', protocol: 2 });
    assert.equal(reply.code, 'bad-request');
    assert.match(reply.message, /protocol 1/);
  });

  test('an id of exactly 4096 characters is still answered, with that id', async () => {
    const it = connect();
    const id = 'i'.repeat(MAX_STRING_LENGTH);
    const [reply] = await it.exchange({ type: 'telemetry/get', id });
    assert.equal(reply.inReplyTo, id);
    const [error] = await it.exchange({ type: 'nope', id });
    assert.equal(error.inReplyTo, id);
  });

  test('"__proto__" and "constructor" keys in a request are plain data: no pollution, the request is served', async () => {
    const it = connect();
    const message = JSON.parse(
      '{"type": "telemetry/set", "id": "p-1", "enabled": false, "__proto__": {"polluted": true, "enabled": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    const out = await it.exchange(message);
    assert.equal(out.length, 1);
    assert.equal(out[0].inReplyTo, 'p-1');
    assert.equal(out[0].state.enabled, false);
    assert.equal({}.polluted, undefined);
    const [bad] = await it.exchange(JSON.parse('{"__proto__": {"polluted": true}, "id": "p-2", "type": "__proto__"}'));
    assert.equal(bad.code, 'bad-request');
    assert.equal(bad.inReplyTo, 'p-2');
    assert.equal({}.polluted, undefined);
    assert.equal(Object.prototype.polluted, undefined);
  });

  test('a hundred malformed messages in a row: no throw, no rejection, and the adapter keeps working', async () => {
    const it = connect();
    await assert.doesNotReject(async () => {
      for (let i = 0; i < 100; i++) it.webview.send(i % 2 ? { type: 'x', id: `b-${i}` } : [i]);
      await settle(it.fake, it.webview);
    });
    assert.equal(it.webview.posted.length, 50);
    assert.ok(it.webview.posted.every((m) => m.code === 'bad-request'));
    assert.equal(it.logs.length, 50);
    assert.equal((await it.request('set', { enabled: false })).state.enabled, false);
  });
});

describe('failed write', () => {
  test('write-failed with the editor\'s message; the webview ends up knowing the state as it really is', async () => {
    const it = connect();
    const hello = await it.request('hello');
    const message = 'Unable to write into user settings. Please open the user settings to correct errors/warnings in it and try again.';
    it.fake.failNextUpdate(message);
    const id = it.nextId();
    const out = await it.exchange({ type: 'telemetry/set', id, enabled: false });
    assert.ok(isErrorMessage(out[0]), JSON.stringify(out));
    assert.deepEqual(out[0], { type: 'telemetry/error', protocol: 1, instance: out[0].instance, inReplyTo: id, code: 'write-failed', message });
    assert.equal(it.fake.effective('codeStudio.telemetry.allowAnonymousTelemetry'), true);
    // The error is followed by the state as it really is, unchanged, so with the hello's rev.
    assert.equal(out.length, 2, JSON.stringify(out));
    assert.ok(isStateMessage(out[1]));
    assert.equal(out[1].inReplyTo, undefined);
    assert.deepEqual(out[1].state, DEFAULT_STATE);
    assert.equal(out[1].rev, hello.rev);
    // And it keeps working.
    const reply = await it.request('set', { enabled: false });
    assert.equal(reply.state.enabled, false);
    assert.equal(it.fake.userValue('codeStudio.telemetry.allowAnonymousTelemetry'), false);
  });

  test('a failed set as the very first request is followed by the state as it really is', async () => {
    const it = connect();
    it.fake.failNextUpdate('The settings file is read-only.');
    const id = it.nextId();
    const out = await it.exchange({ type: 'telemetry/set', id, enabled: false });
    assert.equal(out.length, 2, JSON.stringify(out));
    assert.equal(out[0].code, 'write-failed');
    assert.equal(out[0].message, 'The settings file is read-only.');
    assert.ok(isStateMessage(out[1]));
    assert.deepEqual(out[1].state, DEFAULT_STATE);
  });

  test('a write that lands and then reports failure: write-failed, then the new real state with a higher rev', async () => {
    const it = connect();
    const hello = await it.request('hello');
    it.fake.failNextUpdate('Unable to write into user settings.', { writeFirst: true });
    const id = it.nextId();
    const out = await it.exchange({ type: 'telemetry/set', id, enabled: false });
    assert.equal(out[0].code, 'write-failed');
    assert.equal(out[0].inReplyTo, id);
    const after = states(out);
    assert.ok(after.length >= 1, 'a state follows the error');
    assert.ok(after[0].rev > hello.rev);
    assert.equal(after.at(-1).state.enabled, false);
    assert.equal(it.fake.userValue('codeStudio.telemetry.allowAnonymousTelemetry'), false);
  });

  test('an editor message over 4096 characters is cut to what the webview accepts', async () => {
    const it = connect();
    it.fake.failNextUpdate('E'.repeat(10_000));
    const reply = await it.request('set', { enabled: false });
    assert.ok(isErrorMessage(reply));
    assert.equal(reply.code, 'write-failed');
    assert.equal(reply.message, 'E'.repeat(MAX_STRING_LENGTH));
  });
});

describe('account errors', () => {
  test('an account function that throws: logged, account null, the request still answered', async () => {
    const it = connect({
      account: () => {
        throw new Error('auth provider exploded');
      },
    });
    const reply = await it.request('hello');
    assert.equal(reply.state.account, null);
    assert.equal(it.logs.length, 1);
    assert.match(it.logs[0], /auth provider exploded/);
  });

  test('an account function that rejects: logged, account null, the request still answered', async () => {
    const it = connect({ account: () => Promise.reject(new Error('token expired')) });
    const reply = await it.request('get');
    assert.equal(reply.state.account, null);
    assert.match(it.logs.join('\n'), /token expired/);
    const set = await it.request('set', { enabled: false });
    assert.equal(set.state.enabled, false);
  });
});

describe('failing options', () => {
  test('a log option that throws (a closed output channel) stops nothing: later requests are still answered', async () => {
    const it = connect({ log: () => { throw new Error('channel closed'); } });
    await it.exchange([1]); // dropped, and its log line throws
    it.webview.mode = 'disposed'; // postMessage rejects, and the log line about it throws inside the queue
    await it.exchange({ type: 'telemetry/hello', id: 'l-1', protocol: 1 });
    it.webview.mode = 'visible';
    const reply = await it.request('hello');
    assert.ok(isStateMessage(reply));
    assert.equal(unhandled.length, 0);
  });

  test('a managedBy function that throws: logged, reported as null (no policy claimed), and the request still answered', async () => {
    const it = connect({ managedBy: () => { throw new Error('policy store unavailable'); } });
    const reply = await it.request('hello');
    assert.ok(isStateMessage(reply));
    assert.equal(reply.state.managedBy, null);
    assert.ok(it.logs.some((line) => line.includes('policy store unavailable')), it.logs.join('\n'));
  });
});

describe('postMessage', () => {
  test('resolving false (webview hidden): nothing thrown, and the next hello is answered with the current state', async () => {
    const it = connect();
    await it.request('hello');
    it.webview.mode = 'hidden';
    const calls = it.webview.calls;
    await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false));
    it.webview.send({ type: 'telemetry/get', id: 'hidden-1' });
    await settle(it.fake, it.webview);
    assert.ok(it.webview.calls > calls, 'the adapter tried to post');
    assert.deepEqual(it.logs, []);
    it.webview.mode = 'visible';
    const reply = await it.request('hello');
    assert.equal(reply.state.enabled, false);
  });

  test('rejecting (webview disposed): logged, no throw, no unhandled rejection', async () => {
    const it = connect();
    it.webview.mode = 'disposed';
    await assert.doesNotReject(async () => {
      it.webview.send({ type: 'telemetry/hello', id: 'd-1', protocol: 1 });
      it.webview.send({ type: 'bogus', id: 'd-2' });
      it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false);
      await settle(it.fake, it.webview);
    });
    assert.ok(it.logs.length >= 2, JSON.stringify(it.logs));
    assert.ok(it.logs.every((line) => /disposed/.test(line)), JSON.stringify(it.logs));
  });
});

describe('order', () => {
  test('a malformed request waits its turn: with a slow update, set then bad-request replies leave in that order', async () => {
    const it = connect({ updateDelayMs: 10 });
    it.webview.send({ type: 'telemetry/set', id: 'q-1', enabled: false });
    it.webview.send({ type: 'nope', id: 'q-2' });
    await settle(it.fake, it.webview);
    const replies = it.webview.posted.filter((m) => m.inReplyTo !== undefined);
    assert.deepEqual(replies.map((m) => [m.inReplyTo, m.type]), [['q-1', 'telemetry/state'], ['q-2', 'telemetry/error']]);
  });

  test('several sets at once with a slow update: replies in request order, the setting ends as the last one', async () => {
    const it = connect({ updateDelayMs: 10 });
    const values = [false, true, false, true, false];
    const ids = values.map(() => it.nextId());
    values.forEach((enabled, i) => it.webview.send({ type: 'telemetry/set', id: ids[i], enabled }));
    await settle(it.fake, it.webview);
    const replies = it.webview.posted.filter((m) => m.inReplyTo !== undefined);
    assert.deepEqual(
      replies.map((m) => m.inReplyTo),
      ids,
    );
    assert.deepEqual(
      replies.map((m) => m.state.enabled),
      values,
    );
    assert.deepEqual(
      it.fake.updates.map((u) => u.value),
      values,
    );
    assert.equal(it.fake.userValue('codeStudio.telemetry.allowAnonymousTelemetry'), false);
    assert.equal(lastState(it.webview).state.enabled, false);
  });

  test('hello, set, get sent together with a slow update are answered in order, the get after the write', async () => {
    const it = connect({ updateDelayMs: 10 });
    it.webview.send({ type: 'telemetry/hello', id: 'o-1', protocol: 1 });
    it.webview.send({ type: 'telemetry/set', id: 'o-2', enabled: false });
    it.webview.send({ type: 'telemetry/get', id: 'o-3' });
    await settle(it.fake, it.webview);
    const replies = it.webview.posted.filter((m) => m.inReplyTo !== undefined);
    assert.deepEqual(
      replies.map((m) => [m.inReplyTo, m.state.enabled]),
      [
        ['o-1', true],
        ['o-2', false],
        ['o-3', false],
      ],
    );
  });
});

describe('dispose', () => {
  test('removes every listener it added (webview, configuration, env, account, managedBy)', () => {
    const fake = createFakeVsCode();
    const webview = createFakeWebview(fake.counter);
    const accountChanged = new EventEmitter(fake.counter);
    const managedByChanged = new EventEmitter(fake.counter);
    const host = connectTelemetryHost(webview, {
      vscode: fake.vscode,
      log: () => {},
      account: () => null,
      onDidChangeAccount: accountChanged.event,
      managedBy: () => null,
      onDidChangeManagedBy: managedByChanged.event,
    });
    assert.equal(fake.counter.live, 5);
    host.dispose();
    assert.equal(fake.counter.live, 0);
    assert.doesNotThrow(() => host.dispose(), 'a second dispose is harmless');

    const plain = connectTelemetryHost(webview, { vscode: fake.vscode, log: () => {} });
    assert.equal(fake.counter.live, 3);
    plain.dispose();
    assert.equal(fake.counter.live, 0);
  });

  test('after dispose nothing is posted: not for requests, configuration, env, account or policy changes', async () => {
    const accountChanged = new EventEmitter();
    const managedByChanged = new EventEmitter();
    let account = null;
    let managedBy = null;
    const it = connect({ account: () => account, onDidChangeAccount: accountChanged.event, managedBy: () => managedBy, onDidChangeManagedBy: managedByChanged.event });
    await it.request('hello');
    const before = it.webview.calls;
    it.host.dispose();
    account = ADA;
    managedBy = 'policy';
    it.webview.send({ type: 'telemetry/hello', id: 'late-1', protocol: 1 });
    it.webview.send({ type: 'bogus', id: 'late-2' });
    it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false);
    it.fake.setTelemetryEnabled(false);
    accountChanged.fire(undefined);
    managedByChanged.fire(undefined);
    await settle(it.fake, it.webview);
    assert.equal(it.webview.calls, before);
  });

  test('a request in flight when disposed is never answered, nor is the change it causes pushed', async () => {
    const it = connect({ updateDelayMs: 20 });
    await it.request('hello');
    const before = it.webview.calls;
    it.webview.send({ type: 'telemetry/set', id: 'flight-1', enabled: false });
    it.webview.send({ type: 'telemetry/get', id: 'flight-2' });
    await new Promise((resolve) => process.nextTick(resolve));
    assert.equal(it.fake.pendingUpdates, 1, 'the write is under way');
    it.host.dispose();
    await settle(it.fake, it.webview);
    assert.equal(it.webview.calls, before);
    assert.equal(it.fake.counter.live, 0);
  });
});

describe('fuzz', () => {
  /** mulberry32: a small seeded generator, so a failure can be replayed. */
  const random = (seed) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  test('3000 random messages and editor events (seed 20261130): no throw, valid output, one reply per request with a usable id', async () => {
    const rand = random(20261130);
    const pick = (list) => list[Math.floor(rand() * list.length)];
    const accountChanged = new EventEmitter();
    const managedByChanged = new EventEmitter();
    let account = null;
    let managedBy = null;
    const it = connect({ account: () => account, onDidChangeAccount: accountChanged.event, managedBy: () => managedBy, onDidChangeManagedBy: managedByChanged.event });
    const junk = () =>
      pick([
        () => undefined,
        () => null,
        () => rand() < 0.5,
        () => Math.floor(rand() * 10) - 2,
        () => NaN,
        () => '',
        () => 'x'.repeat(pick([1, 4095, 4096, 4097, 5000])),
        () => pick(['telemetry/hello', 'telemetry/get', 'telemetry/set', 'telemetry/state', 'telemetry/error', '__proto__', 'constructor', 'toString']),
        () => [],
        () => ({}),
        () => JSON.parse('{"__proto__": {"polluted": true}}'),
        () => ({ constructor: { prototype: { polluted: true } } }),
      ])();
    let n = 0;
    /** How many messages were sent with each usable id (junk ids repeat), and how many replies each got. */
    const sent = new Map();
    const replies = new Map();
    const message = () => {
      const id = `f-${++n}`;
      const base = pick([
        () => ({ type: 'telemetry/hello', id, protocol: 1 }),
        () => ({ type: 'telemetry/get', id }),
        () => ({ type: 'telemetry/set', id, enabled: rand() < 0.5 }),
      ])();
      const roll = rand();
      if (roll < 0.4) return base; // well-formed
      if (roll < 0.8) {
        // one to three fields set to junk, removed, or added
        for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) {
          const key = pick(['type', 'id', 'protocol', 'enabled', '__proto__', 'constructor', 'extra']);
          if (rand() < 0.2) delete base[key];
          else Object.defineProperty(base, key, { value: junk(), enumerable: true, writable: true, configurable: true });
        }
        return base;
      }
      return junk();
    };
    const usableId = (value) =>
      value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'id') && typeof value.id === 'string' && value.id !== '' && value.id.length <= MAX_STRING_LENGTH
        ? value.id
        : undefined;

    await assert.doesNotReject(async () => {
      for (let i = 0; i < 3000; i++) {
        const roll = rand();
        if (roll < 0.9) {
          const m = message();
          const id = usableId(m);
          if (id !== undefined) sent.set(id, (sent.get(id) ?? 0) + 1);
          assert.doesNotThrow(() => it.webview.send(m));
        } else if (roll < 0.93) {
          it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', junk());
        } else if (roll < 0.95) {
          it.fake.setTelemetryEnabled(rand() < 0.5);
        } else if (roll < 0.97) {
          account = pick([null, ADA, { loginName: 'grace', email: 'grace@example.com' }]);
          accountChanged.fire(undefined);
        } else if (roll < 0.98) {
          managedBy = pick([null, 'policy']);
          managedByChanged.fire(undefined);
        } else if (roll < 0.99) {
          it.fake.failNextUpdate();
        } else {
          await settle(it.fake, it.webview);
        }
      }
      await settle(it.fake, it.webview);
    });

    assert.ok(it.webview.posted.length > 1000, `only ${it.webview.posted.length} messages posted`);
    for (const posted of it.webview.posted) {
      assert.ok(isHostMessage(posted), JSON.stringify(posted).slice(0, 300));
      if (posted.inReplyTo !== undefined) {
        assert.ok(sent.has(posted.inReplyTo), `a reply to an id never sent with a usable id: ${posted.inReplyTo.slice(0, 40)}`);
        replies.set(posted.inReplyTo, (replies.get(posted.inReplyTo) ?? 0) + 1);
      }
    }
    const wrong = [...sent].filter(([id, count]) => replies.get(id) !== count).map(([id, count]) => [id.slice(0, 40), count, replies.get(id)]);
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} ids without exactly one reply per request`);
    assert.equal({}.polluted, undefined);
    assert.deepEqual(Object.keys(Object.prototype), []);
  });
});

describe('the built entry', () => {
  const root = new URL('../../dist/', import.meta.url);

  test('dist/host.js and dist/host.cjs import neither vscode, lit nor the DOM', () => {
    for (const file of ['host.js', 'host.cjs']) {
      const source = readFileSync(new URL(file, root), 'utf8');
      assert.doesNotMatch(source, /\b(?:require\s*\(|from\s*|import\s*\(?\s*)["'](?:vscode|lit|@lit\/[^"']*)["']/, `${file} imports vscode or lit`);
      // A global, not a property: the injected `vscode.window` is no DOM.
      assert.doesNotMatch(source, /(?<![.\w$])(?:document|window|customElements|HTMLElement)\b/, `${file} uses the DOM`);
    }
  });

  test('dist/host.cjs works from require() with the same API', async () => {
    const cjs = createRequire(import.meta.url)('../../dist/host.cjs');
    for (const name of ['connectTelemetryHost', 'readTelemetrySetting', 'isHostMessage', 'isStateMessage', 'isErrorMessage']) {
      assert.equal(typeof cjs[name], 'function', name);
    }
    assert.equal(cjs.DEFAULT_SECTION, DEFAULT_SECTION);
    const fake = createFakeVsCode();
    const webview = createFakeWebview(fake.counter);
    const host = cjs.connectTelemetryHost(webview, { vscode: fake.vscode, log: () => {} });
    webview.send({ type: 'telemetry/hello', id: 'cjs-1', protocol: 1 });
    await settle(fake, webview);
    assert.equal(webview.posted.length, 1);
    assert.ok(isStateMessage(webview.posted[0]));
    assert.deepEqual(webview.posted[0].state, DEFAULT_STATE);
    host.dispose();
    assert.equal(fake.counter.live, 0);
  });
});

describe('extensions: none offered (backwards compatible)', () => {
  test('without the new options the state has the old fields plus history and locale, and no offers nor accountLinked', async () => {
    const it = connect();
    const reply = await it.request('hello');
    assert.deepEqual(Object.keys(reply.state), ['enabled', 'editorTelemetryEnabled', 'editorTelemetryLevel', 'managedBy', 'account', 'changedAt', 'changedBy', 'locale']);
  });

  test('an events request gets not-offered; a set of accountLinked gets not-offered and writes nothing', async () => {
    const it = connect();
    const events = await it.request('events', { category: 'system' });
    assert.equal(events.type, 'telemetry/error');
    assert.equal(events.code, 'not-offered');
    assert.ok(events.message.length > 0);
    const set = await it.request('set', { accountLinked: false });
    assert.equal(set.code, 'not-offered');
    assert.deepEqual(it.fake.updates, []);
  });
});

/** An event of `category` at minute `minute` past NOW's hour. */
const event = (category, minute, data = {}, name = `${category}/sample`) => ({
  time: new Date(Date.parse(NOW) + minute * 60_000).toISOString(),
  category,
  name,
  data,
});

describe('extensions: events', () => {
  test('offered as "events"; a request gets only that category, as sent, oldest first', async () => {
    const asked = [];
    const source = [event('tokens', 2, { prompt: 120, completion: 48 }), event('system', 1, { os: 'linux' }), event('tokens', 1, { prompt: 1, completion: 2 })];
    const it = connect({
      events: async (category) => {
        asked.push(category);
        return source;
      },
    });
    assert.deepEqual((await it.request('hello')).state.offers, ['events']);
    const reply = await it.request('events', { category: 'tokens' });
    assert.ok(isEventsMessage(reply), JSON.stringify(reply));
    assert.deepEqual(reply, { type: 'telemetry/events', protocol: 1, inReplyTo: reply.inReplyTo, events: [source[2], source[0]], more: false });
    assert.deepEqual(asked, ['tokens']);
    assert.deepEqual((await it.request('events', { category: 'account' })).events, [], 'none of a category is an empty list');
    assert.deepEqual(it.logs, []);
  });

  test('onDidChangeEvents: each change of a category\'s log is pushed as telemetry/events-changed, until disposed', async () => {
    const changed = new EventEmitter();
    const it = connect({ events: () => [], onDidChangeEvents: changed.event });
    const from = it.webview.posted.length;
    changed.fire('tokens');
    changed.fire('not-a-category');
    changed.fire('account');
    await settle(it.fake, it.webview);
    assert.deepEqual(it.since(from), [
      { type: 'telemetry/events-changed', protocol: 1, category: 'tokens' },
      { type: 'telemetry/events-changed', protocol: 1, category: 'account' },
    ]);
    assert.ok(it.since(from).every(isHostMessage));
    it.host.dispose();
    changed.fire('tokens');
    await settle(it.fake, it.webview);
    assert.equal(it.since(from).length, 2, 'nothing after dispose');
  });

  test('onDidChangeEvents without the events offered is not listened to', async () => {
    const changed = new EventEmitter();
    const it = connect({ onDidChangeEvents: changed.event });
    const from = it.webview.posted.length;
    changed.fire('tokens');
    await settle(it.fake, it.webview);
    assert.deepEqual(it.since(from), []);
  });

  test('malformed events are dropped with one log line; strings clipped; undefined fields left out; __proto__ stays data', async () => {
    const good = event('system', 0, { os: 'x'.repeat(5000), cores: 2, gpu: null, wsl: false, missing: undefined });
    const withProto = { ...event('system', 1), data: JSON.parse('{"__proto__": "polluted", "ok": 1}') };
    const malformed = [
      null, 42, 'system', [event('system', 0)], {},
      { ...event('system', 0), time: 'yesterday' },
      { ...event('system', 0), time: 5 },
      { ...event('system', 0), name: 7 },
      { ...event('system', 0), name: '' },
      { ...event('system', 0), data: null },
      { ...event('system', 0), data: [1] },
      event('system', 0, { nested: { a: 1 } }),
      event('system', 0, { n: NaN }),
      event('system', 0, { n: Infinity }),
      event('system', 0, { f: () => 1 }),
      Object.create(event('system', 0)), // inherited fields are not the event's own
    ];
    const it = connect({ events: () => [good, ...malformed, withProto, { ...event('system', 2), name: 'n'.repeat(5000) }] });
    const reply = await it.request('events', { category: 'system' });
    assert.ok(isEventsMessage(reply), JSON.stringify(reply).slice(0, 300));
    assert.equal(reply.events.length, 3);
    assert.deepEqual(reply.events[0].data, { os: 'x'.repeat(MAX_STRING_LENGTH), cores: 2, gpu: null, wsl: false });
    assert.ok(Object.hasOwn(reply.events[1].data, '__proto__'));
    assert.equal(reply.events[1].data['__proto__'], 'polluted');
    assert.equal(Object.getPrototypeOf(reply.events[1].data), Object.prototype);
    assert.equal(reply.events[1].data.ok, 1);
    assert.equal(reply.events[2].name, 'n'.repeat(MAX_STRING_LENGTH));
    assert.equal({}.polluted, undefined);
    assert.equal(it.logs.length, 1, JSON.stringify(it.logs));
    assert.match(it.logs[0], new RegExp(`dropped ${malformed.length} malformed`));
  });

  test(`data is cut to ${MAX_EVENT_FIELDS} fields (logged); times are sent as ISO 8601`, async () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_EVENT_FIELDS + 10 }, (_, i) => [`f${i}`, i]));
    const it = connect({ events: () => [{ ...event('tokens', 0, wide), time: 'Mon, 30 Nov 2026 10:00:00 GMT' }] });
    const [sent] = (await it.request('events', { category: 'tokens' })).events;
    assert.equal(Object.keys(sent.data).length, MAX_EVENT_FIELDS);
    assert.equal(sent.data.f0, 0);
    assert.equal(sent.time, NOW);
    assert.match(it.logs.join('\n'), /cut the fields/);
  });

  test(`at most ${MAX_EVENTS}: the most recent, oldest first, whatever order the source gives`, async () => {
    const many = Array.from({ length: MAX_EVENTS + 500 }, (_, i) => event('autocomplete', i, { i }));
    const shuffled = many.map((e, i) => [e, (i * 7919) % many.length]).sort((a, b) => a[1] - b[1]).map(([e]) => e);
    const it = connect({ events: () => shuffled });
    const reply = await it.request('events', { category: 'autocomplete' });
    assert.ok(isEventsMessage(reply));
    assert.equal(reply.events.length, MAX_EVENTS);
    assert.deepEqual(reply.events.map((e) => e.data.i), many.slice(-MAX_EVENTS).map((e) => e.data.i));
  });

  for (const [name, source] of Object.entries({
    'throws': () => { throw new Error('ring buffer gone'); },
    'rejects': () => Promise.reject(new Error('ring buffer gone')),
    'gives no array': () => ({ length: 1, 0: event('system', 0) }),
  })) {
    test(`a source that ${name}: events-failed with words for the user, logged, and the adapter goes on`, async () => {
      const it = connect({ events: source });
      const reply = await it.request('events', { category: 'system' });
      assert.ok(isErrorMessage(reply));
      assert.equal(reply.code, 'events-failed');
      assert.match(reply.message, /could not read/i);
      assert.doesNotMatch(reply.message, /ring buffer/, 'the internal error stays in the log');
      assert.equal(it.logs.length, 1);
      assert.equal((await it.request('set', { enabled: false })).state.enabled, false);
    });
  }

  test('an events request does not wait behind a slow set; a malformed one gets bad-request in the set\'s turn', async () => {
    const it = connect({ updateDelayMs: 10, events: () => [event('system', 0)] });
    it.webview.send({ type: 'telemetry/set', id: 'e-1', enabled: false });
    it.webview.send({ type: 'telemetry/events', id: 'e-2', category: 'system' });
    it.webview.send({ type: 'telemetry/events', id: 'e-3', category: 'keystrokes' });
    await settle(it.fake, it.webview);
    const replies = it.webview.posted.filter((m) => m.inReplyTo !== undefined);
    assert.deepEqual(replies.map((m) => [m.inReplyTo, m.type]), [['e-2', 'telemetry/events'], ['e-1', 'telemetry/state'], ['e-3', 'telemetry/error']]);
    assert.equal(replies[2].code, 'bad-request');
  });
});

/** An account switch kept in memory, with an event, and a way to make its next write fail. */
function accountSwitch(initial = true) {
  const changed = new EventEmitter();
  const it = {
    linked: initial,
    writes: [],
    fail: undefined,
    option: {
      get: () => it.linked,
      set: async (linked) => {
        it.writes.push(linked);
        await setImmediate(); // a write that takes a turn, as a Memento's does
        if (it.fail) {
          const error = it.fail;
          it.fail = undefined;
          throw error;
        }
        it.linked = linked;
      },
      onDidChange: changed.event,
    },
    changed,
  };
  return it;
}

describe('extensions: account switch', () => {
  test('state.accountLinked is reported; a set calls set() and replies with the new state and a higher rev', async () => {
    const account = accountSwitch(true);
    const it = connect({ accountLinked: account.option, account: () => ADA });
    const hello = await it.request('hello');
    assert.equal(hello.state.accountLinked, true);
    const reply = await it.request('set', { accountLinked: false });
    assert.ok(isStateMessage(reply));
    assert.equal(reply.state.accountLinked, false);
    assert.ok(reply.rev > hello.rev);
    assert.deepEqual(account.writes, [false]);
    assert.deepEqual(it.fake.updates, [], 'the main setting is untouched');
    assert.equal(reply.state.changedBy, 'default', 'history is the main setting\'s');
    // The same value again writes nothing and keeps the rev.
    const again = await it.request('set', { accountLinked: false });
    assert.deepEqual(account.writes, [false]);
    assert.equal(again.rev, reply.rev);
  });

  test('an async get is awaited; a change by another road (onDidChange) pushes with a higher rev', async () => {
    const account = accountSwitch(false);
    const it = connect({ accountLinked: { ...account.option, get: async () => account.linked } });
    const hello = await it.request('hello');
    assert.equal(hello.state.accountLinked, false);
    account.linked = true;
    const [push] = await it.after(() => account.changed.fire(undefined));
    assert.equal(push.inReplyTo, undefined);
    assert.equal(push.state.accountLinked, true);
    assert.ok(push.rev > hello.rev);
  });

  test('policy locks the account switch too: locked, set() never called', async () => {
    const account = accountSwitch(true);
    const it = connect({ accountLinked: account.option, managedBy: 'policy', lockedMessage: 'Acme IT decides.' });
    const reply = await it.request('set', { accountLinked: false });
    assert.deepEqual([reply.type, reply.code, reply.message], ['telemetry/error', 'locked', 'Acme IT decides.']);
    assert.deepEqual(account.writes, []);
    assert.equal((await it.request('get')).state.accountLinked, true);
  });

  test('a failing set(): write-failed with its message, then the state as it really is', async () => {
    const account = accountSwitch(true);
    const it = connect({ accountLinked: account.option });
    const hello = await it.request('hello');
    account.fail = new Error('Could not save your choice.');
    const id = it.nextId();
    const out = await it.exchange({ type: 'telemetry/set', id, accountLinked: false });
    assert.equal(out.length, 2, JSON.stringify(out));
    assert.deepEqual(out[0], { type: 'telemetry/error', protocol: 1, instance: out[0].instance, inReplyTo: id, code: 'write-failed', message: 'Could not save your choice.' });
    assert.ok(isStateMessage(out[1]));
    assert.equal(out[1].inReplyTo, undefined);
    assert.equal(out[1].state.accountLinked, true);
    assert.equal(out[1].rev, hello.rev);
  });

  test('a get that throws or gives a non-boolean: logged, and accountLinked left out (the panel then says account details are sent)', async () => {
    const throwing = connect({ accountLinked: { get: () => { throw new Error('store locked'); }, set: () => {} } });
    assert.equal(Object.hasOwn((await throwing.request('hello')).state, 'accountLinked'), false);
    assert.match(throwing.logs.join('\n'), /store locked/);
    const junk = connect({ accountLinked: { get: () => 'yes', set: () => {} } });
    assert.equal(Object.hasOwn((await junk.request('hello')).state, 'accountLinked'), false);
    assert.equal(junk.logs.length, 1);
  });
});

describe('extensions: history (changedAt, changedBy)', () => {
  test('never set: "default" with no time; set in settings.json before anything was recorded: unknown (null, null)', async () => {
    assert.deepEqual(pick((await connect().request('hello')).state), { changedAt: null, changedBy: 'default' });
    const it = connect();
    it.fake.values[ConfigurationTarget.Global].set('codeStudio.telemetry.allowAnonymousTelemetry', true);
    const later = connect({ fake: it.fake });
    assert.deepEqual(pick((await later.request('hello')).state), { changedAt: null, changedBy: null });
  });

  test('a write from the panel is "user" at that time, though it also fires the configuration event', async () => {
    let now = NOW;
    const it = connect({ now: () => new Date(now) });
    now = '2026-11-30T10:05:00.000Z';
    const reply = await it.request('set', { enabled: false });
    assert.deepEqual(pick(reply.state), { changedAt: now, changedBy: 'user' });
    assert.deepEqual(pick(lastState(it.webview).state), { changedAt: now, changedBy: 'user' });
  });

  test('"user" too when the configuration event comes after the write settled (the extension host learns late)', async () => {
    const it = connect();
    it.fake.lateConfigurationEvents = true;
    const reply = await it.request('set', { enabled: false });
    assert.equal(reply.state.changedBy, 'user');
    await sleep(20);
    await settle(it.fake, it.webview);
    assert.deepEqual(pick(lastState(it.webview).state), { changedAt: NOW, changedBy: 'user' });
  });

  test('a change in settings.json or the Settings editor is "settings-file"; one saved unchanged records nothing', async () => {
    let now = NOW;
    const it = connect({ now: () => new Date(now) });
    await it.request('set', { enabled: false });
    now = '2026-11-30T11:00:00.000Z';
    assert.deepEqual(await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false)), [], 'same value: no change');
    const [push] = await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', true));
    assert.deepEqual(pick(push.state), { changedAt: now, changedBy: 'settings-file' });
    // And a panel write after that is the user's again.
    assert.equal((await it.request('set', { enabled: false })).state.changedBy, 'user');
  });

  test('a failed write records nothing; one that landed before failing is the user\'s', async () => {
    const it = connect();
    it.fake.failNextUpdate('read-only');
    await it.exchange({ type: 'telemetry/set', id: 'h-1', enabled: false });
    assert.deepEqual(pick(lastState(it.webview).state), { changedAt: null, changedBy: 'default' });
    it.fake.failNextUpdate('reported late', { writeFirst: true });
    await it.exchange({ type: 'telemetry/set', id: 'h-2', enabled: false });
    assert.deepEqual(pick(lastState(it.webview).state), { changedAt: NOW, changedBy: 'user' });
  });

  test('policy: "policy"; its time known when it came in while the adapter watched, unknown when already there', async () => {
    const managedByChanged = new EventEmitter();
    let managedBy = null;
    let now = NOW;
    const it = connect({ managedBy: () => managedBy, onDidChangeManagedBy: managedByChanged.event, now: () => new Date(now) });
    await it.request('set', { enabled: false });
    now = '2026-11-30T12:00:00.000Z';
    managedBy = 'policy';
    const [locked] = await it.after(() => managedByChanged.fire(undefined));
    assert.deepEqual(pick(locked.state), { changedAt: now, changedBy: 'policy' });
    managedBy = null;
    const [unlocked] = await it.after(() => managedByChanged.fire(undefined));
    assert.deepEqual(pick(unlocked.state), { changedAt: NOW, changedBy: 'user' }, 'back to the last change of the setting');
    assert.deepEqual(pick((await connect({ managedBy: 'policy' }).request('hello')).state), { changedAt: null, changedBy: 'policy' });
  });

  test('with a history memento the record survives a restart of the extension host', async () => {
    const memento = createFakeMemento();
    const first = connect({ history: memento });
    await first.request('set', { enabled: false });
    await settle(first.fake, first.webview);
    first.host.dispose();
    assert.deepEqual(memento.get(`${HISTORY_KEY_PREFIX}codeStudio.telemetry.allowAnonymousTelemetry`), { changedAt: NOW, changedBy: 'user', value: false });
    const second = connect({ fake: first.fake, history: memento, now: () => new Date('2026-12-01T09:00:00.000Z') });
    assert.deepEqual(pick((await second.request('hello')).state), { changedAt: NOW, changedBy: 'user' });
    // Without the memento a restarted adapter knows only that the user set it, not when.
    const forgetful = connect({ fake: first.fake });
    assert.deepEqual(pick((await forgetful.request('hello')).state), { changedAt: null, changedBy: null });
  });

  test('a malformed memento record is ignored (logged); a memento that cannot save is logged and memory still serves', async () => {
    const key = `${HISTORY_KEY_PREFIX}codeStudio.telemetry.allowAnonymousTelemetry`;
    const junk = connect({ history: createFakeMemento({ [key]: { changedAt: 'never', changedBy: 'user' } }) });
    assert.deepEqual(pick((await junk.request('hello')).state), { changedAt: null, changedBy: 'default' });
    assert.equal(junk.logs.length, 1);
    const memento = createFakeMemento();
    memento.failNextUpdate = true;
    const it = connect({ history: memento });
    assert.equal((await it.request('set', { enabled: false })).state.changedBy, 'user');
    assert.match(it.logs.join('\n'), /could not save the history/);
  });
});

function pick(state) {
  return { changedAt: state.changedAt, changedBy: state.changedBy };
}

describe('extensions: locale', () => {
  test('state.locale is vscode.env.language when the protocol accepts it, else absent', async () => {
    for (const language of ['ja', 'de-CH', 'zh-cn', 'qps-ploc']) {
      assert.equal((await connect({ language }).request('hello')).state.locale, language);
    }
    for (const language of ['en_US', '', 'x'.repeat(5000), 'e', 42, null, '<img>']) {
      const state = (await connect({ language }).request('hello')).state;
      assert.equal(Object.hasOwn(state, 'locale'), false, String(language).slice(0, 20));
    }
  });

  test('the locale option replaces vscode.env.language; one that throws leaves the locale out and is logged', async () => {
    assert.equal((await connect({ language: 'en', locale: () => 'de' }).request('hello')).state.locale, 'de');
    const it = connect({ language: 'en', locale: () => { throw new Error('no pack'); } });
    assert.equal(Object.hasOwn((await it.request('hello')).state, 'locale'), false);
    assert.match(it.logs.join('\n'), /could not read the display language: no pack/);
  });
});

describe("extensions: the editor's telemetry level", () => {
  const LEVEL = 'telemetry.telemetryLevel';

  test('each level of telemetry.telemetryLevel is reported and pushed; editorTelemetryEnabled is false exactly at crash and off', async () => {
    const it = connect();
    let last = await it.request('hello');
    assert.equal(last.state.editorTelemetryLevel, 'all');
    for (const [level, enabled] of [['error', true], ['crash', false], ['off', false], ['error', true], ['all', true]]) {
      const out = await it.after(() => it.fake.editByHand(LEVEL, level));
      assert.equal(pushes(out).length, 1, `one push for ${level}`);
      const [push] = out;
      assert.ok(push.rev > last.rev, level);
      assert.deepEqual(push.state, { ...DEFAULT_STATE, editorTelemetryEnabled: enabled, editorTelemetryLevel: level });
      last = push;
    }
  });

  test('error to crash to off changes no env.isTelemetryEnabled: the configuration event alone pushes each', async () => {
    const it = connect();
    await it.request('hello');
    await it.after(() => it.fake.editByHand(LEVEL, 'error'));
    let envChanges = 0;
    it.fake.vscode.env.onDidChangeTelemetryEnabled(() => envChanges++);
    for (const level of ['crash', 'off']) {
      const out = await it.after(() => it.fake.editByHand(LEVEL, level));
      assert.deepEqual(pushes(out).map((m) => m.state.editorTelemetryLevel), [level]);
    }
    assert.equal(envChanges, 0, 'VS Code fires no telemetry event between levels below all');
  });

  test('an editor whose env.isTelemetryEnabled does not follow the level: error is pushed as error', async () => {
    const fake = createFakeVsCode();
    // The level in settings.json changes; env.isTelemetryEnabled and its event stay as they were.
    const stuck = { ...fake.vscode, env: { ...fake.vscode.env, isTelemetryEnabled: true, onDidChangeTelemetryEnabled: () => ({ dispose() {} }) } };
    const it = connect({ fake, vscode: stuck });
    await it.request('hello');
    const out = await it.after(() => fake.editByHand(LEVEL, 'error'));
    assert.deepEqual(pushes(out).map((m) => [m.state.editorTelemetryLevel, m.state.editorTelemetryEnabled]), [['error', true]]);
  });

  test('the legacy telemetry.enableTelemetry: false pushes off', async () => {
    const it = connect();
    await it.request('hello');
    const out = await it.after(() => it.fake.editByHand('telemetry.enableTelemetry', false));
    assert.deepEqual(pushes(out).map((m) => [m.state.editorTelemetryLevel, m.state.editorTelemetryEnabled]), [['off', false]]);
  });

  test('a change that leaves the level as it was pushes nothing, nor does another telemetry key', async () => {
    const it = connect();
    await it.request('hello');
    await it.after(() => it.fake.editByHand(LEVEL, 'error'));
    assert.deepEqual(await it.after(() => it.fake.editByHand(LEVEL, 'error')), []);
    assert.deepEqual(await it.after(() => it.fake.editByHand('telemetry.feedback.enabled', false)), []);
    // A level VS Code does not know counts as its default, all: the same as no value.
    await it.after(() => it.fake.editByHand(LEVEL, undefined));
    assert.deepEqual(await it.after(() => it.fake.editByHand(LEVEL, 'everything')), []);
  });

  test('the level and the setting changing in one event make one push', async () => {
    const it = connect();
    await it.request('hello');
    const out = await it.after(() =>
      it.fake.configurationChanged.fire({ affectsConfiguration: (section) => section === LEVEL || section === 'codeStudio.telemetry.allowAnonymousTelemetry' }),
    );
    assert.deepEqual(out, [], 'nothing changed, so nothing is sent');
    const [push, ...more] = await it.after(() => {
      it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false);
      it.fake.editByHand(LEVEL, 'crash');
    });
    assert.deepEqual(more, []);
    assert.deepEqual([push.state.enabled, push.state.editorTelemetryLevel], [false, 'crash']);
  });

  test('after dispose a level change posts nothing', async () => {
    const it = connect();
    await it.request('hello');
    it.host.dispose();
    assert.deepEqual(await it.after(() => it.fake.editByHand(LEVEL, 'off')), []);
  });
});

describe('extensions: links', () => {
  const LINKS = { 'privacy-statement': 'https://code-studio.example/privacy', 'how-telemetry-works': 'https://code-studio.example/docs/telemetry' };

  test('each https link is offered by its target; telemetry/open opens it with env.openExternal, and nothing is posted', async () => {
    const it = connect({ links: LINKS, events: () => [] });
    assert.deepEqual((await it.request('hello')).state.offers, ['events', 'privacy-statement', 'how-telemetry-works']);
    assert.deepEqual(await it.exchange({ type: 'telemetry/open', target: 'how-telemetry-works' }), []);
    assert.deepEqual(it.fake.opened, ['https://code-studio.example/docs/telemetry']);
    assert.deepEqual(it.logs, []);
  });

  test('only https: other schemes, junk and unknown targets are refused at connect time, with a log line each', async () => {
    const it = connect({
      links: { 'privacy-statement': 'http://code-studio.example/privacy', 'how-telemetry-works': 'javascript:alert(1)', 'terms': 'https://code-studio.example/terms' },
    });
    assert.equal(it.logs.length, 3, JSON.stringify(it.logs));
    assert.equal(Object.hasOwn((await it.request('hello')).state, 'offers'), false);
    for (const url of ['file:///etc/passwd', 'command:workbench.action.reloadWindow', 'not a url', 42]) {
      const one = connect({ links: { 'privacy-statement': url } });
      assert.equal(one.logs.length, 1, String(url));
      await one.exchange({ type: 'telemetry/open', target: 'privacy-statement' });
      assert.deepEqual(one.fake.opened, [], String(url));
    }
  });

  test('an open of a target not offered is dropped and logged; a malformed open is dropped too', async () => {
    const it = connect({ links: { 'privacy-statement': LINKS['privacy-statement'] } });
    assert.deepEqual(await it.exchange({ type: 'telemetry/open', target: 'how-telemetry-works' }), []);
    assert.deepEqual(await it.exchange({ type: 'telemetry/open', target: 'https://evil.example/' }), []);
    assert.deepEqual(it.fake.opened, []);
    assert.equal(it.logs.length, 2, JSON.stringify(it.logs));
    assert.deepEqual(await connect().exchange({ type: 'telemetry/open', target: 'privacy-statement' }), []);
    assert.deepEqual(connected.at(-1).fake.opened, []);
  });

  test('without env.openExternal or Uri (an older caller) links are not offered, and that is logged', async () => {
    const fake = createFakeVsCode();
    const withoutUri = { ...fake.vscode, Uri: undefined };
    const it = connect({ fake, vscode: withoutUri, links: LINKS });
    assert.equal(Object.hasOwn((await it.request('hello')).state, 'offers'), false);
    assert.equal(it.logs.length, 2);
  });

  test('an openExternal that rejects is logged; an open does not wait behind a slow set', async () => {
    const it = connect({ links: LINKS, updateDelayMs: 20 });
    it.fake.openExternalError = new Error('no browser');
    it.webview.send({ type: 'telemetry/set', id: 'l-1', enabled: false });
    it.webview.send({ type: 'telemetry/open', target: 'privacy-statement' });
    assert.deepEqual(it.fake.opened, ['https://code-studio.example/privacy'], 'opened at once, not after the write');
    await settle(it.fake, it.webview);
    assert.match(it.logs.join('\n'), /no browser/);
  });
});

describe('extensions: dispose', () => {
  test('the account switch\'s onDidChange listener is removed too', () => {
    const fake = createFakeVsCode();
    const webview = createFakeWebview(fake.counter);
    const changed = new EventEmitter(fake.counter);
    const host = connectTelemetryHost(webview, { vscode: fake.vscode, log: () => {}, accountLinked: { get: () => true, set: () => {}, onDidChange: changed.event } });
    assert.equal(fake.counter.live, 4);
    host.dispose();
    assert.equal(fake.counter.live, 0);
  });
});

/** A promise that never settles: a provider that hangs. */
const never = () => new Promise(() => {});
/** The time limit in the tests below: short, so that a test waits milliseconds, not seconds. */
const LIMIT = 20;

/** Polls until `predicate()` holds; fails after 2 s. */
async function eventually(predicate, what) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > 2000) assert.fail(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** Sends a well-formed request and waits, past any time limit, for its one reply. */
async function ask(it, type, fields = {}) {
  const id = it.nextId();
  it.webview.send({ type: `telemetry/${type}`, id, ...(type === 'hello' && { protocol: PROTOCOL_VERSION }), ...fields });
  await eventually(() => it.webview.posted.some((m) => m.inReplyTo === id), `a reply to ${type} ${id}`);
  const replies = it.webview.posted.filter((m) => m.inReplyTo === id);
  assert.equal(replies.length, 1);
  return replies[0];
}

const repliesTo = (webview) => webview.posted.filter((m) => m.inReplyTo !== undefined).map((m) => m.inReplyTo);

describe('host instance id', () => {
  test('every state and error carries the adapter\'s id; a new adapter on the same webview has a new one', async () => {
    const fake = createFakeVsCode();
    const webview = createFakeWebview(fake.counter);
    const first = connectTelemetryHost(webview, { vscode: fake.vscode, log: () => {}, events: () => [] });
    webview.send({ type: 'telemetry/hello', id: 'i-1', protocol: 1 });
    webview.send({ type: 'nope', id: 'i-2' });
    webview.send({ type: 'telemetry/events', id: 'i-3', category: 'system' });
    await settle(fake, webview);
    first.dispose();
    const second = connectTelemetryHost(webview, { vscode: fake.vscode, log: () => {} });
    webview.send({ type: 'telemetry/hello', id: 'i-4', protocol: 1 });
    await settle(fake, webview);
    second.dispose();
    const [hello, error, events, again] = ['i-1', 'i-2', 'i-3', 'i-4'].map((id) => webview.posted.find((m) => m.inReplyTo === id));
    assert.ok(isStateMessage(hello) && isErrorMessage(error) && isEventsMessage(events) && isStateMessage(again));
    assert.equal(typeof hello.instance, 'string');
    assert.ok(hello.instance.length > 0 && hello.instance.length <= MAX_STRING_LENGTH);
    assert.equal(error.instance, hello.instance);
    assert.equal(Object.hasOwn(events, 'instance'), false, 'the protocol has no instance on an events reply');
    assert.notEqual(again.instance, hello.instance);
    assert.equal(again.rev, hello.rev, 'a new count of rev, told apart by the id');
  });

  test('without crypto.randomUUID the id comes from Math.random, still one of its own per adapter', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    let adapters;
    try {
      adapters = [connect(), connect(), connect()];
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
    const ids = [];
    for (const it of adapters) ids.push((await it.request('hello')).instance);
    assert.equal(new Set(ids).size, 3, ids.join(', '));
    for (const id of ids) {
      assert.match(id, /^[0-9a-z]{32}$/);
      assert.doesNotMatch(id, /^[0-9a-f]{8}-/, 'not a UUID: the fallback made it');
    }
  });
});

describe('time limits: a provider that never answers holds up nothing', () => {
  test('the account: after providerTimeout the last account known is sent (logged); hellos, sets and pushes go on', async () => {
    let account = () => ADA;
    const it = connect({ account: () => account(), providerTimeout: LIMIT });
    assert.deepEqual((await it.request('hello')).state.account, ADA);
    account = never;
    assert.deepEqual((await ask(it, 'hello')).state.account, ADA, 'the last account known');
    assert.match(it.logs.join('\n'), /the signed-in account did not answer within 20 ms/);
    const set = await ask(it, 'set', { enabled: false });
    assert.equal(set.state.enabled, false);
    assert.equal(it.fake.userValue('codeStudio.telemetry.allowAnonymousTelemetry'), false);
    const from = it.webview.posted.length;
    it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', true);
    await eventually(() => pushes(it.since(from)).length === 1, 'the push of a hand edit');
    assert.equal(pushes(it.since(from))[0].state.enabled, true);
    // One never known: signed out.
    const fresh = connect({ account: never, providerTimeout: LIMIT });
    assert.equal((await ask(fresh, 'hello')).state.account, null);
  });

  test('accountLinked.get: the last value read is sent, or none before any (logged); the queue goes on', async () => {
    const account = accountSwitch(false);
    let get = () => account.linked;
    const it = connect({ accountLinked: { ...account.option, get: () => get() }, providerTimeout: LIMIT });
    assert.equal((await it.request('hello')).state.accountLinked, false);
    get = never;
    assert.equal((await ask(it, 'hello')).state.accountLinked, false, 'the last value read');
    assert.match(it.logs.join('\n'), /the account switch did not answer within 20 ms/);
    assert.equal((await ask(it, 'set', { enabled: false })).state.enabled, false);
    const fresh = connect({ accountLinked: { get: never, set: () => {} }, providerTimeout: LIMIT });
    assert.equal(Object.hasOwn((await ask(fresh, 'hello')).state, 'accountLinked'), false, 'unknown: left out');
  });

  test('accountLinked.set: write-failed saying it did not finish in time, then the real state; later sets go on', async () => {
    const account = accountSwitch(true);
    let set = account.option.set;
    const it = connect({ accountLinked: { ...account.option, set: (linked) => set(linked) }, providerTimeout: LIMIT });
    const hello = await it.request('hello');
    set = never;
    const from = it.webview.posted.length;
    const id = it.nextId();
    it.webview.send({ type: 'telemetry/set', id, accountLinked: false });
    await eventually(() => it.since(from).length === 2, 'the error and the state after it');
    const [error, state] = it.since(from);
    assert.ok(isErrorMessage(error));
    assert.deepEqual([error.inReplyTo, error.code], [id, 'write-failed']);
    assert.match(error.message, /did not finish saving .* in time/);
    assert.ok(isStateMessage(state));
    assert.equal(state.inReplyTo, undefined);
    assert.equal(state.state.accountLinked, true, 'the real state: unchanged');
    assert.equal(state.rev, hello.rev);
    assert.match(it.logs.join('\n'), /did not finish saving within 20 ms/);
    set = account.option.set;
    assert.equal((await ask(it, 'set', { accountLinked: false })).state.accountLinked, false);
    assert.equal((await ask(it, 'set', { enabled: false })).state.enabled, false);
  });

  test('the event source: events-failed with words for the user (logged); a late answer is ignored; the next request is answered', async () => {
    let source = never;
    const it = connect({ events: () => source(), providerTimeout: LIMIT });
    const reply = await ask(it, 'events', { category: 'system' });
    assert.ok(isErrorMessage(reply));
    assert.equal(reply.code, 'events-failed');
    assert.match(reply.message, /did not finish reading .* in time\. Your setting is unchanged/);
    assert.match(it.logs.join('\n'), /the event source did not answer within 20 ms for system/);
    // Too late: the answer after the time limit, and a rejection after it, are dropped without a trace.
    source = () => sleep(LIMIT * 2).then(() => [event('system', 0)]);
    const late = await ask(it, 'events', { category: 'system' });
    assert.equal(late.code, 'events-failed');
    source = () => sleep(LIMIT * 2).then(() => Promise.reject(new Error('ring buffer gone')));
    assert.equal((await ask(it, 'events', { category: 'system' })).code, 'events-failed');
    const posted = it.webview.posted.length;
    await sleep(LIMIT * 3);
    assert.equal(it.webview.posted.length, posted, 'nothing posted for a late answer');
    source = () => [event('system', 0)];
    assert.equal((await ask(it, 'events', { category: 'system' })).events.length, 1);
    assert.equal((await it.request('hello')).type, 'telemetry/state');
  });

  test(`providerTimeout defaults to ${DEFAULT_PROVIDER_TIMEOUT} ms (on a fake clock); a value that is no time is logged and the default used`, async () => {
    assert.equal(DEFAULT_PROVIDER_TIMEOUT, 2000);
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      for (const providerTimeout of [undefined, -5, 'soon', Infinity]) {
        const it = connect({ account: never, ...(providerTimeout !== undefined && { providerTimeout }) });
        if (providerTimeout !== undefined) assert.match(it.logs.join('\n'), /ignored providerTimeout/);
        it.webview.send({ type: 'telemetry/hello', id: 't-1', protocol: 1 });
        await settle(it.fake, it.webview);
        mock.timers.tick(DEFAULT_PROVIDER_TIMEOUT - 1);
        await settle(it.fake, it.webview);
        assert.equal(it.webview.posted.length, 0, `still waiting at ${DEFAULT_PROVIDER_TIMEOUT - 1} ms`);
        mock.timers.tick(1);
        await settle(it.fake, it.webview);
        assert.deepEqual(repliesTo(it.webview), ['t-1'], String(providerTimeout));
      }
    } finally {
      mock.timers.reset();
    }
  });

  test('two queues: events do not wait behind a slow set, nor a hello behind slow events; each keeps request order', async () => {
    const waiting = [];
    const it = connect({
      updateDelayMs: 30,
      events: (category) => (category === 'system' ? new Promise((resolve) => waiting.push(() => resolve([event('system', 0)]))) : [event(category, 0)]),
    });
    it.webview.send({ type: 'telemetry/set', id: 'q-1', enabled: false });
    it.webview.send({ type: 'telemetry/events', id: 'q-2', category: 'tokens' });
    await eventually(() => repliesTo(it.webview).includes('q-2'), 'the events reply');
    assert.equal(it.fake.pendingUpdates, 1, 'answered while the write is under way');
    await settle(it.fake, it.webview);
    assert.deepEqual(repliesTo(it.webview), ['q-2', 'q-1']);
    // A slow source: hello is answered meanwhile; the events request behind it waits its turn.
    it.webview.send({ type: 'telemetry/events', id: 'q-3', category: 'system' });
    it.webview.send({ type: 'telemetry/events', id: 'q-4', category: 'tokens' });
    it.webview.send({ type: 'telemetry/hello', id: 'q-5', protocol: 1 });
    await settle(it.fake, it.webview);
    assert.deepEqual(repliesTo(it.webview), ['q-2', 'q-1', 'q-5']);
    waiting.shift()();
    await settle(it.fake, it.webview);
    assert.deepEqual(repliesTo(it.webview), ['q-2', 'q-1', 'q-5', 'q-3', 'q-4']);
  });

  test('dispose drops queued work: requests waiting behind a stuck provider call nothing afterwards', async () => {
    const calls = { events: 0, account: 0 };
    const it = connect({
      events: () => (calls.events++, never()),
      account: () => (calls.account++, never()),
      providerTimeout: LIMIT,
    });
    it.webview.send({ type: 'telemetry/events', id: 'd-1', category: 'system' });
    it.webview.send({ type: 'telemetry/events', id: 'd-2', category: 'system' });
    it.webview.send({ type: 'telemetry/hello', id: 'd-3', protocol: 1 });
    it.webview.send({ type: 'telemetry/get', id: 'd-4' });
    await setImmediate();
    assert.deepEqual(calls, { events: 1, account: 1 }, 'one of each under way, the rest queued');
    it.host.dispose();
    await sleep(LIMIT * 4);
    assert.deepEqual(calls, { events: 1, account: 1 }, 'nothing queued ran after dispose');
    assert.equal(it.webview.calls, 0);
  });

  test('a burst of changes behind a stuck provider leaves one push waiting, not one for each', async () => {
    let accountCalls = 0;
    const it = connect({ account: () => (accountCalls++, never()), providerTimeout: LIMIT });
    const burst = () => {
      for (let i = 0; i < 50; i++) it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', i % 2 === 0);
    };
    burst();
    await setImmediate(); // the first push is under way, stuck on the account
    burst();
    await eventually(() => accountCalls === 2, 'the waiting push');
    await sleep(LIMIT * 4);
    assert.equal(accountCalls, 2, 'two reads of the state for a hundred changes');
    assert.equal(pushes(it.webview.posted).length, 1);
    assert.equal(lastState(it.webview).state.enabled, false);
  });

  test('a postMessage that never settles holds up nothing', async () => {
    const it = connect();
    const deliver = it.webview.postMessage;
    it.webview.postMessage = (message) => {
      deliver(message);
      return never();
    };
    assert.equal((await it.request('hello')).type, 'telemetry/state');
    assert.equal((await it.request('set', { enabled: false })).state.enabled, false);
    assert.equal((await it.request('get')).state.enabled, false);
  });
});

describe('fail closed: a policy that cannot be read locks both switches', () => {
  const unreadable = {
    throws: () => {
      throw new Error('policy store unavailable');
    },
    'answers something else': () => 'admin',
  };
  for (const [name, managedBy] of Object.entries(unreadable)) {
    test(`a managedBy that ${name}: every set refused with locked (the unreadable words), nothing written, logged`, async () => {
      const account = accountSwitch(true);
      const it = connect({ managedBy, accountLinked: account.option });
      for (const fields of [{ enabled: false }, { accountLinked: false }]) {
        const id = it.nextId();
        const out = await it.exchange({ type: 'telemetry/set', id, ...fields });
        assert.deepEqual(out, [{ type: 'telemetry/error', protocol: 1, instance: out[0]?.instance, inReplyTo: id, code: 'locked', message: LOCKED_MESSAGES.unreadable }]);
      }
      assert.deepEqual(it.fake.updates, []);
      assert.deepEqual(account.writes, []);
      assert.match(it.logs.join('\n'), /refused a set: who manages the setting is not known/);
      const { state } = await it.request('get');
      assert.equal(state.managedBy, null, 'no policy claimed that may not exist');
      assert.deepEqual([state.enabled, state.accountLinked], [true, true]);
    });
  }

  test('once the policy reads again, a set is written', async () => {
    let fails = true;
    const it = connect({ managedBy: () => (fails ? unreadable.throws() : null) });
    assert.equal((await it.request('set', { enabled: false })).code, 'locked');
    fails = false;
    assert.equal((await it.request('set', { enabled: false })).state.enabled, false);
    assert.equal(it.fake.userValue('codeStudio.telemetry.allowAnonymousTelemetry'), false);
  });
});

describe('overridden: a write that another scope overrides is explained', () => {
  const cases = [
    ['a workspace value over the user\'s', {}, ConfigurationTarget.Workspace, 'workspace'],
    ['a workspace folder value over the user\'s', {}, ConfigurationTarget.WorkspaceFolder, 'workspaceFolder'],
    ['a workspace folder value over the workspace\'s (target Workspace)', { target: ConfigurationTarget.Workspace }, ConfigurationTarget.WorkspaceFolder, 'workspaceFolder'],
  ];
  for (const [name, options, scope, words] of cases) {
    test(`${name}: the write lands, then overridden naming that scope, then the real state`, async () => {
      const it = connect(options);
      it.fake.values[scope].set('codeStudio.telemetry.allowAnonymousTelemetry', true);
      const hello = await it.request('hello');
      const id = it.nextId();
      const out = await it.exchange({ type: 'telemetry/set', id, enabled: false });
      const written = options.target ?? ConfigurationTarget.Global;
      assert.equal(it.fake.values[written].get('codeStudio.telemetry.allowAnonymousTelemetry'), false, 'VS Code took the write');
      assert.equal(out.length, 2, JSON.stringify(out));
      assert.deepEqual(out[0], { type: 'telemetry/error', protocol: 1, instance: hello.instance, inReplyTo: id, code: 'overridden', message: OVERRIDDEN_MESSAGES[words] });
      assert.match(out[0].message, words === 'workspace' ? /a workspace setting overrides/ : /a workspace folder setting overrides/);
      assert.ok(isStateMessage(out[1]));
      assert.equal(out[1].inReplyTo, undefined);
      assert.equal(out[1].state.enabled, true);
      assert.equal(out[1].rev, hello.rev, 'nothing the panel shows changed, the history neither');
      assert.match(it.logs.join('\n'), /overrides it/);
    });
  }

  test('a value that decides by a road inspect does not show (language-specific, say): the general words', async () => {
    const fake = createFakeVsCode();
    const getConfiguration = (section) => ({ ...fake.vscode.workspace.getConfiguration(section), get: () => true });
    const it = connect({ fake, vscode: { ...fake.vscode, workspace: { ...fake.vscode.workspace, getConfiguration } } });
    const reply = await it.request('set', { enabled: false });
    assert.deepEqual([reply.code, reply.message], ['overridden', OVERRIDDEN_MESSAGES.other]);
    assert.equal(lastState(it.webview).state.enabled, true);
  });
});

describe('history: true to the value it describes', () => {
  const KEY = `${HISTORY_KEY_PREFIX}codeStudio.telemetry.allowAnonymousTelemetry`;
  const WRITER_TIME = '2026-11-30T10:05:00.000Z';
  const OTHER_TIME = '2026-11-30T10:05:00.200Z';

  test('the record stores the value: a panel write, then a change in settings', async () => {
    const memento = createFakeMemento();
    let now = NOW;
    const it = connect({ history: memento, now: () => new Date(now) });
    await it.request('set', { enabled: false });
    assert.deepEqual(memento.get(KEY), { changedAt: NOW, changedBy: 'user', value: false });
    now = '2026-11-30T11:00:00.000Z';
    await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', true));
    assert.deepEqual(memento.get(KEY), { changedAt: now, changedBy: 'settings-file', value: true });
  });

  test('a change made while no panel was open: "settings-file" at an unknown time, never the old change, and saved so', async () => {
    const memento = createFakeMemento({ [KEY]: { changedAt: NOW, changedBy: 'user', value: false } });
    const fake = createFakeVsCode();
    fake.values[ConfigurationTarget.Global].set('codeStudio.telemetry.allowAnonymousTelemetry', true);
    const it = connect({ fake, history: memento });
    assert.deepEqual(memento.get(KEY), { changedAt: null, changedBy: 'settings-file', value: true }, 'corrected at connect');
    assert.deepEqual(pick((await it.request('hello')).state), { changedAt: null, changedBy: 'settings-file' });
    // A record that still matches is kept as it is.
    const kept = createFakeMemento({ [KEY]: { changedAt: NOW, changedBy: 'user', value: true } });
    assert.deepEqual(pick((await connect({ fake, history: kept }).request('hello')).state), { changedAt: NOW, changedBy: 'user' });
    assert.deepEqual(kept.get(KEY), { changedAt: NOW, changedBy: 'user', value: true });
  });

  test('a change the state read finds without a configuration event is corrected there too', async () => {
    const memento = createFakeMemento();
    const it = connect({ history: memento });
    await it.request('set', { enabled: false });
    it.fake.values[ConfigurationTarget.Global].set('codeStudio.telemetry.allowAnonymousTelemetry', true); // no event (yet)
    const { state } = await it.request('get');
    assert.equal(state.enabled, true);
    assert.deepEqual(pick(state), { changedAt: null, changedBy: 'settings-file' });
    assert.deepEqual(memento.get(KEY), { changedAt: null, changedBy: 'settings-file', value: true });
    // The event coming late records nothing more.
    assert.deepEqual(await it.after(() => it.fake.configurationChanged.fire({ affectsConfiguration: () => true })), []);
  });

  test('a record of adapter 0.2.0 (no value) is read as it is; the next change saves a whole record', async () => {
    const memento = createFakeMemento({ [KEY]: { changedAt: NOW, changedBy: 'user' } });
    const it = connect({ history: memento, now: () => new Date(OTHER_TIME) });
    assert.deepEqual(pick((await it.request('hello')).state), { changedAt: NOW, changedBy: 'user' });
    await it.after(() => it.fake.editByHand('codeStudio.telemetry.allowAnonymousTelemetry', false));
    assert.deepEqual(memento.get(KEY), { changedAt: OTHER_TIME, changedBy: 'settings-file', value: false });
  });

  for (const writerFirst of [true, false]) {
    test(`two windows on one globalState: the writer's "user" record stands when ${writerFirst ? 'it' : 'the other'} hears the change first`, async () => {
      const memento = createFakeMemento();
      const fake = createFakeVsCode();
      // The fake fires configuration events to adapters in the order they connected.
      const make = (time) => connect({ fake, history: memento, now: () => new Date(time) });
      let writer, other;
      if (writerFirst) [writer, other] = [make(WRITER_TIME), make(OTHER_TIME)];
      else [other, writer] = [make(OTHER_TIME), make(WRITER_TIME)];
      await writer.request('hello');
      await other.request('hello');
      const reply = await writer.request('set', { enabled: false });
      await settle(other.fake, other.webview);
      assert.deepEqual(pick(reply.state), { changedAt: WRITER_TIME, changedBy: 'user' });
      assert.deepEqual(memento.get(KEY), { changedAt: WRITER_TIME, changedBy: 'user', value: false });
      assert.deepEqual(pick(lastState(other.webview).state), { changedAt: WRITER_TIME, changedBy: 'user' }, 'the other window took it on');
      assert.deepEqual(pick((await connect({ fake, history: memento }).request('hello')).state), { changedAt: WRITER_TIME, changedBy: 'user' });
    });
  }

  for (const lagging of ['writer', 'other']) {
    test(`two windows: when the ${lagging}'s save reaches the shared globalState last, their next reads agree on "user"`, async () => {
      const memento = createFakeMemento();
      const fake = createFakeVsCode();
      const store = (who) => (who === lagging ? laggingMemento(memento, 10) : memento);
      const other = connect({ fake, history: store('other'), now: () => new Date(OTHER_TIME) });
      const writer = connect({ fake, history: store('writer'), now: () => new Date(WRITER_TIME) });
      await writer.request('hello');
      await other.request('hello');
      await writer.request('set', { enabled: false });
      await sleep(30); // every save has landed
      await settle(other.fake, other.webview);
      // The next read of each (the panel shown again, say).
      assert.deepEqual(pick((await writer.request('get')).state), { changedAt: WRITER_TIME, changedBy: 'user' });
      await sleep(30);
      assert.deepEqual(pick((await other.request('get')).state), { changedAt: WRITER_TIME, changedBy: 'user' });
      assert.deepEqual(memento.get(KEY), { changedAt: WRITER_TIME, changedBy: 'user', value: false });
    });
  }
});

describe('extensions: events, bounded', () => {
  test('a field name over 4096 characters is clipped like a value, not a reason to drop the event', async () => {
    const it = connect({ events: () => [event('system', 0, { ['k'.repeat(MAX_STRING_LENGTH + 1)]: 1, ok: 'x' })] });
    const reply = await it.request('events', { category: 'system' });
    assert.ok(isEventsMessage(reply));
    assert.equal(reply.events.length, 1);
    assert.deepEqual(reply.events[0].data, { ['k'.repeat(MAX_STRING_LENGTH)]: 1, ok: 'x' });
    assert.deepEqual(it.logs, []);
  });

  test(`a reply stays within ${MAX_EVENTS_JSON_LENGTH} characters of JSON: the oldest are left out, with one log line`, async () => {
    const wide = (i) => Object.fromEntries(Array.from({ length: 16 }, (_, f) => [`field${f}`, `${i}:`.padEnd(500, 'v')]));
    const source = Array.from({ length: 200 }, (_, i) => event('tokens', i, wide(i)));
    const it = connect({ events: () => source });
    const reply = await it.request('events', { category: 'tokens' });
    assert.ok(isEventsMessage(reply));
    assert.ok(JSON.stringify(reply.events).length <= MAX_EVENTS_JSON_LENGTH);
    const sent = reply.events.length;
    assert.ok(sent > 0 && sent < source.length, `${sent} sent`);
    // The most recent, oldest first, and as many as fit: one more would not.
    assert.deepEqual(reply.events, source.slice(-sent));
    assert.ok(JSON.stringify(source.slice(-sent - 1)).length > MAX_EVENTS_JSON_LENGTH);
    assert.equal(it.logs.length, 1, JSON.stringify(it.logs));
    assert.match(it.logs[0], /left out the older ones/);
  });

  test(`${MAX_EVENTS} events × ${MAX_EVENT_FIELDS} fields × ${MAX_STRING_LENGTH}-character keys and values: the reply fits`, async () => {
    const keys = Array.from({ length: MAX_EVENT_FIELDS }, (_, f) => `${f}:`.padEnd(MAX_STRING_LENGTH, 'k'));
    const value = 'v'.repeat(MAX_STRING_LENGTH);
    const data = Object.fromEntries(keys.map((key) => [key, value]));
    const source = Array.from({ length: MAX_EVENTS }, (_, i) => ({ ...event('system', i), data }));
    const it = connect({ events: () => source });
    const reply = await it.request('events', { category: 'system' });
    assert.ok(isEventsMessage(reply));
    assert.ok(JSON.stringify(reply.events).length <= MAX_EVENTS_JSON_LENGTH);
    assert.equal(eventsJsonLength(reply.events), JSON.stringify(reply.events).length);
    // Even one of these is longer than that: the most recent goes out cut down, not an empty list saying nothing was sent.
    assert.equal(reply.events.length, 1);
    assert.equal(reply.events[0].time, source.at(-1).time);
    assert.equal(Object.keys(reply.events[0].data).length, MAX_EVENT_FIELDS);
    assert.match(it.logs.join('\n'), /cut the strings of the most recent one/);
  });

  test('each time is parsed once, and a source already in time order is not sorted', async () => {
    const source = Array.from({ length: 2 * MAX_EVENTS }, (_, i) => event('model-command', i, { i }));
    const it = connect({ events: () => source });
    const { parse } = Date;
    const { sort } = Array.prototype;
    const counted = { parses: 0, sorts: 0 };
    Date.parse = (text) => (counted.parses++, parse(text));
    Array.prototype.sort = function (...args) {
      counted.sorts++;
      return sort.apply(this, args);
    };
    try {
      it.webview.send({ type: 'telemetry/events', id: 'p-1', category: 'model-command' });
      await settle(it.fake, it.webview);
    } finally {
      Date.parse = parse;
      Array.prototype.sort = sort;
    }
    const [reply] = it.webview.posted;
    assert.ok(isEventsMessage(reply));
    assert.deepEqual(counted, { parses: source.length, sorts: 0 });
    assert.deepEqual(reply.events.map((e) => e.data.i), source.slice(-MAX_EVENTS).map((e) => e.data.i));
  });

  test('a source out of order: the most recent are chosen and put in order, ties in source order, as a stable sort would', async () => {
    // 97 distinct times over 3000 events: out of order, and many ties across the cut.
    const source = Array.from({ length: 3000 }, (_, i) => event('autocomplete', (i * 7919) % 97, { i }));
    const expected = [...source].sort((a, b) => Date.parse(a.time) - Date.parse(b.time)).slice(-MAX_EVENTS);
    const it = connect({ events: () => source });
    const reply = await it.request('events', { category: 'autocomplete' });
    assert.ok(isEventsMessage(reply));
    assert.deepEqual(reply.events.map((e) => e.data.i), expected.map((e) => e.data.i));
  });
});
