// The counts of what was sent, per data type, on the BUILT entry (dist/host.js): from the sent log (what the
// collector accepted), in the last 7 days and kept in all, carried in the state and pushed again while a panel is open;
// and its export to a JSON file the user picks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectTelemetryHost, createTelemetryGate, isExportedMessage, isTelemetryState, PROTOCOL_VERSION, SENT_COUNT_DAYS } from '../../dist/host.js';
import { createFakeVsCode, createFakeWebview, settle } from '../../dev/fake-vscode.js';
import { createCollector, DATA_TYPES, newFolder } from './support/outbox.js';

const DAY = 24 * 60 * 60 * 1000;

function setUp({ clock = { now: Date.parse('2026-03-01T12:00:00Z') }, folder = newFolder(), collector = createCollector() } = {}) {
  const fake = createFakeVsCode();
  const gate = createTelemetryGate({
    vscode: fake.vscode,
    upload: collector.upload,
    storage: folder,
    dataTypes: DATA_TYPES,
    batch: { interval: 3_600_000 },
    retry: { delay: 1, maxDelay: 4, attempts: 1 },
    env: {},
    now: () => new Date(clock.now),
    log: () => {},
  });
  const webview = createFakeWebview();
  const connection = connectTelemetryHost(webview, { vscode: fake.vscode, gate, log: () => {} });
  const states = () => webview.posted.filter((message) => message.type === 'telemetry/state').map((message) => message.state);
  return { fake, gate, logger: gate.createLogger(), webview, connection, states, clock, folder, collector };
}

const hello = async (it) => {
  it.webview.send({ type: 'telemetry/hello', id: `h${it.webview.posted.length}`, protocol: PROTOCOL_VERSION });
  await settle(it.fake, it.webview);
  return it.states().at(-1);
};

describe('counts of what was sent', () => {
  test('0, 1 and many per data type, in the state the panel gets; a valid state', async () => {
    const it = setUp();
    let state = await hello(it);
    assert.equal(SENT_COUNT_DAYS, 7);
    assert.deepEqual(state.sentCounts, {
      system: { lastWeek: 0, kept: 0 },
      'model-command': { lastWeek: 0, kept: 0 },
      tokens: { lastWeek: 0, kept: 0 },
      autocomplete: { lastWeek: 0, kept: 0 },
      account: { lastWeek: 0, kept: 0 },
    });
    it.logger.logUsage('autocomplete/accepted', { accepted: true });
    for (let seq = 0; seq < 12; seq++) it.logger.logUsage('tokens/usage', { prompt: 3, seq });
    await it.gate.flush();
    state = await hello(it);
    assert.deepEqual(state.sentCounts.tokens, { lastWeek: 12, kept: 12 });
    assert.deepEqual(state.sentCounts.autocomplete, { lastWeek: 1, kept: 1 });
    assert.deepEqual(state.sentCounts.system, { lastWeek: 0, kept: 0 });
    assert.ok(isTelemetryState(state));
    it.connection.dispose();
    it.gate.dispose();
  });

  test('only what the collector accepted counts: a failed upload adds nothing', async () => {
    const it = setUp();
    it.collector.failures = 1;
    it.logger.logUsage('tokens/usage', { prompt: 3 });
    await it.gate.flush();
    assert.deepEqual((await hello(it)).sentCounts.tokens, { lastWeek: 0, kept: 0 });
    it.connection.dispose();
    it.gate.dispose();
  });

  test('the open panel is pushed the new counts when an upload is accepted, unasked', async () => {
    const it = setUp();
    await hello(it);
    const before = it.webview.posted.length;
    it.logger.logUsage('model-command/run', { model: 'm', command: 'explain' });
    await it.gate.flush();
    await settle(it.fake, it.webview);
    const pushed = it.webview.posted.slice(before).filter((message) => message.type === 'telemetry/state' && !message.inReplyTo);
    assert.equal(pushed.length, 1, 'one push');
    assert.deepEqual(pushed[0].state.sentCounts['model-command'], { lastWeek: 1, kept: 1 });
    it.connection.dispose();
    it.gate.dispose();
  });

  test('older than 7 days: kept in all, not in the week; after a restart the counts are the same', async () => {
    const it = setUp();
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    await it.gate.flush();
    it.clock.now += 7 * DAY + 1000;
    it.logger.logUsage('tokens/usage', { prompt: 2 });
    await it.gate.flush();
    assert.deepEqual((await hello(it)).sentCounts.tokens, { lastWeek: 1, kept: 2 });
    it.connection.dispose();
    it.gate.dispose();
    const restarted = setUp({ clock: it.clock, folder: it.folder });
    assert.deepEqual((await hello(restarted)).sentCounts.tokens, { lastWeek: 1, kept: 2 });
    restarted.connection.dispose();
    restarted.gate.dispose();
  });
});

describe('export what was sent', () => {
  /** VS Code's save dialog as a user answers it (a file, or cancelled), and `workspace.fs` writing to disk. */
  function exportingEditor(fake, answer) {
    const dialogs = [];
    return {
      dialogs,
      vscode: {
        ...fake.vscode,
        window: {
          showSaveDialog: async (options) => {
            dialogs.push(options);
            return answer();
          },
        },
        workspace: {
          ...fake.vscode.workspace,
          fs: { writeFile: async (uri, bytes) => writeFileSync(uri.fsPath, bytes) },
        },
      },
    };
  }

  test('offered as "export"; the file chosen holds the whole log, every data type, exactly as uploaded', async () => {
    const it = setUp();
    it.logger.logUsage('tokens/usage', { prompt: 1 });
    it.logger.logUsage('model-command/run', { model: 'm', command: 'explain' });
    await it.gate.flush();
    it.logger.logUsage('system/start', { os: 'linux' });
    await it.gate.flush();
    const file = join(it.folder, 'exported.json');
    const editor = exportingEditor(it.fake, () => ({ fsPath: file, toString: () => `file://${file}` }));
    const webview = createFakeWebview();
    const connection = connectTelemetryHost(webview, { vscode: editor.vscode, gate: it.gate, log: () => {} });
    webview.send({ type: 'telemetry/hello', id: 'h', protocol: PROTOCOL_VERSION });
    await settle(it.fake, webview);
    assert.ok(webview.posted.at(-1).state.offers.includes('export'));
    webview.send({ type: 'telemetry/export', id: 'x1' });
    await settle(it.fake, webview);
    const reply = webview.posted.find((message) => message.inReplyTo === 'x1');
    assert.ok(isExportedMessage(reply), JSON.stringify(reply));
    assert.equal(reply.file, file);
    assert.equal(reply.count, 3);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), it.collector.received, 'the file equals what the collector got');
    assert.equal(editor.dialogs.length, 1);
    connection.dispose();
    it.connection.dispose();
    it.gate.dispose();
  });

  test('no file chosen, or a write that fails: the answer says why, and nothing is claimed', async () => {
    const it = setUp();
    for (const [answer, code, words] of [
      [() => undefined, 'export-cancelled', 'Nothing was exported: no file was chosen.'],
      [() => ({ fsPath: join(it.folder, 'no-such-folder', 'x.json') }), 'export-failed', 'Could not write'],
    ]) {
      const editor = exportingEditor(it.fake, answer);
      const webview = createFakeWebview();
      const connection = connectTelemetryHost(webview, { vscode: editor.vscode, gate: it.gate, log: () => {} });
      webview.send({ type: 'telemetry/export', id: 'x' });
      await settle(it.fake, webview);
      const reply = webview.posted.find((message) => message.inReplyTo === 'x');
      assert.equal(reply.type, 'telemetry/error');
      assert.equal(reply.code, code);
      assert.ok(reply.message.startsWith(words), reply.message);
      connection.dispose();
    }
    it.connection.dispose();
    it.gate.dispose();
  });

  test('an editor without a save dialog is not offered export, and a request gets not-offered', async () => {
    const it = setUp();
    const state = await hello(it);
    assert.equal(state.offers.includes('export'), false);
    it.webview.send({ type: 'telemetry/export', id: 'x' });
    await settle(it.fake, it.webview);
    assert.equal(it.webview.posted.find((message) => message.inReplyTo === 'x').code, 'not-offered');
    it.connection.dispose();
    it.gate.dispose();
  });
});
