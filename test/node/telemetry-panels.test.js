// registerTelemetryPanels against a fake workbench shared by successive extension hosts: a restart leaves orphaned
// pages to revive, a reload leaves tabs to the serializer. Tested on the BUILT entry (dist/host.js): run
// `npm run build` first.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_PANEL_SESSIONS, PANEL_SESSIONS_KEY_PREFIX, registerTelemetryPanels } from '../../dist/host.js';
import { createWorkbench, ViewColumn } from './support/fake-workbench.js';

const VIEW_TYPE = 'codeStudio.telemetrySettings';
const TITLE = 'Telemetry Settings';
/** The settle time in these tests; waits are a few times longer. */
const SETTLE_MS = 20;
const settled = () => sleep(SETTLE_MS * 4);

/** The package's dist folder, where dist/host.js runs from: the page's default. */
const DIST = pathToFileURL(join(import.meta.dirname, '../../dist')).href;
/** Webview options with their Uris as strings. */
const webviewOptions = (options) => options && { ...options, ...(options.localResourceRoots && { localResourceRoots: options.localResourceRoots.map(String) }) };

/** Every registration a test made, disposed after it: a revival left running must not outlive its test. */
let registered = [];
afterEach(() => {
  for (const panels of registered) panels.dispose();
  registered = [];
});

/**
 * Registers the panels on the workbench's current host, recording every set-up and what it returned. `register`: the
 * function under test, default the ES module's.
 */
function register(workbench, { register: registerPanels = registerTelemetryPanels, ...options } = {}) {
  const host = workbench.host;
  const setUps = [];
  const logs = [];
  const panels = registerPanels({
    vscode: host.vscode,
    viewType: VIEW_TYPE,
    title: TITLE,
    memento: workbench.memento,
    settleMs: SETTLE_MS,
    log: (message) => logs.push(message),
    setUp: (panel, origin) => {
      const adapter = { disposed: false, dispose: () => (adapter.disposed = true) };
      setUps.push({ panel, origin, adapter });
      return adapter;
    },
    ...options,
  });
  registered.push(panels);
  return { host, panels, setUps, logs };
}

/** The webview tabs of the view type, as `group:index:state`: `live` has a panel of the current host, `dead` not. */
function webviewTabs(workbench) {
  return workbench.groups.flatMap((group, groupIndex) =>
    group.tabs.flatMap((tab, index) =>
      tab.kind === 'webview' ? [`${groupIndex}:${index}:${tab.panel && !tab.panel.disposed ? 'live' : 'dead'}${group.active === index ? ':shown' : ''}`] : [],
    ),
  );
}

/** A workbench whose first host opened the panel with the command, then lived on: the state before a restart. */
async function withOpenPanel() {
  const workbench = createWorkbench();
  workbench.startHost();
  const first = register(workbench);
  await first.panels.open();
  await workbench.host.idle();
  assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown']);
  workbench.requests.length = 0;
  return { workbench, first };
}

describe('after an extension-host restart', () => {
  test('a shown orphan is replaced in its place by a working panel, one tab, without taking the focus', async () => {
    const { workbench } = await withOpenPanel();
    workbench.openText(0, 'b.txt');
    workbench.show(workbench.groups[0].tabs[0]);
    const oldPage = workbench.groups[0].tabs[0].page;
    workbench.startHost();
    assert.deepEqual(webviewTabs(workbench), ['0:0:dead:shown'], 'the restart left the page without a host');

    const { panels, setUps, host } = register(workbench);
    await panels.settled;
    await host.idle();
    assert.deepEqual(workbench.requests, [`create ${VIEW_TYPE} in 1 preserveFocus`, `close ${TITLE} preserveFocus`]);
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown'], 'the new panel took the tab\'s place; the orphan is gone');
    assert.notEqual(workbench.groups[0].tabs[0].page, oldPage, 'a fresh page');
    assert.deepEqual(setUps.map(({ origin }) => origin), ['revived']);
    assert.deepEqual(panels.panels, [setUps[0].panel]);
    assert.deepEqual(workbench.groups[0].tabs.map((tab) => tab.label), [TITLE, 'b.txt'], 'the other tab is where it was');
  });

  test('an orphan shown in a group that is not the active one is revived there, and the active group stays active', async () => {
    const { workbench } = await withOpenPanel();
    workbench.openText(1, 'b.txt');
    assert.equal(workbench.activeGroup, 1);
    workbench.startHost();
    const { panels, host } = register(workbench);
    await panels.settled;
    await host.idle();
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown']);
    assert.equal(workbench.activeGroup, 1, 'the group the user was in');
    assert.deepEqual(workbench.requests, [`create ${VIEW_TYPE} in 1 preserveFocus`, `close ${TITLE} preserveFocus`]);
  });

  test('an orphan hidden behind another editor stays hidden, and is revived in its place once shown', async () => {
    const { workbench } = await withOpenPanel();
    workbench.openText(0, 'b.txt');
    workbench.startHost();
    const { panels, setUps, host } = register(workbench);
    await panels.settled;
    await settled();
    assert.deepEqual(workbench.requests, [], 'nothing opened or closed while it is hidden');
    assert.equal(workbench.groups[0].tabs[workbench.groups[0].active].label, 'b.txt', 'the editor in front stays in front');

    workbench.show(workbench.groups[0].tabs[0]);
    await settled();
    await host.idle();
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown']);
    assert.deepEqual(setUps.map(({ origin }) => origin), ['revived']);
  });

  test('each orphan is revived, once, however many tab events follow', async () => {
    const { workbench } = await withOpenPanel();
    // A second panel in a second group (the example allows one; the package allows any number).
    workbench.addTab(1, { label: TITLE, kind: 'webview', viewType: `mainThreadWebview-${VIEW_TYPE}` });
    workbench.startHost();
    const { panels, setUps, host } = register(workbench);
    await panels.settled;
    await host.idle();
    for (let i = 0; i < 3; i++) {
      workbench.changed();
      await settled();
      await host.idle();
    }
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown', '1:0:live:shown']);
    assert.deepEqual(setUps.map(({ origin }) => origin), ['revived', 'revived']);
  });

  test('a tab that a reload left to the serializer, shown after the restart, is restored by it and not replaced', async () => {
    const { workbench } = await withOpenPanel();
    workbench.openText(0, 'b.txt');
    workbench.reload();
    register(workbench); // the reloaded window's host: the panel is hidden, so it awaits the serializer
    await settled();
    workbench.startHost();
    const { panels, setUps, host } = register(workbench);
    await panels.settled;
    workbench.show(workbench.groups[0].tabs[0]);
    await settled();
    await host.idle();
    assert.deepEqual(setUps.map(({ origin }) => origin), ['restored']);
    assert.deepEqual(workbench.requests, []);
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown']);
  });

  test('text editors and other extensions\' webviews are left alone', async () => {
    const workbench = createWorkbench();
    workbench.startHost();
    register(workbench);
    workbench.addTab(0, { label: 'Other', kind: 'webview', viewType: `mainThreadWebview-${VIEW_TYPE}.other` });
    workbench.addTab(1, { label: 'Another', kind: 'webview', viewType: `mainThreadWebview-other.${VIEW_TYPE}` });
    workbench.openText(2, 'c.txt');
    workbench.startHost();
    const { panels } = register(workbench);
    await panels.settled;
    await settled();
    assert.deepEqual(workbench.requests, []);
  });

  test('a tab input named by the bare view type counts as the view type\'s too', async () => {
    const workbench = createWorkbench();
    workbench.startHost();
    register(workbench);
    workbench.addTab(0, { label: TITLE, kind: 'webview', viewType: VIEW_TYPE });
    workbench.startHost();
    const { panels, host } = register(workbench);
    await panels.settled;
    await host.idle();
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown']);
  });
});

describe('after a window reload', () => {
  test('the serializer restores the shown panel, and nothing is opened or closed', async () => {
    const { workbench } = await withOpenPanel();
    workbench.reload();
    const { panels, setUps, host } = register(workbench);
    await panels.settled;
    await settled();
    await host.idle();
    assert.deepEqual(setUps.map(({ origin }) => origin), ['restored']);
    assert.deepEqual(workbench.requests, []);
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown']);
  });

  test('open() at once waits for the serializer instead of replacing the tab it restores', async () => {
    const { workbench } = await withOpenPanel();
    workbench.reload();
    const { panels, setUps, host } = register(workbench);
    const panel = await panels.open();
    await host.idle();
    assert.deepEqual(setUps.map(({ origin }) => origin), ['restored']);
    assert.equal(panel, setUps[0].panel);
    assert.deepEqual(workbench.requests, []);
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown']);
  });

  test('a hidden panel is left to the serializer, however long it stays hidden', async () => {
    const { workbench } = await withOpenPanel();
    workbench.openText(0, 'b.txt');
    workbench.reload();
    const { panels, setUps, host } = register(workbench);
    await panels.settled;
    await settled();
    workbench.changed(); // tab events while it waits
    await settled();
    assert.deepEqual(workbench.requests, []);
    assert.deepEqual(setUps, []);
    workbench.show(workbench.groups[0].tabs[0]);
    await settled();
    await host.idle();
    assert.deepEqual(setUps.map(({ origin }) => origin), ['restored']);
    assert.deepEqual(workbench.requests, []);
  });

  test('a shown tab the serializer has not claimed is still not replaced: a new window session is the serializer\'s', async () => {
    const { workbench } = await withOpenPanel();
    workbench.reload();
    // A serializer slower than any wait (a loaded machine): it never comes in this test.
    workbench.host.vscode.window.registerWebviewPanelSerializer = () => ({ dispose() {} });
    const { panels } = register(workbench);
    await panels.settled;
    await settled();
    workbench.changed();
    await settled();
    assert.deepEqual(workbench.requests, []);
    assert.deepEqual(webviewTabs(workbench), ['0:0:dead:shown']);
  });
});

describe('open()', () => {
  test('with a panel open, shows it instead of opening a second', async () => {
    const { workbench, first } = await withOpenPanel();
    const panel = await first.panels.open();
    await workbench.host.idle();
    assert.equal(panel, first.setUps[0].panel);
    assert.equal(panel.revealed, 1);
    assert.deepEqual(workbench.requests, []);
    assert.deepEqual(first.setUps.map(({ origin }) => origin), ['opened']);
  });

  test('after a revival, shows the revived panel', async () => {
    const { workbench } = await withOpenPanel();
    workbench.startHost();
    const { panels, setUps, host } = register(workbench);
    // Called at once: it waits for the revival instead of racing it.
    const panel = await panels.open();
    await host.idle();
    assert.equal(panel, setUps[0].panel);
    assert.deepEqual(setUps.map(({ origin }) => origin), ['revived']);
    assert.deepEqual(webviewTabs(workbench), ['0:0:live:shown']);
  });

  test('with only a hidden orphan, replaces it in its group and shows it, with the focus', async () => {
    const { workbench } = await withOpenPanel();
    workbench.openText(0, 'b.txt');
    workbench.openText(1, 'c.txt');
    workbench.startHost();
    const { panels, setUps, host } = register(workbench);
    await panels.settled;
    const panel = await panels.open();
    await host.idle();
    assert.deepEqual(workbench.requests, [`create ${VIEW_TYPE} in 1`, `close ${TITLE} preserveFocus`]);
    // Beside the editor that was in front (VS Code opens a new editor right of the active one).
    assert.deepEqual(webviewTabs(workbench), ['0:1:live:shown'], 'one panel, in the orphan\'s group');
    assert.equal(workbench.activeGroup, 0);
    assert.equal(panel, setUps[0].panel);
  });

  test('with nothing open, opens a panel in the active column, or the one asked for', async () => {
    const workbench = createWorkbench();
    workbench.startHost();
    const { panels, setUps } = register(workbench);
    await panels.open();
    assert.deepEqual(workbench.requests, [`create ${VIEW_TYPE} in ${ViewColumn.Active}`]);
    assert.deepEqual(setUps.map(({ origin }) => origin), ['opened']);
    assert.deepEqual(webviewOptions(setUps[0].panel.options), { enableScripts: true, localResourceRoots: [DIST] }, 'the page\'s options');

    const second = createWorkbench();
    second.startHost();
    const other = register(second, { panelOptions: { retainContextWhenHidden: true } });
    await other.panels.open(ViewColumn.Two);
    assert.deepEqual(second.requests, [`create ${VIEW_TYPE} in 2`]);
    assert.deepEqual(webviewOptions(other.setUps[0].panel.options), { enableScripts: true, localResourceRoots: [DIST], retainContextWhenHidden: true });
  });

  test('with no tab of the view type to claim, opens the panel at once, without the start-up wait', async () => {
    const workbench = createWorkbench();
    workbench.startHost();
    // A settle time no test waits for: a panel that waited for it would not be there.
    const { panels, setUps } = register(workbench, { settleMs: 3_600_000 });
    const first = await Promise.race([panels.open().then(() => 'opened'), settled().then(() => 'still waiting')]);
    assert.equal(first, 'opened');
    assert.deepEqual(workbench.requests, [`create ${VIEW_TYPE} in ${ViewColumn.Active}`]);
    assert.deepEqual(setUps.map(({ origin }) => origin), ['opened']);

    // The same after a restart with nothing left on screen: no orphan, nothing to revive, nothing to wait for.
    const restarted = createWorkbench();
    restarted.startHost();
    register(restarted).panels.dispose();
    restarted.startHost();
    const again = register(restarted, { settleMs: 3_600_000 });
    assert.equal(await Promise.race([again.panels.open().then(() => 'opened'), settled().then(() => 'still waiting')]), 'opened');
    assert.deepEqual(again.setUps.map(({ origin }) => origin), ['opened']);
  });

  test('with its panel open, shows it at once, without the start-up wait', async () => {
    const workbench = createWorkbench();
    workbench.startHost();
    const { panels, setUps } = register(workbench, { settleMs: 3_600_000 });
    assert.equal(await Promise.race([panels.open().then(() => 'opened'), settled().then(() => 'still waiting')]), 'opened');
    await workbench.host.idle();
    const shown = await Promise.race([panels.open().then((panel) => panel), settled().then(() => 'still waiting')]);
    assert.equal(shown, setUps[0].panel);
    assert.equal(shown.revealed, 1);
  });

  test('after the user closed the panel, opens a new one', async () => {
    const { workbench, first } = await withOpenPanel();
    workbench.closeTab(workbench.groups[0].tabs[0]);
    assert.equal(first.setUps[0].adapter.disposed, true, 'the adapter went with its panel');
    assert.deepEqual(first.panels.panels, []);
    await first.panels.open();
    assert.deepEqual(workbench.requests, [`create ${VIEW_TYPE} in ${ViewColumn.Active}`]);
  });
});

describe('window sessions', () => {
  test('are remembered per view type, the most recent sixteen', async () => {
    const workbench = createWorkbench();
    const key = `${PANEL_SESSIONS_KEY_PREFIX}${VIEW_TYPE}`;
    for (let i = 0; i < MAX_PANEL_SESSIONS + 2; i++) {
      workbench.reload();
      register(workbench);
    }
    const sessions = workbench.memento.get(key);
    assert.equal(sessions.length, MAX_PANEL_SESSIONS);
    assert.equal(sessions.at(-1), workbench.sessionId);
    workbench.startHost();
    register(workbench);
    assert.equal(workbench.memento.get(key).length, MAX_PANEL_SESSIONS, 'a restart adds nothing');
  });

  test('a malformed record is ignored and logged: the session counts as new, nothing is revived', async () => {
    const { workbench } = await withOpenPanel();
    workbench.memento.store.set(`${PANEL_SESSIONS_KEY_PREFIX}${VIEW_TYPE}`, 'junk');
    workbench.startHost();
    const { panels, logs } = register(workbench);
    await panels.settled;
    await settled();
    assert.deepEqual(workbench.requests, []);
    assert.deepEqual(logs, ['ignored a malformed record of editor sessions']);
  });

  test('a memento that throws or rejects is logged, and the panels work on', async () => {
    const workbench = createWorkbench();
    workbench.startHost();
    workbench.memento.failNextUpdate = true;
    const rejected = register(workbench);
    await settled();
    assert.deepEqual(rejected.logs, ['could not save the editor session: Cannot write the global state.']);
    const throwing = register(workbench, { memento: { get: () => { throw new Error('gone'); }, update: () => { throw new Error('gone'); } } });
    assert.deepEqual(throwing.logs, ['could not read the editor sessions: gone', 'could not save the editor session: gone']);
    await throwing.panels.open();
    assert.equal(throwing.panels.panels.length, 1);
  });
});

describe('failures and disposal', () => {
  test('a set-up that throws is logged; the panel is still this host\'s, so it is not opened twice', async () => {
    const workbench = createWorkbench();
    workbench.startHost();
    const { panels, logs } = register(workbench, { setUp: () => { throw new Error('no html'); } });
    const panel = await panels.open();
    assert.deepEqual(logs, ['could not set up a opened panel: no html']);
    assert.equal(await panels.open(), panel);
  });

  test('a close that fails, refuses or throws is logged', async () => {
    const { workbench } = await withOpenPanel();
    workbench.startHost();
    workbench.host.vscode.window.tabGroups.close = () => Promise.reject(new Error('busy'));
    const { panels, logs } = register(workbench);
    await panels.settled;
    await settled();
    assert.deepEqual(logs, ['could not close the orphaned tab: busy']);

    workbench.startHost();
    workbench.host.vscode.window.tabGroups.close = () => Promise.resolve(false);
    const refused = register(workbench);
    await refused.panels.settled;
    await settled();
    assert.deepEqual(refused.logs, ['the orphaned tab did not close']);

    workbench.startHost();
    workbench.host.vscode.window.tabGroups.close = () => {
      throw new Error('no such tab');
    };
    const throwing = register(workbench);
    await throwing.panels.settled;
    await settled();
    assert.deepEqual(throwing.logs, ['could not close the orphaned tab: no such tab']);
    await assert.doesNotReject(throwing.panels.open());
  });

  test('a log that throws does not stop the panels', async () => {
    const workbench = createWorkbench();
    workbench.startHost();
    const { panels } = register(workbench, { log: () => { throw new Error('closed'); }, setUp: () => { throw new Error('no html'); } });
    await assert.doesNotReject(panels.open());
  });

  test('dispose: no serializer, no revival, the adapters stopped, the panels left for VS Code to save', async () => {
    const { workbench, first } = await withOpenPanel();
    first.panels.dispose();
    assert.equal(first.setUps[0].adapter.disposed, true);
    assert.equal(first.setUps[0].panel.disposed, false, 'the panel stays: a reload restores it');
    await workbench.host.idle();
    assert.deepEqual(workbench.requests, []);

    workbench.startHost();
    await settled(); // the first registration's timer is done
    const timeouts = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timeouts();
    const { panels, setUps, host } = register(workbench);
    assert.deepEqual(host.registrations(), { serializers: 1, tabListeners: 1 });
    panels.dispose();
    assert.deepEqual(host.registrations(), { serializers: 0, tabListeners: 0 });
    assert.equal(timeouts(), before, 'no timer left running');
    await panels.settled;
    await settled();
    workbench.changed();
    await settled();
    assert.deepEqual(workbench.requests, [], 'nothing revived after dispose');
    workbench.reload();
    const after = register(workbench);
    after.panels.dispose();
    await settled();
    assert.deepEqual(after.setUps, [], 'a disposed registration restores nothing');
    assert.deepEqual(setUps, []);
  });
});

test('dist/host.cjs exports the same registerTelemetryPanels, and it works from require()', async () => {
  const cjs = createRequire(import.meta.url)('../../dist/host.cjs');
  assert.equal(typeof cjs.registerTelemetryPanels, 'function');
  assert.equal(cjs.PANEL_SESSIONS_KEY_PREFIX, PANEL_SESSIONS_KEY_PREFIX);
  const workbench = createWorkbench();
  workbench.startHost();
  const { panels, setUps } = register(workbench, { register: cjs.registerTelemetryPanels });
  await panels.open();
  assert.deepEqual(setUps.map(({ origin }) => origin), ['opened']);
});
