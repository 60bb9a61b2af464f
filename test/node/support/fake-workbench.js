// A small fake of VS Code 1.100's editor area as extension hosts see it (tab groups, webview panels, the serializer),
// shared by successive extension hosts so that a test can restart one or reload the window. It follows what was
// measured in code-server 4.100.3:
// - a webview panel's tab input is `TabInputWebview` with viewType `mainThreadWebview-<viewType>`;
// - the workbench applies a host's requests later (a turn of the event loop), in order, then fires onDidChangeTabs;
//   right after `createWebviewPanel` returns, `tabGroups.all` is as it was;
// - every change hands out new Tab objects: `close` with a Tab from before a change rejects ("Invalid tab not found");
// - a new panel opens right of the active tab of its group and becomes that group's active tab; without
//   `preserveFocus` its group becomes the active group;
// - after a reload (a new `env.sessionId`) every webview tab awaits the serializer: a shown one as soon as a serializer
//   is registered, a hidden one when it is shown. After a host restart (same session) nothing is deserialized: the
//   old pages stay, with no host behind them.
import { setImmediate } from 'node:timers/promises';
import { createFakeMemento, createFakeWebview, EventEmitter, Uri } from '../../../dev/fake-vscode.js';

export class TabInputWebview {
  /** @param {string} viewType */
  constructor(viewType) {
    this.viewType = viewType;
  }
}

export class TabInputText {
  /** @param {string} path */
  constructor(path) {
    this.uri = { path };
  }
}

export const ViewColumn = Object.freeze({ Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 });

let sessions = 0;
let panelIds = 0;

/**
 * @typedef {{ id: number, label: string, kind: 'webview' | 'text', viewType?: string, path?: string,
 *   panel?: FakePanel, awaiting?: boolean, page?: string }} TabEntry  a tab as the workbench keeps it;
 *   `panel` is the live panel of the current host behind it, if any; `awaiting`: restored by a reload, not yet
 *   deserialized; `page`: which panel's page the tab shows (stays after the host is gone).
 * @typedef {{ viewColumn: number, tabs: TabEntry[], active: number }} GroupEntry
 */

/** The workbench: groups and tabs, the window session, and the workspace memento, across extension hosts. */
export function createWorkbench() {
  /** @type {GroupEntry[]} */
  const groups = [{ viewColumn: 1, tabs: [], active: -1 }];
  let activeGroup = 0;
  let nextTabId = 1;
  const workbench = {
    sessionId: `session-${++sessions}`,
    memento: createFakeMemento(),
    /** @type {ReturnType<typeof createHost> | undefined} */
    host: undefined,
    groups,
    get activeGroup() {
      return activeGroup;
    },
    set activeGroup(index) {
      activeGroup = index;
    },
    /** Every request a host made to the workbench, in order, for the tests to read. */
    requests: /** @type {string[]} */ ([]),

    /** Starts a (new) extension host: the old one, if any, is gone with every panel it had. */
    startHost() {
      workbench.host?.end();
      for (const group of groups) for (const tab of group.tabs) delete tab.panel;
      workbench.host = createHost(workbench);
      return workbench.host;
    },
    /** The window reloads: a new session; every webview tab awaits the serializer of the next host. */
    reload() {
      workbench.sessionId = `session-${++sessions}`;
      for (const group of groups) for (const tab of group.tabs) if (tab.kind === 'webview') tab.awaiting = true;
      return workbench.startHost();
    },
    /** Adds a tab at the end of a group (creating the group), as the user's action; makes it active. */
    addTab(groupIndex, entry) {
      while (groups.length <= groupIndex) groups.push({ viewColumn: groups.length + 1, tabs: [], active: -1 });
      const tab = { id: nextTabId++, ...entry };
      groups[groupIndex].tabs.push(tab);
      workbench.show(tab);
      return tab;
    },
    /** Opens a text editor in a group, in front, as the user does. */
    openText(groupIndex, path) {
      return workbench.addTab(groupIndex, { label: path, kind: 'text', path });
    },
    /** Makes `tab` its group's active tab and that group the active one (a click on the tab); deserializes it if due. */
    show(tab) {
      const groupIndex = groups.findIndex((group) => group.tabs.includes(tab));
      const group = groups[groupIndex];
      group.active = group.tabs.indexOf(tab);
      activeGroup = groupIndex;
      workbench.changed();
      workbench.host?.deserializeShown();
    },
    /** The user closes a tab (its close button). */
    closeTab(tab) {
      workbench.remove(tab);
      workbench.changed();
    },
    remove(tab) {
      const group = groups.find((candidate) => candidate.tabs.includes(tab));
      const index = group.tabs.indexOf(tab);
      const wasActive = group.active === index;
      group.tabs.splice(index, 1);
      if (group.active > index || (wasActive && group.active === group.tabs.length)) group.active--;
      tab.panel?.disposedByWorkbench();
    },
    /** Fires the tab and view-state events of the current host. */
    changed() {
      workbench.host?.changed();
    },
    allTabs: () => groups.flatMap((group) => group.tabs),
    isShown: (tab) => groups.some((group) => group.tabs[group.active] === tab),
    newTabId: () => nextTabId++,
  };
  return workbench;
}

/**
 * @typedef {ReturnType<typeof createPanel>} FakePanel
 */
function createPanel(host, viewType, title, options) {
  const disposeEmitter = new EventEmitter();
  const viewStateEmitter = new EventEmitter();
  const panel = {
    id: `panel-${++panelIds}`,
    viewType,
    title,
    options,
    webview: Object.assign(createFakeWebview(), { options: {} }),
    disposed: false,
    viewColumn: undefined,
    visible: false,
    active: false,
    revealed: 0,
    onDidDispose: disposeEmitter.event,
    onDidChangeViewState: viewStateEmitter.event,
    reveal() {
      panel.revealed++;
      host.queue(() => {
        const tab = host.tabOf(panel);
        if (tab) host.workbench.show(tab);
      });
    },
    dispose() {
      host.queue(() => {
        const tab = host.tabOf(panel);
        if (tab) host.workbench.closeTab(tab);
      });
    },
    disposedByWorkbench() {
      if (panel.disposed) return;
      panel.disposed = true;
      disposeEmitter.fire();
    },
    viewStateChanged: () => viewStateEmitter.fire({ webviewPanel: panel }),
  };
  return panel;
}

/** One extension host's view of the workbench: the parts of `vscode` registerTelemetryPanels uses. */
function createHost(workbench) {
  let alive = true;
  const tabsChanged = new EventEmitter();
  /** @type {Map<string, { deserializeWebviewPanel(panel: FakePanel, state: unknown): Thenable<void> }>} */
  const serializers = new Map();
  let work = Promise.resolve();
  /** The current Tab objects, rebuilt on every change, keyed by object. */
  let apiTabs = new Map();
  const log = [];

  const toApi = () => {
    apiTabs = new Map();
    return workbench.groups.map((group, groupIndex) => {
      const apiGroup = { viewColumn: group.viewColumn, isActive: groupIndex === workbench.activeGroup, tabs: [], activeTab: undefined };
      apiGroup.tabs = group.tabs.map((entry, index) => {
        const tab = {
          label: entry.label,
          isActive: index === group.active,
          group: apiGroup,
          input: entry.kind === 'webview' ? new TabInputWebview(entry.viewType) : new TabInputText(entry.path),
        };
        apiTabs.set(tab, entry);
        return tab;
      });
      apiGroup.activeTab = apiGroup.tabs[group.active];
      return apiGroup;
    });
  };
  let apiGroups = toApi();

  const host = {
    workbench,
    log,
    /** How many serializers and tab listeners this host has registered and not disposed. */
    registrations: () => ({ serializers: serializers.size, tabListeners: tabsChanged.size }),
    /** Runs a request on the workbench's side, later and in order, as the main thread does. */
    queue(action) {
      work = work.then(async () => {
        await setImmediate();
        if (alive) action();
      });
      return work;
    },
    /** Resolves when every request made so far is applied and its events fired. */
    idle: () => work.then(() => setImmediate()),
    tabOf: (panel) => workbench.allTabs().find((tab) => tab.panel === panel),
    changed() {
      if (!alive) return;
      apiGroups = toApi();
      for (const [groupIndex, group] of workbench.groups.entries()) {
        for (const [index, tab] of group.tabs.entries()) {
          if (!tab.panel) continue;
          const state = { viewColumn: group.viewColumn, visible: index === group.active, active: index === group.active && groupIndex === workbench.activeGroup };
          if (Object.entries(state).some(([key, value]) => tab.panel[key] !== value)) {
            Object.assign(tab.panel, state);
            tab.panel.viewStateChanged();
          }
        }
      }
      tabsChanged.fire({ opened: [], closed: [], changed: [] });
    },
    /** Calls the serializer for every shown tab awaiting it, as the workbench does when a tab is shown. */
    deserializeShown() {
      if (!alive) return;
      for (const group of workbench.groups) {
        const tab = group.tabs[group.active];
        const serializer = tab?.awaiting && serializers.get(tab.viewType.replace(/^mainThreadWebview-/, ''));
        if (!serializer) continue;
        tab.awaiting = false;
        const panel = createPanel(host, tab.viewType.replace(/^mainThreadWebview-/, ''), tab.label, {});
        tab.panel = panel;
        tab.page = panel.id;
        host.changed();
        log.push(`deserialize ${tab.label}`);
        Promise.resolve(serializer.deserializeWebviewPanel(panel, {})).catch((error) => log.push(`serializer failed: ${error}`));
      }
    },
    end() {
      alive = false;
    },
    vscode: {
      TabInputWebview,
      ViewColumn,
      Uri,
      env: {
        language: 'en',
        get sessionId() {
          return workbench.sessionId;
        },
      },
      window: {
        tabGroups: {
          get all() {
            return apiGroups;
          },
          onDidChangeTabs: tabsChanged.event,
          close(tab, preserveFocus) {
            const entry = apiTabs.get(tab);
            if (!entry) return Promise.reject(new Error('Tab close: Invalid tab not found!'));
            workbench.requests.push(`close ${entry.label}${preserveFocus ? ' preserveFocus' : ''}`);
            return host.queue(() => {
              if (!workbench.allTabs().includes(entry)) return;
              workbench.remove(entry);
              workbench.changed();
            }).then(() => true);
          },
        },
        createWebviewPanel(viewType, title, showOptions, options) {
          const { viewColumn, preserveFocus = false } = typeof showOptions === 'object' ? showOptions : { viewColumn: showOptions };
          workbench.requests.push(`create ${viewType} in ${viewColumn}${preserveFocus ? ' preserveFocus' : ''}`);
          const panel = createPanel(host, viewType, title, options);
          // As in VS Code: the panel knows its column and is shown from the start.
          const column = viewColumn === ViewColumn.Active ? workbench.groups[workbench.activeGroup].viewColumn : viewColumn;
          Object.assign(panel, { viewColumn: column, visible: true, active: !preserveFocus });
          host.queue(() => {
            let groupIndex = workbench.groups.findIndex((group) => group.viewColumn === column);
            if (groupIndex === -1) {
              workbench.groups.push({ viewColumn: column, tabs: [], active: -1 });
              groupIndex = workbench.groups.length - 1;
            }
            const group = workbench.groups[groupIndex];
            const tab = { id: workbench.newTabId(), label: title, kind: 'webview', viewType: `mainThreadWebview-${viewType}`, panel, page: panel.id };
            group.tabs.splice(group.active + 1, 0, tab);
            group.active = group.active + 1;
            if (!preserveFocus) workbench.activeGroup = groupIndex;
            workbench.changed();
          });
          return panel;
        },
        registerWebviewPanelSerializer(viewType, serializer) {
          serializers.set(viewType, serializer);
          host.queue(() => host.deserializeShown());
          return { dispose: () => serializers.delete(viewType) };
        },
      },
    },
  };
  return host;
}
