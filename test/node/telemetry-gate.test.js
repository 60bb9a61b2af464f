// The consent gate against the fake `vscode` and its VS Code 1.100 TelemetryLogger: every rule alone, then seeded
// random interleavings of everything that changes consent, tested on the BUILT entry (dist/host.js).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  connectTelemetryHost,
  createTelemetryGate,
  DEFAULT_GATE_CAPACITY,
  isTelemetryEvent,
  PROTOCOL_VERSION,
  TELEMETRY_CATEGORIES,
  VSCODE_COMMON_PROPERTIES,
} from '../../dist/host.js';
import { ConfigurationTarget, createFakeVsCode, createFakeWebview, settle, TelemetryTrustedValue } from '../../dev/fake-vscode.js';
import { oracle, random } from './support/seeded.js';

const KEY = 'codeStudio.telemetry.allowAnonymousTelemetry';
const EXTENSION = 'code-studio.code-studio-telemetry-example';
const ADA = { loginName: 'ada', email: 'ada@example.com' };
const DATA_TYPES = {
  system: { fields: ['os', 'arch'] },
  'model-command': { fields: ['model', 'command', 'error.message'] },
  tokens: { fields: ['prompt', 'completion'] },
  autocomplete: { fields: ['accepted', 'error.message', 'error.stack'] },
  account: { fields: ['signedIn', 'loginName', 'email'] },
};
const ERROR_EVENTS = ['tokens/over-limit'];

/** The inner sender: what it received, in order, as it received it. */
function recordingSender() {
  const received = [];
  return {
    received,
    sendEventData: (name, data) => received.push({ kind: 'event', name, data }),
    sendErrorData: (error, data) => received.push({ kind: 'error', error, name: error.name, data }),
  };
}

/** A gate on a fresh fake editor; `state` holds the account and the switch its providers read. */
function setUp({ init, fake = createFakeVsCode(init), state = { account: null, linked: true }, ...options } = {}) {
  const inner = options.sender ?? recordingSender();
  const logs = [];
  const gate = createTelemetryGate({
    vscode: fake.vscode,
    sender: inner,
    dataTypes: DATA_TYPES,
    errorEvents: ERROR_EVENTS,
    account: () => state.account,
    accountLinked: { get: () => state.linked },
    log: (message) => logs.push(message),
    ...options,
  });
  const logger = gate.createLogger();
  return { fake, inner, logs, state, gate, logger };
}

const names = (received) => received.map((event) => event.name);

describe('the gate: the setting and the level, read at each send', () => {
  test('nothing goes while the setting is off; it goes again once on', () => {
    const it = setUp();
    it.fake.editByHand(KEY, false);
    it.logger.logUsage('model-command/run', { model: 'm' });
    it.logger.logError('tokens/over-limit', { prompt: 1 });
    assert.deepEqual(it.inner.received, []);
    it.fake.editByHand(KEY, true);
    it.logger.logUsage('model-command/run', { model: 'm' });
    assert.deepEqual(names(it.inner.received), [`${EXTENSION}/model-command/run`]);
  });

  test('the setting is read as the panel reads it: junk in any scope counts as off, a policy and a workspace value win, section and key options', () => {
    const it = setUp();
    it.fake.editByHand(KEY, 'yes please');
    it.logger.logUsage('system/junk', {});
    it.fake.editByHand(KEY, true, ConfigurationTarget.Global);
    it.fake.editByHand(KEY, 'false', ConfigurationTarget.Workspace);
    it.logger.logUsage('system/junk-in-workspace', {});
    it.fake.editByHand(KEY, undefined, ConfigurationTarget.Workspace);
    it.logger.logUsage('system/a', {});
    it.fake.editByHand(KEY, false, ConfigurationTarget.Workspace);
    it.logger.logUsage('system/b', {});
    it.fake.editByHand(KEY, undefined, ConfigurationTarget.Workspace);
    it.fake.setPolicy(KEY, false);
    it.logger.logUsage('system/c', {});
    it.fake.setPolicy(KEY, undefined);
    it.logger.logUsage('system/d', {});
    assert.deepEqual(names(it.inner.received), [`${EXTENSION}/system/a`, `${EXTENSION}/system/d`]);

    const other = setUp({ init: { defaults: { 'acme.telemetry.enabled': false } }, section: 'acme.telemetry', key: 'enabled' });
    other.logger.logUsage('system/a', {});
    other.fake.editByHand('acme.telemetry.enabled', true);
    other.logger.logUsage('system/b', {});
    assert.deepEqual(names(other.inner.received), [`${EXTENSION}/system/b`]);
  });

  test('usage needs level all; error reports need error or all; crash and off send nothing', () => {
    for (const [level, expected] of [
      ['all', ['model-command/run', 'tokens/over-limit', 'model-command.failed']],
      ['error', ['tokens/over-limit', 'model-command.failed']],
      ['crash', []],
      ['off', []],
    ]) {
      const it = setUp({ init: { telemetryLevel: level } });
      // Straight to the gate's sender, as a logger whose level is stale would call it.
      it.gate.sender.sendEventData(`${EXTENSION}/model-command/run`, { model: 'm' });
      it.gate.sender.sendEventData(`${EXTENSION}/tokens/over-limit`, { prompt: 1 });
      it.gate.sender.sendErrorData(Object.assign(new Error('boom'), { name: 'model-command.failed' }), {});
      assert.deepEqual(names(it.inner.received).map((name) => name.replace(`${EXTENSION}/`, '')), expected, `at ${level}`);
    }
  });

  test('the editor saying telemetry is disabled at level all counts as off', () => {
    const it = setUp();
    it.fake.setTelemetryEnabled(false);
    it.gate.sender.sendEventData(`${EXTENSION}/system/a`, {});
    it.gate.sender.sendErrorData(Object.assign(new Error('x'), { name: 'system.failed' }), {});
    assert.deepEqual(it.inner.received, []);
  });

  test('no event slips through while the logger has not yet heard of a lower level', () => {
    const it = setUp();
    it.fake.loggerLagMs = 50;
    it.fake.telemetryLevel = 'off';
    assert.equal(it.logger.isUsageEnabled, true, 'the logger still believes usage is on');
    it.logger.logUsage('model-command/run', { model: 'm' });
    it.logger.logError(Object.assign(new Error('x'), { name: 'model-command.failed' }));
    assert.deepEqual(it.inner.received, []);
  });

  test('no event slips through between a write of the setting and its configuration event', async () => {
    const it = setUp();
    const webview = createFakeWebview(it.fake.counter);
    const host = connectTelemetryHost(webview, { vscode: it.fake.vscode, log: () => {} });
    it.fake.lateConfigurationEvents = true;
    webview.send({ type: 'telemetry/set', id: 'x-1', enabled: false });
    while (it.fake.userValue(KEY) !== false) await sleep(1);
    // Written, its event not out yet: a gate that waited for the event would still send.
    it.logger.logUsage('model-command/run', { model: 'm' });
    await settle(it.fake, webview);
    host.dispose();
    assert.deepEqual(it.inner.received, []);
  });
});

describe('the gate: data types and fields', () => {
  test('a name of no declared data type is dropped and logged, with VS Code’s prefix or without', () => {
    const it = setUp();
    it.logger.logUsage('crash-dump/upload', { os: 'linux' });
    it.logger.logUsage('systems/a', {});
    it.gate.sender.sendEventData('model-command', {});
    it.gate.sender.sendEventData('model-command/run', { model: 'm' });
    assert.deepEqual(names(it.inner.received), ['model-command/run']);
    assert.ok(it.logs.some((line) => line.includes(`${EXTENSION}/crash-dump/upload`) && line.includes('no declared data type')), it.logs.join('\n'));
  });

  test('a declared map or function decides the data type instead of the prefix rule', () => {
    const mapped = setUp({ eventTypes: { run: 'model-command', 'system/a': 'tokens' } });
    mapped.logger.logUsage('run', { model: 'm' });
    mapped.logger.logUsage('system/a', { prompt: 1, os: 'linux' });
    mapped.logger.logUsage('model-command/run', { model: 'm' });
    assert.deepEqual(names(mapped.inner.received), [`${EXTENSION}/run`, `${EXTENSION}/system/a`]);
    assert.deepEqual(mapped.gate.events('tokens').map((event) => event.data.prompt), [1]);
    assert.equal(mapped.inner.received[1].data.os, undefined, 'a field of another data type is dropped');

    const byFunction = setUp({ eventTypes: (name) => (name === 'boom' ? (() => { throw new Error('bad map'); })() : name === 'ok' ? 'system' : 'nonsense') });
    byFunction.logger.logUsage('ok', {});
    byFunction.logger.logUsage('boom', {});
    byFunction.logger.logUsage('other', {});
    assert.deepEqual(names(byFunction.inner.received), [`${EXTENSION}/ok`]);
    assert.ok(byFunction.logs.some((line) => line.includes('bad map')));
  });

  test('undeclared fields are dropped and logged; values that are not flat are dropped', () => {
    const it = setUp();
    it.logger.logUsage('model-command/run', { model: 'm', command: { nested: true }, prompt: 'my code', secretPlan: 1 });
    const [event] = it.inner.received;
    assert.equal(event.data.model, 'm');
    for (const field of ['command', 'prompt', 'secretPlan']) assert.ok(!(field in event.data), field);
    assert.ok(it.logs.some((line) => line.includes('command, prompt, secretPlan')), it.logs.join('\n'));
  });

  test('VS Code’s common properties go with every data type and are recorded; other common.* fields are dropped', () => {
    const it = setUp();
    it.logger.logUsage('tokens/usage', { prompt: 1, 'common.mine': 'x' });
    const [event] = it.inner.received;
    assert.deepEqual(
      Object.keys(event.data).filter((field) => field.startsWith('common.')),
      [...VSCODE_COMMON_PROPERTIES],
    );
    assert.equal(event.data['common.extname'], EXTENSION);
    assert.ok(!('common.mine' in event.data));
    assert.deepEqual(it.gate.events('tokens')[0].data, event.data);
  });
});

describe('the gate: the account', () => {
  const identify = (it) => it.logger.logUsage('account/identify', { signedIn: true, loginName: 'ada', email: new TelemetryTrustedValue('ada@example.com') });
  const sentFields = (it) => it.inner.received.map((event) => ['loginName', 'email'].filter((field) => field in event.data).join('+'));

  test('login name and email go only while signed in and the account switch is on', () => {
    const it = setUp();
    identify(it); // signed out
    it.state.account = ADA;
    identify(it);
    it.state.linked = false;
    identify(it);
    it.state.linked = true;
    it.state.account = null;
    identify(it);
    assert.deepEqual(sentFields(it), ['', 'loginName+email', '', '']);
    assert.equal(it.inner.received[1].data.email, 'ada@example.com');
  });

  test('identity fields in any data type are held to the same rule', () => {
    const it = setUp({ dataTypes: { ...DATA_TYPES, system: { fields: ['os', 'email'] } } });
    it.logger.logUsage('system/a', { os: 'linux', email: new TelemetryTrustedValue('ada@example.com') });
    assert.ok(!('email' in it.inner.received[0].data));
  });

  test('without an account switch, identity goes while signed in; a switch that throws or answers later sends none', () => {
    const noSwitch = setUp({ accountLinked: undefined });
    noSwitch.state.account = ADA;
    identify(noSwitch);
    assert.deepEqual(sentFields(noSwitch), ['loginName+email']);

    for (const get of [() => { throw new Error('no store'); }, () => Promise.resolve(true), () => 'yes']) {
      const it = setUp({ accountLinked: { get } });
      it.state.account = ADA;
      identify(it);
      assert.deepEqual(sentFields(it), ['']);
    }
    const lateAccount = setUp({ account: () => Promise.resolve(ADA) });
    identify(lateAccount);
    assert.deepEqual(sentFields(lateAccount), ['']);
    assert.ok(lateAccount.logs.some((line) => line.includes('promise')));
  });
});

describe('the gate: error reports', () => {
  test('an Error goes under the data type of its name, with its message only where declared', () => {
    const it = setUp();
    it.logger.logError(Object.assign(new Error('model not found'), { name: 'model-command.failed' }), { model: 'm', os: 'x' });
    it.logger.logError(Object.assign(new Error('token budget'), { name: 'tokens.failed' }), { prompt: 1 });
    it.logger.logError(new TypeError('undeclared'));
    assert.deepEqual(names(it.inner.received), ['model-command.failed', 'tokens.failed']);
    const [modelError, tokensError] = it.inner.received;
    assert.equal(modelError.error.message, 'model not found');
    assert.equal(modelError.error.stack, undefined, 'the stack is not declared for model-command');
    assert.ok(!('os' in modelError.data));
    assert.equal(tokensError.error.message, '', 'no message declared for tokens');
    const [shown] = it.gate.events('model-command');
    assert.equal(shown.name, 'model-command.failed');
    assert.equal(shown.data['error.message'], 'model not found');
    assert.equal(shown.data.model, 'm');
    assert.ok(it.logs.some((line) => line.includes('"TypeError"')));
  });

  test('a name logged with logError(name) is an error report only where declared; any other is held to the usage rule', () => {
    const it = setUp({ init: { telemetryLevel: 'error' } });
    it.logger.logError('tokens/over-limit', { prompt: 9 });
    it.logger.logError('model-command/slow', { model: 'm' });
    assert.deepEqual(names(it.inner.received), [`${EXTENSION}/tokens/over-limit`]);
  });
});

describe('the gate: what it keeps, flush, dispose, a failing sender', () => {
  test('the events source lists per data type exactly what was handed on, oldest first, as TelemetryEvents', () => {
    const it = setUp();
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    it.logger.logUsage('system/a', { os: 'linux' });
    it.logger.logUsage('tokens/usage', { prompt: 2, bogus: 1 });
    const tokens = it.gate.events('tokens');
    assert.deepEqual(tokens.map((event) => [event.name, event.data]), it.inner.received.filter((event) => event.name.includes('tokens')).map((event) => [event.name, event.data]));
    for (const event of tokens) assert.ok(isTelemetryEvent(event), JSON.stringify(event));
    assert.deepEqual(it.gate.events('autocomplete'), []);
    tokens[0].data.prompt = 99;
    assert.equal(it.gate.events('tokens')[0].data.prompt, 1, 'a copy: the caller cannot change the record');
    it.inner.received[0].data.prompt = 42;
    assert.equal(it.gate.events('tokens')[0].data.prompt, 1, 'the sender cannot change the record');
  });

  test('each data type keeps the most recent `capacity` events, 200 by default', () => {
    const small = setUp({ capacity: 3 });
    for (let index = 0; index < 5; index++) small.logger.logUsage('tokens/usage', { prompt: index });
    small.logger.logUsage('system/a', {});
    assert.deepEqual(small.gate.events('tokens').map((event) => event.data.prompt), [2, 3, 4]);
    assert.equal(small.gate.events('system').length, 1);
    assert.equal(DEFAULT_GATE_CAPACITY, 200);
    const standard = setUp();
    for (let index = 0; index < 250; index++) standard.logger.logUsage('tokens/usage', { prompt: index });
    const kept = standard.gate.events('tokens');
    assert.equal(kept.length, 200);
    assert.equal(kept[0].data.prompt, 50);
  });

  test('the adapter shows the gate’s events through connectTelemetryHost({ events })', async () => {
    const it = setUp();
    it.logger.logUsage('model-command/run', { model: 'm', command: 'explain' });
    const webview = createFakeWebview(it.fake.counter);
    const host = connectTelemetryHost(webview, { vscode: it.fake.vscode, events: it.gate.events, log: () => {} });
    webview.send({ type: 'telemetry/hello', id: 'h', protocol: PROTOCOL_VERSION });
    webview.send({ type: 'telemetry/events', id: 'e', category: 'model-command' });
    await settle(it.fake, webview);
    host.dispose();
    const reply = webview.posted.find((message) => message.inReplyTo === 'e');
    assert.deepEqual(reply.events.map((event) => [event.name, event.data]), [[it.inner.received[0].name, it.inner.received[0].data]]);
  });

  test('flush passes through; dispose stops forwarding and recording, disposes its loggers, and keeps what was sent', async () => {
    let flushed = 0;
    const inner = { ...recordingSender(), flush: () => { flushed++; } };
    inner.sendEventData = (name, data) => inner.received.push({ name, data });
    const it = setUp({ sender: inner });
    it.gate.sender.flush();
    assert.equal(flushed, 1);
    it.logger.logUsage('system/a', {});
    it.gate.dispose();
    assert.equal(flushed, 2, 'the logger flushed as it was disposed');
    it.gate.sender.sendEventData(`${EXTENSION}/system/b`, {});
    it.gate.sender.sendErrorData(Object.assign(new Error('x'), { name: 'system.failed' }), {});
    assert.deepEqual(names(inner.received), [`${EXTENSION}/system/a`]);
    assert.deepEqual(it.gate.events('system').map((event) => event.name), [`${EXTENSION}/system/a`]);
  });

  test('a sender that throws is logged and does not break the gate', () => {
    let calls = 0;
    const it = setUp({
      sender: {
        sendEventData: () => { calls++; if (calls === 1) throw new Error('network down'); },
        sendErrorData: () => { throw new Error('also down'); },
        flush: () => { throw new Error('flush down'); },
      },
    });
    assert.doesNotThrow(() => it.logger.logUsage('system/a', {}));
    assert.doesNotThrow(() => it.logger.logError(Object.assign(new Error('x'), { name: 'system.failed' })));
    assert.doesNotThrow(() => it.gate.sender.flush());
    it.logger.logUsage('system/b', {});
    assert.equal(calls, 2);
    for (const words of ['network down', 'also down', 'flush down']) assert.ok(it.logs.some((line) => line.includes(words)), words);
  });

  test('nothing the gate meets throws into the code that logs: data whose getter throws, a clock that throws', () => {
    const it = setUp({ now: () => { throw new Error('clock gone'); } });
    const hostile = { get model() { throw new Error('getter trap'); } };
    assert.doesNotThrow(() => it.gate.sender.sendEventData(`${EXTENSION}/model-command/run`, hostile));
    assert.doesNotThrow(() => it.logger.logUsage('model-command/run', { model: 'm' }));
    assert.doesNotThrow(() => it.logger.logError(Object.assign(new Error('x'), { name: 'system.failed' })));
    assert.deepEqual(it.inner.received, []);
    for (const words of ['getter trap', 'clock gone']) assert.ok(it.logs.some((line) => line.includes(words)), words);
  });

  test('a configuration that cannot be read sends nothing', () => {
    const it = setUp();
    it.fake.vscode.workspace.getConfiguration = () => { throw new Error('configuration gone'); };
    it.gate.sender.sendEventData(`${EXTENSION}/system/a`, {});
    it.gate.sender.sendErrorData(Object.assign(new Error('x'), { name: 'system.failed' }), {});
    assert.deepEqual(it.inner.received, []);
    assert.ok(it.logs.some((line) => line.includes('configuration gone')));
  });
});

describe('the fake editor’s TelemetryLogger, as VS Code 1.100’s', () => {
  test('prefixes names, cleans strings, unwraps trusted values, then adds the common properties', () => {
    const fake = createFakeVsCode();
    const inner = recordingSender();
    const logger = fake.vscode.env.createTelemetryLogger(inner);
    logger.logUsage('a/b', { email: 'ada@example.com', path: 'at /home/ada/project/x.ts', trusted: new TelemetryTrustedValue('/home/ada'), lib: 'node_modules/lit/x.js', n: 1 });
    const [event] = inner.received;
    assert.equal(event.name, `${EXTENSION}/a/b`);
    assert.equal(event.data.email, '<REDACTED: Email>');
    assert.equal(event.data.path, 'at <REDACTED: user-file-path>');
    assert.equal(event.data.trusted, '/home/ada');
    assert.equal(event.data.lib, 'node_modules/lit/x.js');
    assert.equal(event.data['common.vscodeversion'], '1.100.3');
    const bare = fake.vscode.env.createTelemetryLogger(inner, { ignoreBuiltInCommonProperties: true, additionalCommonProperties: { 'common.mine': 1 } });
    bare.logUsage('c', {});
    assert.deepEqual(inner.received[1].data, { 'common.mine': 1 });
  });

  test('calls the sender only when its own level allows, and throws on a malformed sender', () => {
    const fake = createFakeVsCode({ telemetryLevel: 'error' });
    const inner = recordingSender();
    const logger = fake.vscode.env.createTelemetryLogger(inner);
    logger.logUsage('u', {});
    logger.logError('e', {});
    fake.telemetryLevel = 'crash';
    logger.logError(new Error('x'));
    assert.deepEqual(names(inner.received), [`${EXTENSION}/e`]);
    assert.throws(() => fake.vscode.env.createTelemetryLogger({ sendEventData() {} }), TypeError);
  });
});

const USAGE_NAMES = ['system/heartbeat', 'model-command/run', 'tokens/usage', 'autocomplete/feedback', 'account/session', 'tokens/over-limit', 'crash/dump', 'modelcommand/run', 'secret'];
const ERROR_NAMES = ['system.failed', 'model-command.failed', 'autocomplete.failed', 'account.failed', 'TypeError', 'tokens/slash'];
const FIELDS = ['os', 'arch', 'model', 'command', 'prompt', 'completion', 'accepted', 'signedIn', 'loginName', 'email', 'code', 'filePath', 'common.injected'];

describe('the gate under seeded random interleavings', () => {
  for (const seed of [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]) {
    test(`seed ${seed}: nothing forbidden reaches the sender, and the viewer lists exactly what did`, async () => {
      const rng = random(seed);
      const fake = createFakeVsCode();
      const state = { account: null, linked: true, managedBy: null };
      const violations = [];
      /** Per data type, what the sender received, as the gate records it. */
      const received = new Map(TELEMETRY_CATEGORIES.map((category) => [category, []]));
      const categoryOf = (name) => TELEMETRY_CATEGORIES.find((category) => name.startsWith(`${category}/`) || name.startsWith(`${category}.`));
      const check = (kind, name, fields) => {
        const now = oracle(fake, state);
        const category = categoryOf(name);
        if (!now[kind]) violations.push(`${kind} ${name} while forbidden`);
        if (!category) violations.push(`undeclared name ${name}`);
        for (const field of Object.keys(fields)) {
          const declared = field.startsWith('common.') ? VSCODE_COMMON_PROPERTIES.includes(field) : DATA_TYPES[category]?.fields.includes(field);
          if (!declared) violations.push(`undeclared field ${field} of ${name}`);
          if ((field === 'loginName' || field === 'email') && !now.identity) violations.push(`identity ${field} of ${name} while not allowed`);
        }
        return category;
      };
      const inner = {
        sendEventData(eventName, data) {
          const name = eventName.replace(`${EXTENSION}/`, '');
          const category = check(ERROR_EVENTS.includes(name) ? 'error' : 'usage', name, data);
          received.get(category)?.push({ name: eventName, data: { ...data } });
        },
        sendErrorData(error, data) {
          const category = check('error', error.name, data);
          const shown = { ...data, ...(error.message !== '' && { 'error.message': error.message }), ...(error.stack !== undefined && { 'error.stack': error.stack }) };
          received.get(category)?.push({ name: error.name, data: shown });
        },
      };
      const { gate, logger } = setUp({ fake, state, sender: inner, capacity: 50, log: () => {} });
      const webview = createFakeWebview(fake.counter);
      const host = connectTelemetryHost(webview, {
        vscode: fake.vscode,
        managedBy: () => state.managedBy,
        account: () => state.account,
        accountLinked: { get: () => state.linked, set: (linked) => { state.linked = linked; } },
        log: () => {},
      });
      webview.send({ type: 'telemetry/hello', id: 'h', protocol: PROTOCOL_VERSION });
      let sends = 0;
      let id = 0;
      const fieldsFor = () => {
        const data = {};
        for (const field of FIELDS) if (rng.chance(0.35)) data[field] = field === 'email' && rng.chance(0.5) ? new TelemetryTrustedValue('ada@example.com') : rng.pick(['x', 1, true, null, { deep: 1 }]);
        return data;
      };
      for (let step = 0; step < 400; step++) {
        const move = rng.next();
        if (move < 0.08) webview.send({ type: 'telemetry/set', id: `s${++id}`, enabled: rng.chance(0.5) });
        else if (move < 0.13) fake.editByHand(KEY, rng.pick([true, false, 'junk', undefined]), rng.pick([ConfigurationTarget.Global, ConfigurationTarget.Workspace]));
        else if (move < 0.17) {
          const value = rng.pick([true, false, undefined]);
          state.managedBy = value === undefined ? null : 'policy';
          fake.setPolicy(KEY, value);
        } else if (move < 0.23) fake.telemetryLevel = rng.pick(['all', 'error', 'crash', 'off', 'everything']);
        else if (move < 0.25) fake.setTelemetryEnabled(rng.chance(0.5));
        else if (move < 0.29) state.account = rng.chance(0.5) ? ADA : null;
        else if (move < 0.32) state.linked = rng.chance(0.5);
        else if (move < 0.34) webview.send({ type: 'telemetry/set', id: `a${++id}`, accountLinked: rng.chance(0.5) });
        else if (move < 0.36) fake.loggerLagMs = rng.pick([0, 0, 3]);
        else if (move < 0.38) await settle(fake, webview);
        else {
          sends++;
          const kind = rng.next();
          if (kind < 0.5) logger.logUsage(rng.pick(USAGE_NAMES), fieldsFor());
          else if (kind < 0.6) logger.logError(rng.pick([...ERROR_EVENTS, 'model-command/run']), fieldsFor());
          else if (kind < 0.75) logger.logError(Object.assign(new Error(rng.pick(['bad', 'at /home/ada/x'])), { name: rng.pick(ERROR_NAMES) }), fieldsFor());
          // Straight to the gate, as a logger with a stale level, or code holding the sender, would call it.
          else if (kind < 0.9) gate.sender.sendEventData(`${EXTENSION}/${rng.pick(USAGE_NAMES)}`, fieldsFor());
          else gate.sender.sendErrorData(Object.assign(new Error('direct'), { name: rng.pick(ERROR_NAMES) }), fieldsFor());
        }
        if (step % 50 === 49) {
          for (const category of TELEMETRY_CATEGORIES) {
            assert.deepEqual(gate.events(category).map(({ name, data }) => ({ name, data })), received.get(category).slice(-50), `${category} after step ${step}`);
          }
        }
      }
      await settle(fake, webview);
      host.dispose();
      gate.dispose();
      assert.deepEqual(violations, []);
      const forwarded = [...received.values()].reduce((total, events) => total + events.length, 0);
      // The run must have exercised both sides: events that went and events that were held back.
      assert.ok(forwarded > 5 && forwarded < sends, `${forwarded} of ${sends} sends forwarded`);
      for (const category of TELEMETRY_CATEGORIES) {
        assert.deepEqual(gate.events(category).map(({ name, data }) => ({ name, data })), received.get(category).slice(-50), category);
        for (const event of gate.events(category)) assert.ok(isTelemetryEvent(event), JSON.stringify(event));
      }
    });
  }
});
