// The outbox under seeded random interleavings, against the fake editor and the BUILT entry (dist/host.js): setting
// flips by every road (the panel, settings.json, a policy, a junk value), level changes, sign-in and out, the account
// switch, sends of every kind, flush, dispose and restarts (a new gate on the same folder, the old one disposed or
// simply left running as another window's would be), with a collector that sometimes fails, hangs, answers late or
// never. In every run:
// - nothing is uploaded that was logged before the last time its kind stopped being allowed;
// - nothing is uploaded while its kind is forbidden;
// - no event reaches the collector twice;
// - the signed-in account's login name and email appear nowhere in an upload while identity is not allowed;
// - "Show what was sent", through the adapter and the protocol as the webview gets it, equals what the collector
//   accepted, in the order sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectTelemetryHost, createTelemetryGate, isEventsMessage, PROTOCOL_VERSION, TELEMETRY_CATEGORIES } from '../../dist/host.js';
import { ConfigurationTarget, createFakeVsCode, createFakeWebview, EventEmitter, settle, TelemetryTrustedValue } from '../../dev/fake-vscode.js';
import { ADA, DATA_TYPES, newFolder } from './support/outbox.js';
import { oracle, random } from './support/seeded.js';

const KEY = 'codeStudio.telemetry.allowAnonymousTelemetry';
const ERROR_EVENTS = ['tokens/over-limit'];

const USAGE_NAMES = ['system/heartbeat', 'model-command/run', 'tokens/usage', 'autocomplete/feedback', 'account/session', 'crash/dump'];
const ERROR_NAMES = ['system.failed', 'model-command.failed', 'autocomplete.failed', 'TypeError'];

async function run(seed) {
  const rng = random(seed);
  // The collector's answers from a generator of their own, so that the steps of a seed do not depend on timing.
  const answers = random(seed * 7919 + 1);
  const fake = createFakeVsCode();
  const folder = newFolder();
  const state = { account: null, linked: true, managedBy: null };
  const violations = [];
  const accountChanged = new EventEmitter();
  const linkChanged = new EventEmitter();

  // Epochs: a kind's count grows each time it stops being allowed; an event remembers the count at its logging.
  const epochs = { usage: 0, error: 0, identity: 0 };
  let allowedNow = oracle(fake, state);
  const observe = () => {
    const next = oracle(fake, state);
    for (const kind of Object.keys(epochs)) if (allowedNow[kind] && !next[kind]) epochs[kind]++;
    allowedNow = next;
  };
  fake.vscode.workspace.onDidChangeConfiguration(observe);
  fake.vscode.env.onDidChangeTelemetryEnabled(observe);

  /** Every event logged, by its `seq`: its kind and the epoch it was logged in. */
  const logged = new Map();
  const received = [];
  const seen = new Set();
  let calls = 0;
  const upload = (events, { signal }) => {
    calls++;
    const now = oracle(fake, state);
    for (const event of events) {
      const info = logged.get(event.data.seq);
      if (!info) {
        violations.push(`an event nobody logged: ${JSON.stringify(event)}`);
        continue;
      }
      if (!now[info.kind]) violations.push(`#${event.data.seq} (${info.kind}) uploaded while forbidden`);
      if (epochs[info.kind] > info.epoch) violations.push(`#${event.data.seq} (${info.kind}) logged before the last switch to off, uploaded after`);
      const text = JSON.stringify(event).toLowerCase();
      if (state.account && !now.identity && (text.includes(ADA.loginName) || text.includes(ADA.email))) {
        violations.push(`#${event.data.seq} names the account while identity is not allowed: ${text}`);
      }
    }
    const accept = () => {
      for (const event of events) {
        if (seen.has(event.data.seq)) violations.push(`#${event.data.seq} reached the collector twice`);
        seen.add(event.data.seq);
        received.push(JSON.parse(JSON.stringify(event)));
      }
    };
    const outcome = answers.next();
    if (outcome < 0.55) {
      accept();
      return Promise.resolve();
    }
    if (outcome < 0.75) return Promise.reject(new Error('503'));
    if (outcome < 0.85) return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    // Late: answers after a while whatever the signal says; past both windows the gate gives it up, and then it
    // does not count as received (the collector did not commit it), as a request cut off would.
    const delay = answers.pick([2, 10, 25, 35, 80]);
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        if (delay >= 40) return reject(new Error('cut off'));
        accept();
        resolve();
      }, delay),
    );
  };

  const makeGate = () =>
    createTelemetryGate({
      vscode: fake.vscode,
      upload,
      storage: folder,
      dataTypes: DATA_TYPES,
      errorEvents: ERROR_EVENTS,
      batch: { interval: rng.pick([5, 50, 3_600_000]), maxEvents: rng.pick([2, 5, 100]) },
      retry: { attempts: 3, delay: 1, maxDelay: 5 },
      uploadTimeout: 20,
      account: () => state.account,
      onDidChangeAccount: accountChanged.event,
      accountLinked: { get: () => state.linked, set: (linked) => { state.linked = linked; linkChanged.fire(linked); observe(); }, onDidChange: linkChanged.event },
      log: () => {},
    });
  const connect = (gate) => {
    const webview = createFakeWebview();
    const host = connectTelemetryHost(webview, { vscode: fake.vscode, gate, managedBy: () => state.managedBy, log: () => {} });
    webview.send({ type: 'telemetry/hello', id: 'h', protocol: PROTOCOL_VERSION });
    return { webview, host };
  };

  let gate = makeGate();
  let logger = gate.createLogger();
  let panel = connect(gate);
  const everyGate = [gate];
  let seq = 0;
  let id = 0;
  const pending = [];

  const fields = (category) => {
    const data = { seq: ++seq };
    const declared = DATA_TYPES[category]?.fields ?? [];
    if (declared.includes('loginName') && rng.chance(0.6)) data.loginName = ADA.loginName;
    if (declared.includes('email') && rng.chance(0.5)) data.email = new TelemetryTrustedValue(ADA.email);
    if (declared.includes('model') && rng.chance(0.5)) data.model = rng.pick(['m1', `${ADA.loginName}'s model`, 'adaptive']);
    if (declared.includes('os')) data.os = 'linux';
    return data;
  };
  const remember = (kind, data) => logged.set(data.seq, { kind, epoch: epochs[kind] });
  const categoryOf = (name) => TELEMETRY_CATEGORIES.find((category) => name.startsWith(category));

  for (let step = 0; step < 300; step++) {
    const move = rng.next();
    if (move < 0.06) panel.webview.send({ type: 'telemetry/set', id: `s${++id}`, enabled: rng.chance(0.5) });
    else if (move < 0.11) fake.editByHand(KEY, rng.pick([true, true, false, 'false', undefined, undefined]), rng.pick([ConfigurationTarget.Global, ConfigurationTarget.Workspace]));
    else if (move < 0.14) {
      const value = rng.pick([true, false, undefined, undefined]);
      state.managedBy = value === undefined ? null : 'policy';
      fake.setPolicy(KEY, value);
    } else if (move < 0.19) fake.telemetryLevel = rng.pick(['all', 'all', 'all', 'error', 'crash', 'off']);
    else if (move < 0.23) {
      state.account = rng.chance(0.6) ? ADA : null;
      observe();
      accountChanged.fire(state.account);
    } else if (move < 0.27) {
      state.linked = rng.chance(0.5);
      observe();
      linkChanged.fire(state.linked);
    } else if (move < 0.32) {
      const flushing = gate.flush();
      if (rng.chance(0.5)) await flushing;
      else pending.push(flushing);
    } else if (move < 0.36) await sleep(rng.pick([1, 5, 20]));
    else if (move < 0.42) {
      // The user puts everything back on.
      for (const target of [ConfigurationTarget.Global, ConfigurationTarget.Workspace]) fake.editByHand(KEY, undefined, target);
      state.managedBy = null;
      fake.setPolicy(KEY, undefined);
      fake.telemetryLevel = 'all';
    } else if (move < 0.45) {
      // A restart: the old gate disposed (an extension-host shutdown) or left running (another window's).
      panel.host.dispose();
      if (rng.chance(0.7)) gate.dispose();
      gate = makeGate();
      everyGate.push(gate);
      logger = gate.createLogger();
      panel = connect(gate);
    } else {
      const kind = rng.next();
      if (kind < 0.55) {
        const name = rng.pick(USAGE_NAMES);
        const data = fields(categoryOf(name));
        remember('usage', data);
        logger.logUsage(name, data);
      } else if (kind < 0.65) {
        const data = fields('tokens');
        remember('error', data);
        logger.logError('tokens/over-limit', data);
      } else if (kind < 0.85) {
        const name = rng.pick(ERROR_NAMES);
        const data = fields(categoryOf(name));
        remember('error', data);
        logger.logError(Object.assign(new Error(rng.pick(['bad', `Sign-in for ${ADA.loginName} expired`])), { name }), data);
      } else {
        const name = rng.pick(USAGE_NAMES);
        const data = fields(categoryOf(name));
        remember('usage', data);
        // Straight to the gate's sender, as a logger with a stale level would call it.
        gate.sender.sendEventData(`code-studio.code-studio-telemetry-example/${name}`, data);
      }
    }
  }
  // Let everything in flight end: late answers, retries, the last batches.
  await Promise.all(pending);
  for (let round = 0; round < 3; round++) {
    await sleep(100);
    await Promise.all(everyGate.map((each) => each.flush()));
  }

  assert.deepEqual(violations, [], `seed ${seed}`);

  // "Show what was sent", as the webview gets it.
  for (const category of TELEMETRY_CATEGORIES) panel.webview.send({ type: 'telemetry/events', id: `e-${category}`, category });
  await settle(fake, panel.webview);
  for (const category of TELEMETRY_CATEGORIES) {
    const reply = panel.webview.posted.find((message) => message.inReplyTo === `e-${category}`);
    assert.ok(isEventsMessage(reply), JSON.stringify(reply));
    // In the order they were sent (their `time`), as the panel orders them; the same moment in the order accepted.
    const sent = received.filter((event) => event.category === category).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    assert.deepEqual(reply.events, sent, `seed ${seed}: the panel's ${category} list is what the collector got`);
  }
  panel.host.dispose();
  for (const each of everyGate) each.dispose();
  // The run must have exercised both sides: events that went and events that were held back, and failures.
  assert.ok(received.length > 5 && received.length < logged.size, `seed ${seed}: ${received.length} of ${logged.size} logged reached the collector`);
  assert.ok(calls > received.length / 5, `seed ${seed}: ${calls} uploads`);
}

describe('the outbox under seeded random interleavings', () => {
  for (const seed of [1, 2, 3, 5, 8, 13, 21, 34]) {
    test(`seed ${seed}: nothing forbidden or withdrawn leaves, nothing twice, and the panel lists exactly what the collector got`, () => run(seed));
  }
});
