// The gate's outbox against the fake `vscode` and a collector in memory, on the BUILT entry (dist/host.js): what waits
// is on disk and purged the moment consent goes, uploads are retried within bounds and never twice, what the collector
// accepted is the sent log "Show what was sent" reads, across restarts.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  ACCOUNT_PLACEHOLDER,
  connectTelemetryHost,
  createTelemetryGate,
  DEFAULT_BATCH_INTERVAL,
  DEFAULT_BATCH_MAX_EVENTS,
  DEFAULT_RETENTION_BYTES,
  DEFAULT_RETENTION_DAYS,
  DELETION_REQUEST_EVENT,
  isTelemetryEvent,
  MAX_EVENT_FIELDS,
  MAX_STRING_LENGTH,
  PROTOCOL_VERSION,
} from '../../dist/host.js';
import { ConfigurationTarget, createFakeVsCode, createFakeWebview, EventEmitter, MACHINE_ID, settle } from '../../dev/fake-vscode.js';
import { ADA, createCollector, DATA_TYPES, newFolder } from './support/outbox.js';

const KEY = 'codeStudio.telemetry.allowAnonymousTelemetry';
const EXTENSION = 'code-studio.code-studio-telemetry-example';
/** A gate with an outbox in `folder`, on a fake editor; the account and its switch are read from `state`. */
function setUp({ fake = createFakeVsCode(), folder = newFolder(), collector = createCollector(), state = { account: null, linked: true }, ...options } = {}) {
  const logs = [];
  const accountChanged = new EventEmitter();
  const linkChanged = new EventEmitter();
  const gate = createTelemetryGate({
    vscode: fake.vscode,
    upload: collector.upload,
    storage: folder,
    dataTypes: DATA_TYPES,
    batch: { interval: 3_600_000 },
    retry: { delay: 1, maxDelay: 4 },
    uploadTimeout: 50,
    account: () => state.account,
    onDidChangeAccount: accountChanged.event,
    accountLinked: { get: () => state.linked, set: (linked) => { state.linked = linked; linkChanged.fire(linked); }, onDidChange: linkChanged.event },
    log: (message) => logs.push(message),
    ...options,
  });
  const logger = gate.createLogger();
  const signIn = (account) => {
    state.account = account;
    accountChanged.fire(account);
  };
  const link = (linked) => {
    state.linked = linked;
    linkChanged.fire(linked);
  };
  return { fake, folder, collector, state, logs, gate, logger, signIn, link };
}

const names = (events) => events.map((event) => event.name.replace(`${EXTENSION}/`, ''));
const queueFile = (folder) => join(folder, 'telemetry-queue.jsonl');
const queued = (folder) => (existsSync(queueFile(folder)) ? readFileSync(queueFile(folder), 'utf8').split('\n').filter(Boolean).length : 0);
const sentLogLines = (folder) => readFileSync(join(folder, 'telemetry-sent.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

describe('the outbox: batches and flush', () => {
  test('defaults: 30 s, 100 events; 90 days and 10 MiB', () => {
    assert.equal(DEFAULT_BATCH_INTERVAL, 30_000);
    assert.equal(DEFAULT_BATCH_MAX_EVENTS, 100);
    assert.equal(DEFAULT_RETENTION_DAYS, 90);
    assert.equal(DEFAULT_RETENTION_BYTES, 10 * 1024 * 1024);
  });

  test('what passes waits on disk until flush; flush uploads it as TelemetryEvents, and the sent log and events are those bytes', async () => {
    const it = setUp();
    it.logger.logUsage('model-command/run', { model: 'm', command: 'explain', secret: 'x' });
    it.logger.logUsage('tokens/usage', { prompt: 3 });
    assert.equal(it.collector.calls, 0, 'nothing leaves before a batch is due');
    assert.equal(queued(it.folder), 2);
    await it.gate.flush();
    assert.deepEqual(names(it.collector.received), ['model-command/run', 'tokens/usage']);
    for (const event of it.collector.received) assert.ok(isTelemetryEvent(event), JSON.stringify(event));
    assert.equal(it.collector.received[0].data.secret, undefined);
    assert.equal(it.collector.received[0].data['common.vscodemachineid'], MACHINE_ID);
    assert.equal(queued(it.folder), 0);
    assert.deepEqual(sentLogLines(it.folder), it.collector.received);
    assert.deepEqual(it.gate.events('model-command'), [it.collector.received[0]]);
    assert.deepEqual(it.gate.events('tokens'), [it.collector.received[1]]);
    assert.deepEqual(it.gate.events('system'), []);
  });

  test('a full batch goes at once, in batches of maxEvents; the interval sends the rest', async () => {
    const batches = [];
    const collector = createCollector();
    const upload = collector.upload;
    collector.upload = (events, context) => {
      batches.push(events.map((event) => event.data.seq));
      return upload(events, context);
    };
    const it = setUp({ collector, batch: { maxEvents: 3, interval: 20 } });
    for (let index = 0; index < 7; index++) it.logger.logUsage('tokens/usage', { seq: index });
    // Six are due at once; the seventh waits for the interval.
    while (it.collector.received.length < 7) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(it.collector.received.map((event) => event.data.seq), [0, 1, 2, 3, 4, 5, 6]);
    assert.ok(batches.every((batch) => batch.length <= 3), JSON.stringify(batches));
    it.gate.dispose();
  });

  test('onDidChangeEvents fires with the data type whose sent log changed', async () => {
    const it = setUp();
    const fired = [];
    const subscription = it.gate.onDidChangeEvents((category) => fired.push(category));
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    it.logger.logUsage('system/a', { os: 'linux' });
    assert.deepEqual(fired, [], 'queued is not sent');
    await it.gate.flush();
    assert.deepEqual(fired.sort(), ['system', 'tokens']);
    subscription.dispose();
    it.logger.logUsage('tokens/usage', { prompt: 2 });
    await it.gate.flush();
    assert.equal(fired.length, 2);
  });
});

describe('the outbox: consent withdrawn purges at once, on disk', () => {
  for (const [how, withdraw] of [
    ['the panel writes off', (it) => it.fake.vscode.workspace.getConfiguration('codeStudio.telemetry').update('allowAnonymousTelemetry', false, ConfigurationTarget.Global)],
    ['settings.json says false', (it) => it.fake.editByHand(KEY, false)],
    ['settings.json holds junk', (it) => it.fake.editByHand(KEY, 'false')],
    ['a policy says false', (it) => it.fake.setPolicy(KEY, false)],
    ['the editor level goes to off', (it) => { it.fake.telemetryLevel = 'off'; }],
  ]) {
    test(`${how}: the queue is emptied at once, nothing of it ever leaves, not after on again nor a restart`, async () => {
      const it = setUp();
      it.logger.logUsage('model-command/run', { model: 'before-off' });
      it.logger.logError(Object.assign(new Error('boom'), { name: 'model-command.failed' }), { model: 'before-off' });
      assert.equal(queued(it.folder), 2);
      await withdraw(it);
      assert.equal(queued(it.folder), 0, 'purged on disk before anything else runs');
      await it.gate.flush();
      it.gate.dispose();
      // On again, and a new gate on the same folder: the purged events do not come back.
      it.fake.setPolicy(KEY, undefined);
      it.fake.editByHand(KEY, true);
      it.fake.telemetryLevel = 'all';
      const again = setUp({ fake: it.fake, folder: it.folder, collector: it.collector });
      again.logger.logUsage('tokens/usage', { prompt: 1 });
      await again.gate.flush();
      assert.deepEqual(names(it.collector.received), ['tokens/usage']);
      assert.ok(it.logs.some((line) => line.includes('discarded 2 queued event(s)')), it.logs.join('\n'));
    });
  }

  test('the level lowered to error purges usage and keeps error reports', async () => {
    const it = setUp({ errorEvents: ['tokens/over-limit'] });
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    it.logger.logError('tokens/over-limit', { prompt: 9 });
    it.fake.telemetryLevel = 'error';
    assert.equal(queued(it.folder), 1);
    await it.gate.flush();
    assert.deepEqual(names(it.collector.received), ['tokens/over-limit']);
  });

  test('the account switch off purges what carries the account; signing out too', async () => {
    const it = setUp();
    it.signIn(ADA);
    it.logger.logUsage('account/identify', { signedIn: true, loginName: ADA.loginName });
    it.logger.logUsage('system/a', { os: 'linux' });
    it.link(false);
    assert.equal(queued(it.folder), 1);
    it.link(true);
    it.logger.logUsage('account/identify', { signedIn: true, loginName: ADA.loginName });
    it.signIn(null);
    await it.gate.flush();
    assert.deepEqual(names(it.collector.received), ['system/a']);
  });

  test('an event logged before the switch went off is not uploaded by an upload under way that fails, nor by its retry', async () => {
    const it = setUp();
    it.collector.mode = 'hang';
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    const flushing = it.gate.flush();
    while (it.collector.calls === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    it.fake.editByHand(KEY, false);
    it.collector.mode = 'ok';
    await flushing;
    assert.deepEqual(it.collector.received, []);
    assert.equal(it.collector.calls, 1, 'no retry after off');
  });
});

describe('the outbox: failures, retries, at most once', () => {
  test('a collector that fails twice then recovers gets each event once; it is recorded once', async () => {
    const it = setUp();
    it.collector.failures = 2;
    it.logger.logUsage('tokens/usage', { seq: 1 });
    it.logger.logUsage('tokens/usage', { seq: 2 });
    await it.gate.flush();
    assert.equal(it.collector.calls, 3);
    assert.deepEqual(it.collector.received.map((event) => event.data.seq), [1, 2]);
    assert.deepEqual(it.gate.events('tokens'), it.collector.received);
  });

  test('a batch given up after the bounded tries is dropped and logged, never recorded as sent', async () => {
    const it = setUp({ retry: { attempts: 3, delay: 1, maxDelay: 2 } });
    it.collector.failures = 10;
    it.logger.logUsage('tokens/usage', { seq: 1 });
    await it.gate.flush();
    assert.equal(it.collector.calls, 3);
    assert.deepEqual(it.gate.events('tokens'), []);
    assert.ok(it.logs.some((line) => line.includes('gave up a batch of 1 event(s) after 3 failed upload(s)')), it.logs.join('\n'));
    it.collector.failures = 0;
    await it.gate.flush();
    assert.equal(it.collector.calls, 3, 'a batch given up is not tried again');
  });

  test('consent is checked before each try: switched off between tries, the batch goes no more', async () => {
    const it = setUp({ retry: { attempts: 5, delay: 30, maxDelay: 30 } });
    it.collector.failures = 1;
    it.logger.logUsage('tokens/usage', { seq: 1 });
    const flushing = it.gate.flush();
    while (it.collector.calls === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    it.fake.editByHand(KEY, false);
    await flushing;
    assert.equal(it.collector.calls, 1);
    assert.deepEqual(it.collector.received, []);
    assert.deepEqual(readdirSync(it.folder).filter((name) => name.startsWith('telemetry-sending-')), [], 'nothing left on disk');
  });

  test('an upload past the time limit is asked to stop and tried again; one that never answers is given up, not tried again', async () => {
    const hanging = setUp();
    hanging.collector.mode = 'hang';
    hanging.logger.logUsage('tokens/usage', { seq: 1 });
    const flushing = hanging.gate.flush();
    while (hanging.collector.calls < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    hanging.collector.mode = 'ok';
    await flushing;
    assert.deepEqual(hanging.collector.received.map((event) => event.data.seq), [1]);

    const silent = setUp();
    silent.collector.mode = 'void';
    silent.logger.logUsage('tokens/usage', { seq: 1 });
    await silent.gate.flush();
    assert.equal(silent.collector.calls, 1);
    assert.deepEqual(silent.gate.events('tokens'), []);
    assert.ok(silent.logs.some((line) => line.includes('not tried again so that nothing reaches the collector twice')), silent.logs.join('\n'));
  });
});

describe('the outbox: restarts', () => {
  test('a new gate on the same folder uploads what the old one queued, and reads the sent log back', async () => {
    const it = setUp();
    it.logger.logUsage('tokens/usage', { seq: 1 });
    await it.gate.flush();
    it.logger.logUsage('tokens/usage', { seq: 2 });
    it.gate.dispose();
    const next = setUp({ fake: it.fake, folder: it.folder, collector: it.collector });
    assert.deepEqual(next.gate.events('tokens').map((event) => event.data.seq), [1], 'the sent log, read back');
    await next.gate.flush();
    assert.deepEqual(it.collector.received.map((event) => event.data.seq), [1, 2]);
    assert.deepEqual(next.gate.events('tokens'), it.collector.received);
  });

  test('what an old session queued goes with the new gate’s first batch, without a flush', async () => {
    const it = setUp();
    it.logger.logUsage('tokens/usage', { seq: 1 });
    it.gate.dispose();
    const next = setUp({ fake: it.fake, folder: it.folder, collector: it.collector, batch: { interval: 10 } });
    for (let tries = 0; it.collector.received.length === 0 && tries < 400; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(it.collector.received.map((event) => event.data.seq), [1]);
    next.gate.dispose();
  });

  test('what an old session queued is purged at start when consent no longer holds', async () => {
    const it = setUp();
    it.logger.logUsage('tokens/usage', { seq: 1 });
    it.gate.dispose();
    // Switched off while no gate ran (settings.json edited with the editor closed, say).
    const fake = createFakeVsCode();
    fake.editByHand(KEY, false);
    const next = setUp({ fake, folder: it.folder, collector: it.collector });
    assert.equal(queued(it.folder), 0);
    fake.editByHand(KEY, true);
    await next.gate.flush();
    assert.deepEqual(it.collector.received, []);
  });

  test('a batch whose upload was under way when the process died is not uploaded again; one between tries is', async () => {
    const folder = newFolder();
    const entry = (seq) => ({ kind: 'usage', identity: false, event: { time: new Date().toISOString(), category: 'tokens', name: 'tokens/usage', data: { seq } } });
    // A dead process (pid far beyond any live one) left two claims.
    writeFileSync(join(folder, 'telemetry-sending-dead-1.json'), JSON.stringify({ pid: 2 ** 22 + 7, owner: 'dead', attempting: true, events: [entry(1)] }));
    writeFileSync(join(folder, 'telemetry-sending-dead-2.json'), JSON.stringify({ pid: 2 ** 22 + 7, owner: 'dead', attempting: false, events: [entry(2)] }));
    const it = setUp({ folder });
    await it.gate.flush();
    assert.deepEqual(it.collector.received.map((event) => event.data.seq), [2]);
    assert.ok(it.logs.some((line) => line.includes('may have them already')), it.logs.join('\n'));
  });
});

describe('the sent log: retention', () => {
  test('events older than `days` and past `bytes` are dropped oldest first, in the file too', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const it = setUp({ now: () => now, retention: { days: 2, bytes: 100_000 } });
    it.logger.logUsage('tokens/usage', { seq: 1 });
    await it.gate.flush();
    now = new Date('2026-01-02T00:00:00Z');
    it.logger.logUsage('tokens/usage', { seq: 2 });
    await it.gate.flush();
    now = new Date('2026-01-03T12:00:00Z');
    it.logger.logUsage('tokens/usage', { seq: 3 });
    await it.gate.flush();
    assert.deepEqual(it.gate.events('tokens').map((event) => event.data.seq), [2, 3]);
    assert.deepEqual(sentLogLines(it.folder).map((event) => event.data.seq), [2, 3]);

    const small = setUp({ retention: { bytes: 1500 } });
    for (let seq = 0; seq < 6; seq++) small.logger.logUsage('tokens/usage', { seq });
    await small.gate.flush();
    const kept = small.gate.events('tokens').map((event) => event.data.seq);
    assert.ok(kept.length > 0 && kept.length < 6, `kept ${kept}`);
    assert.deepEqual(kept, [...Array(6).keys()].slice(6 - kept.length), 'the most recent');
    assert.ok(readFileSync(join(small.folder, 'telemetry-sent.jsonl')).length <= 1500);
  });
});

describe('the gate: data types, limits and identity', () => {
  test('a data type left out of dataTypes is dropped whole, common.* included, and logged once per name', async () => {
    const { system, ...withoutSystem } = DATA_TYPES;
    void system;
    const it = setUp({ dataTypes: withoutSystem });
    it.logger.logUsage('system/heartbeat', { os: 'linux' });
    it.logger.logUsage('system/heartbeat', { os: 'linux' });
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    await it.gate.flush();
    assert.deepEqual(names(it.collector.received), ['tokens/usage']);
    assert.equal(it.logs.filter((line) => line.includes('system/heartbeat')).length, 1, it.logs.join('\n'));
  });

  test('a dataTypes key that is not a data type throws, naming the five and the nearest', () => {
    assert.throws(
      () => setUp({ dataTypes: { ...DATA_TYPES, 'model-comand': { fields: [] } } }),
      (error) =>
        error instanceof TypeError &&
        /"model-comand"/.test(error.message) &&
        /system, model-command, tokens, autocomplete, account/.test(error.message) &&
        /did you mean model-command\?/.test(error.message),
    );
    assert.throws(() => setUp({ dataTypes: { token: { fields: [] } } }), /did you mean tokens\?/);
  });

  test('upload and storage go together; upload and sender do not', () => {
    const fake = createFakeVsCode();
    assert.throws(() => createTelemetryGate({ vscode: fake.vscode, upload: async () => {}, dataTypes: {} }), /storage/);
    assert.throws(() => createTelemetryGate({ vscode: fake.vscode, upload: async () => {}, storage: newFolder(), sender: { sendEventData() {}, sendErrorData() {} }, dataTypes: {} }), /not both/);
    assert.throws(() => createTelemetryGate({ vscode: fake.vscode, dataTypes: {} }), /upload/);
  });

  test('what is uploaded fits what the panel shows: fields, string length, a name', async () => {
    const many = { system: { fields: Array.from({ length: 80 }, (_, index) => `f${index}`) } };
    const it = setUp({ dataTypes: { ...DATA_TYPES, ...many } });
    const data = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`f${index}`, index]));
    it.logger.logUsage('system/wide', data); // 60 declared + 12 common.* = 72 fields
    it.logger.logUsage('tokens/long', { prompt: 'x'.repeat(4208) });
    it.gate.sender.sendErrorData(Object.assign(new Error('nameless'), { name: '' }), {});
    await it.gate.flush();
    const [wide, long] = it.collector.received;
    assert.equal(Object.keys(wide.data).length, MAX_EVENT_FIELDS);
    assert.equal(long.data.prompt.length, MAX_STRING_LENGTH);
    assert.equal(it.collector.received.length, 2, 'an error report with no name is not uploaded');

    const webview = createFakeWebview(it.fake.counter);
    const host = connectTelemetryHost(webview, { vscode: it.fake.vscode, gate: it.gate, log: () => {} });
    webview.send({ type: 'telemetry/events', id: 'e1', category: 'system' });
    webview.send({ type: 'telemetry/events', id: 'e2', category: 'tokens' });
    await settle(it.fake, webview);
    host.dispose();
    assert.deepEqual(webview.posted.find((message) => message.inReplyTo === 'e1').events, [wide]);
    assert.deepEqual(webview.posted.find((message) => message.inReplyTo === 'e2').events, [long]);
  });

  test('identity not allowed: the account’s login name and email leave no string, error messages and stacks included', async () => {
    const it = setUp();
    it.signIn(ADA);
    it.link(false);
    it.logger.logError(
      Object.assign(new Error(`Sign-in for ${ADA.loginName} expired`), { name: 'model-command.failed', stack: `Error: Sign-in for ADA-LOVELACE\n at /x` }),
      { model: `${ADA.loginName}'s model`, command: `mail ${ADA.email}` },
    );
    it.logger.logUsage('account/identify', { signedIn: true, loginName: ADA.loginName });
    it.logger.logUsage('model-command/run', { model: 'adaptive' });
    await it.gate.flush();
    const sent = JSON.stringify(it.collector.received);
    assert.ok(!sent.toLowerCase().includes(ADA.loginName), sent);
    assert.ok(!sent.includes(ADA.email), sent);
    const [error, identify, adaptive] = it.collector.received;
    assert.equal(error.data['error.message'], `Sign-in for ${ACCOUNT_PLACEHOLDER} expired`);
    assert.equal(error.data.model, `${ACCOUNT_PLACEHOLDER}'s model`);
    assert.equal(identify.data.loginName, undefined);
    assert.equal(adaptive.data.model, 'adaptive', 'a word that only contains a part of it is left alone');

    it.link(true);
    it.logger.logUsage('account/identify', { signedIn: true, loginName: ADA.loginName });
    await it.gate.flush();
    assert.equal(it.collector.received.at(-1).data.loginName, ADA.loginName);
  });

  test('an event queued while signed out that names the account is not uploaded once that account signs in without identity', async () => {
    const it = setUp();
    it.logger.logError(Object.assign(new Error(`Sign-in for ${ADA.loginName} failed`), { name: 'model-command.failed' }));
    it.link(false);
    it.signIn(ADA);
    await it.gate.flush();
    assert.deepEqual(it.collector.received, []);
  });
});

describe('the adapter reads the gate: one source of identity and of what was sent', () => {
  test('connectTelemetryHost({ gate }) shows the gate’s account and switch, sets the switch the gate reads, and lists the sent log', async () => {
    const it = setUp();
    it.signIn(ADA);
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    await it.gate.flush();
    const webview = createFakeWebview(it.fake.counter);
    const logs = [];
    const host = connectTelemetryHost(webview, {
      vscode: it.fake.vscode,
      gate: it.gate,
      // Ignored: the gate's own decide.
      account: () => null,
      events: () => [],
      log: (message) => logs.push(message),
    });
    webview.send({ type: 'telemetry/hello', id: 'h', protocol: PROTOCOL_VERSION });
    webview.send({ type: 'telemetry/events', id: 'e', category: 'tokens' });
    await settle(it.fake, webview);
    const hello = webview.posted.find((message) => message.inReplyTo === 'h');
    assert.deepEqual(hello.state.account, ADA);
    assert.equal(hello.state.accountLinked, true);
    assert.ok(hello.state.offers.includes('events'));
    assert.ok(!hello.state.offers.includes('deletion-request'));
    assert.deepEqual(webview.posted.find((message) => message.inReplyTo === 'e').events, it.collector.received);
    webview.send({ type: 'telemetry/set', id: 's', accountLinked: false });
    await settle(it.fake, webview);
    assert.equal(it.state.linked, false, 'the panel set the switch the gate reads');
    assert.ok(logs.some((line) => line.includes('ignored account, events')), logs.join('\n'));
    host.dispose();
  });
});

describe('the deletion request', () => {
  test('on → off uploads exactly one deletion-request with the machine id and the time, then nothing; the panel is told it is offered', async () => {
    const it = setUp({ deletionRequest: true });
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    it.fake.editByHand(KEY, false);
    it.logger.logUsage('tokens/usage', { prompt: 2 });
    await it.gate.flush();
    it.fake.editByHand(KEY, 'junk'); // still off: no second request
    await it.gate.flush();
    assert.equal(it.collector.received.length, 1);
    const [request] = it.collector.received;
    assert.equal(request.name, DELETION_REQUEST_EVENT);
    assert.deepEqual(Object.keys(request.data), ['machineId']);
    assert.equal(request.data.machineId, MACHINE_ID);
    assert.ok(!Number.isNaN(Date.parse(request.time)));
    assert.deepEqual(it.gate.events('system'), [request], 'shown as what the collector got');

    const webview = createFakeWebview(it.fake.counter);
    const host = connectTelemetryHost(webview, { vscode: it.fake.vscode, gate: it.gate, log: () => {} });
    webview.send({ type: 'telemetry/hello', id: 'h', protocol: PROTOCOL_VERSION });
    await settle(it.fake, webview);
    assert.ok(webview.posted[0].state.offers.includes('deletion-request'));
    host.dispose();
  });

  test('retried until delivered, across a restart, though telemetry is off; a switch to off while no gate ran counts too', async () => {
    const it = setUp({ deletionRequest: true, retry: { attempts: 2, delay: 1, maxDelay: 1 } });
    it.collector.failures = 100;
    it.fake.editByHand(KEY, false);
    await it.gate.flush();
    await it.gate.flush();
    assert.ok(it.collector.calls >= 2);
    it.gate.dispose();
    it.collector.failures = 0;
    const next = setUp({ fake: it.fake, folder: it.folder, collector: it.collector, deletionRequest: true });
    await next.gate.flush();
    assert.deepEqual(names(it.collector.received), [DELETION_REQUEST_EVENT]);
    await next.gate.flush();
    assert.equal(it.collector.received.length, 1, 'delivered once');

    // On again, then off while no gate ran.
    next.gate.dispose();
    it.fake.editByHand(KEY, true);
    const on = setUp({ fake: it.fake, folder: it.folder, collector: it.collector, deletionRequest: true });
    on.gate.dispose();
    it.fake.editByHand(KEY, false);
    const off = setUp({ fake: it.fake, folder: it.folder, collector: it.collector, deletionRequest: true });
    await off.gate.flush();
    assert.deepEqual(names(it.collector.received), [DELETION_REQUEST_EVENT, DELETION_REQUEST_EVENT]);
  });
});

describe('the pass-through sender mode', () => {
  test('its flush is never called while the setting is off', async () => {
    const fake = createFakeVsCode();
    let flushed = 0;
    const logs = [];
    const gate = createTelemetryGate({
      vscode: fake.vscode,
      sender: { sendEventData() {}, sendErrorData() {}, flush: () => { flushed++; } },
      dataTypes: DATA_TYPES,
      log: (message) => logs.push(message),
    });
    const logger = gate.createLogger();
    await gate.flush();
    assert.equal(flushed, 1);
    fake.editByHand(KEY, false);
    await gate.flush();
    gate.sender.flush();
    logger.dispose();
    gate.dispose();
    assert.equal(flushed, 1);
    assert.ok(logs.some((line) => line.includes('did not flush')));
  });
});
