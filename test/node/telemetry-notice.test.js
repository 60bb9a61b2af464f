// The notice before the first event, and DO_NOT_TRACK, on the BUILT entry (dist/host.js) against the fake `vscode`:
// the notice is shown once; the outbox uploads nothing before it is answered or closed; Turn Off purges; with
// DO_NOT_TRACK set nothing leaves and the state says why.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  connectTelemetryHost,
  createTelemetryGate,
  isDoNotTrack,
  NOTICE_KEY,
  NOTICE_MESSAGE,
  NOTICE_OPEN_SETTINGS,
  NOTICE_TURN_OFF,
  PROTOCOL_VERSION,
  showTelemetryNotice,
} from '../../dist/host.js';
import { createFakeMemento, createFakeVsCode, createFakeWebview, settle } from '../../dev/fake-vscode.js';
import { createCollector, DATA_TYPES, newFolder } from './support/outbox.js';

const SECTION = 'codeStudio.telemetry';
const KEY = 'allowAnonymousTelemetry';

/** VS Code's notifications as a user meets them: each one shown is kept, and the test answers it (a button, or closed). */
function createNotifications() {
  const shown = [];
  const errors = [];
  return {
    shown,
    errors,
    window: {
      showInformationMessage(message, ...items) {
        let answer;
        const reply = new Promise((resolve) => (answer = resolve));
        shown.push({ message, items, answer });
        return reply;
      },
      showErrorMessage(message) {
        errors.push(message);
        return Promise.resolve(undefined);
      },
    },
  };
}

function setUp({ env = {}, memento = createFakeMemento(), folder = newFolder(), fake = createFakeVsCode(), collector = createCollector(), ...options } = {}) {
  const notifications = createNotifications();
  const logs = [];
  const gate = createTelemetryGate({
    vscode: fake.vscode,
    upload: collector.upload,
    storage: folder,
    dataTypes: DATA_TYPES,
    batch: { interval: 3_600_000 },
    retry: { delay: 1, maxDelay: 4 },
    notice: memento,
    env,
    log: (message) => logs.push(message),
    ...options,
  });
  const logger = gate.createLogger();
  const opened = [];
  const notice = () =>
    showTelemetryNotice({
      vscode: { ...fake.vscode, window: notifications.window },
      memento,
      gate,
      openSettings: () => opened.push('panel'),
    });
  return { fake, folder, collector, memento, gate, logger, notifications, notice, opened, logs };
}

const queued = (folder) => {
  const file = join(folder, 'telemetry-queue.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
};
const names = (events) => events.map((event) => event.name.replace(/^[^/]*\.[^/]*\//, ''));
const sendSome = (logger) => {
  logger.logUsage('model-command/run', { model: 'm', command: 'explain' });
  logger.logUsage('tokens/usage', { prompt: 3 });
};

/** The state the panel gets from an adapter on `gate`, after a hello. */
async function panelState(fake, gate) {
  const webview = createFakeWebview();
  const connection = connectTelemetryHost(webview, { vscode: fake.vscode, gate, log: () => {} });
  webview.send({ type: 'telemetry/hello', id: 'h1', protocol: PROTOCOL_VERSION });
  await settle(fake, webview);
  const states = () => webview.posted.filter((message) => message.type === 'telemetry/state').map((message) => message.state);
  return { webview, connection, states, last: () => states().at(-1) };
}

describe('the notice before the first event', () => {
  test("shows the product's words with Turn Off and Open Telemetry Settings, once: not again after it was closed", async () => {
    const it = setUp();
    const first = it.notice();
    const again = it.notice(); // a second call while it is on screen waits for the same answer
    assert.equal(it.notifications.shown.length, 1);
    assert.equal(it.notifications.shown[0].message, NOTICE_MESSAGE);
    assert.match(NOTICE_MESSAGE, /collects anonymous usage data to improve product quality and user experience/);
    assert.match(NOTICE_MESSAGE, /code, prompts and files are never collected/);
    assert.deepEqual(it.notifications.shown[0].items, ['Turn Off', 'Open Telemetry Settings']);
    assert.deepEqual([NOTICE_TURN_OFF, NOTICE_OPEN_SETTINGS], ['Turn Off', 'Open Telemetry Settings']);
    it.notifications.shown[0].answer(undefined); // closed
    assert.equal(await first, 'closed');
    assert.equal(await again, 'closed');
    assert.equal(it.memento.get(NOTICE_KEY).answer, 'closed');
    // The next activation, on the same memento.
    assert.equal(await it.notice(), undefined);
    const next = setUp({ memento: it.memento });
    assert.equal(await next.notice(), undefined);
    assert.equal(it.notifications.shown.length + next.notifications.shown.length, 1, 'shown once in all');
  });

  test('until it is answered nothing is uploaded, not by flush, a full batch or a restart; the state says so; then the queue goes', async () => {
    const it = setUp({ batch: { interval: 3_600_000, maxEvents: 2 } });
    const panel = await panelState(it.fake, it.gate);
    assert.equal(panel.last().noticePending, true);
    sendSome(it.logger); // a full batch
    await it.gate.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(it.collector.calls, 0, 'nothing leaves while the notice waits');
    assert.equal(queued(it.folder), 2, 'the events wait in the queue, on disk');
    // A restart before the answer: the next gate on the folder holds too.
    it.gate.dispose();
    const restarted = setUp({ folder: it.folder, memento: it.memento, collector: it.collector });
    await restarted.gate.flush();
    assert.equal(it.collector.calls, 0);
    assert.equal(restarted.gate.noticePending, true);
    const restartedPanel = await panelState(restarted.fake, restarted.gate);
    restarted.notice();
    restarted.notifications.shown[0].answer(undefined);
    await settle(restarted.fake, restartedPanel.webview);
    assert.equal(restarted.gate.noticePending, false);
    assert.equal(restartedPanel.last().noticePending, undefined, 'the open panel is told at once');
    await restarted.gate.flush();
    assert.deepEqual(names(it.collector.received), ['model-command/run', 'tokens/usage']);
    panel.connection.dispose();
    restartedPanel.connection.dispose();
    restarted.gate.dispose();
  });

  test('Turn Off writes the setting off and purges what waited: it never leaves, not after switching on again', async () => {
    const it = setUp();
    sendSome(it.logger);
    assert.equal(queued(it.folder), 2);
    const answer = it.notice();
    it.notifications.shown[0].answer('Turn Off');
    assert.equal(await answer, 'turn-off');
    assert.equal(it.fake.vscode.workspace.getConfiguration(SECTION).get(KEY), false);
    assert.equal(queued(it.folder), 0, 'purged on disk at once');
    await it.gate.flush();
    await it.fake.vscode.workspace.getConfiguration(SECTION).update(KEY, true, 1);
    await it.gate.flush();
    assert.equal(it.collector.calls, 0);
    assert.deepEqual(it.opened, []);
    it.gate.dispose();
  });

  test('Open Telemetry Settings opens the panel; what waited then goes', async () => {
    const it = setUp();
    sendSome(it.logger);
    const answer = it.notice();
    it.notifications.shown[0].answer('Open Telemetry Settings');
    assert.equal(await answer, 'open-settings');
    assert.deepEqual(it.opened, ['panel']);
    await it.gate.flush();
    assert.deepEqual(names(it.collector.received), ['model-command/run', 'tokens/usage']);
    it.gate.dispose();
  });

  test('a Turn Off that cannot be written says so and keeps holding', async () => {
    const it = setUp();
    sendSome(it.logger);
    const config = it.fake.vscode.workspace.getConfiguration;
    const broken = { ...it.fake.vscode, workspace: { ...it.fake.vscode.workspace, getConfiguration: (section) => ({ ...config(section), get: config(section).get, update: () => Promise.reject(new Error('disk full')) }) } };
    const answer = showTelemetryNotice({ vscode: { ...broken, window: it.notifications.window }, memento: it.memento, gate: it.gate, openSettings: () => {}, log: () => {} });
    it.notifications.shown[0].answer('Turn Off');
    assert.equal(await answer, undefined);
    assert.equal(it.notifications.errors.length, 1);
    assert.match(it.notifications.errors[0], /disk full/);
    assert.equal(it.gate.noticePending, true);
    await it.gate.flush();
    assert.equal(it.collector.calls, 0);
    it.gate.dispose();
  });
});

describe('DO_NOT_TRACK', () => {
  test('1 and true (any case) count; 0, false, empty and unset do not', () => {
    for (const value of ['1', 'true', 'TRUE', ' True ']) assert.equal(isDoNotTrack({ DO_NOT_TRACK: value }), true, value);
    for (const value of ['0', 'false', '', 'yes', undefined]) assert.equal(isDoNotTrack({ DO_NOT_TRACK: value }), false, String(value));
  });

  for (const value of ['1', 'true']) {
    test(`DO_NOT_TRACK=${value}: the outbox sends nothing, not even a deletion request, and the state says why`, async () => {
      const it = setUp({ env: { DO_NOT_TRACK: value }, notice: undefined, deletionRequest: true });
      assert.equal(it.gate.doNotTrack, true);
      sendSome(it.logger);
      it.logger.logError('model-command.failed', { model: 'm' });
      assert.equal(queued(it.folder), 0, 'nothing even waits');
      await it.fake.vscode.workspace.getConfiguration(SECTION).update(KEY, false, 1); // on to off
      await it.fake.vscode.workspace.getConfiguration(SECTION).update(KEY, true, 1);
      sendSome(it.logger);
      await it.gate.flush();
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(it.collector.calls, 0);
      const panel = await panelState(it.fake, it.gate);
      assert.equal(panel.last().doNotTrack, true);
      assert.equal(panel.last().enabled, true, 'the setting is still told as it is');
      panel.connection.dispose();
      it.gate.dispose();
    });
  }

  test('the notice is not shown while DO_NOT_TRACK is set (nothing is collected), and is shown once it is not', async () => {
    const it = setUp({ env: { DO_NOT_TRACK: '1' } });
    assert.equal(await it.notice(), undefined);
    assert.equal(it.notifications.shown.length, 0);
    assert.equal(it.memento.get(NOTICE_KEY), undefined, 'not kept as answered');
    it.gate.dispose();
    const later = setUp({ memento: it.memento, folder: it.folder });
    later.notice();
    assert.equal(later.notifications.shown.length, 1);
    later.gate.dispose();
  });

  test('with a sender of its own, the sender is handed nothing', async () => {
    const handed = [];
    const fake = createFakeVsCode();
    const gate = createTelemetryGate({
      vscode: fake.vscode,
      sender: { sendEventData: (name) => handed.push(name), sendErrorData: (error) => handed.push(error.name), flush: () => handed.push('flush') },
      dataTypes: DATA_TYPES,
      env: { DO_NOT_TRACK: '1' },
      log: () => {},
    });
    sendSome(gate.createLogger());
    await gate.flush();
    assert.deepEqual(handed, []);
    gate.dispose();
  });

  test('unset: the same gate uploads, and the state carries no doNotTrack', async () => {
    const it = setUp({ env: {}, notice: undefined });
    sendSome(it.logger);
    await it.gate.flush();
    assert.equal(it.collector.received.length, 2);
    const panel = await panelState(it.fake, it.gate);
    assert.equal(panel.last().doNotTrack, undefined);
    panel.connection.dispose();
    it.gate.dispose();
  });

  test("an adapter without a gate reads the extension host's environment", async () => {
    const fake = createFakeVsCode();
    const before = process.env.DO_NOT_TRACK;
    process.env.DO_NOT_TRACK = '1';
    try {
      const webview = createFakeWebview();
      const connection = connectTelemetryHost(webview, { vscode: fake.vscode, log: () => {} });
      webview.send({ type: 'telemetry/hello', id: 'h1', protocol: PROTOCOL_VERSION });
      await settle(fake, webview);
      assert.equal(webview.posted.find((message) => message.type === 'telemetry/state').state.doNotTrack, true);
      connection.dispose();
    } finally {
      if (before === undefined) delete process.env.DO_NOT_TRACK;
      else process.env.DO_NOT_TRACK = before;
    }
  });
});
