/**
 * The telemetry panels of one extension host: opened by a command, restored by the serializer after a window reload,
 * and revived after an extension-host restart, when VS Code keeps the old page on screen with no host behind it.
 * Node only, no DOM; the `vscode` module is injected.
 */
import type * as vscode from 'vscode';
import { createLog, describe, startAndLog } from './log.js';

/** The parts of the `vscode` module the panels use; pass the module itself. */
export interface TelemetryPanelsVsCode {
  window: Pick<typeof vscode.window, 'createWebviewPanel' | 'registerWebviewPanelSerializer'> & {
    tabGroups: Pick<vscode.TabGroups, 'all' | 'onDidChangeTabs' | 'close'>;
  };
  env: Pick<typeof vscode.env, 'sessionId'>;
  /** The class of a webview tab's input, to tell a webview tab from a text editor's. */
  TabInputWebview: abstract new (viewType: string) => { readonly viewType: string };
  ViewColumn: Pick<typeof vscode.ViewColumn, 'Active'>;
}

/** How a panel came to this extension host: the command, the serializer (a window reload), or a revival. */
export type TelemetryPanelOrigin = 'opened' | 'restored' | 'revived';

export interface TelemetryPanelsOptions {
  /** The `vscode` module, injected so that the panels run in tests without an editor. */
  vscode: TelemetryPanelsVsCode;
  /** The panel's view type, as in `createWebviewPanel` and the `onWebviewPanel:` activation event. */
  viewType: string;
  /** The title of a panel this module opens. */
  title: string;
  /** Options of a panel this module opens (`enableScripts`, `localResourceRoots`…); `setUp` may set them again. */
  panelOptions?: vscode.WebviewPanelOptions & vscode.WebviewOptions;
  /**
   * Makes a panel work: its page and its host adapter (`connectTelemetryHost`). Called once for every panel, however
   * it came; what it returns is disposed with the panel.
   */
  setUp: (panel: vscode.WebviewPanel, origin: TelemetryPanelOrigin) => vscode.Disposable | void;
  /**
   * Where the window sessions this extension ran in are remembered, to tell a restarted extension host (same
   * session: the old pages are orphans) from a reloaded window (new session: the serializer restores them). Pass
   * `context.workspaceState`.
   */
  memento: Pick<vscode.Memento, 'get' | 'update'>;
  /**
   * How long a tab of the view type may stay without a panel of this host before it counts as orphaned, in ms: the
   * serializer's time to claim a tab that awaited it. Default 1000.
   */
  settleMs?: number;
  /** Where the panels report what they could not do. Default `console.warn`. */
  log?: (message: string) => void;
}

/** The panels of one extension host; dispose it with the extension (`context.subscriptions`). */
export interface TelemetryPanels extends vscode.Disposable {
  /**
   * Shows the panel: the one this host has, else a tab of the view type left without a page (replaced in its
   * group), else a new one in `viewColumn` (default the active column). Never a second panel. Waits for `settled`
   * only while a tab of the view type has no panel of this host (the serializer may still claim it); otherwise it
   * shows the panel at once.
   */
  open(viewColumn?: vscode.ViewColumn): Promise<vscode.WebviewPanel>;
  /** The panels this extension host has, however they came. */
  readonly panels: readonly vscode.WebviewPanel[];
  /** Resolves once the tabs found at start have had `settleMs` to be claimed and the orphans among them are revived. */
  readonly settled: Promise<void>;
}

/** Memento key prefix of the editor sessions seen; the view type follows it. */
export const PANEL_SESSIONS_KEY_PREFIX = 'codeStudio.telemetrySettings.sessions:';
/** How many editor sessions are remembered: as many as editors open at once on one workspace. */
export const MAX_PANEL_SESSIONS = 16;
/** VS Code 1.100 names a webview panel's tab input `mainThreadWebview-<viewType>`. */
const MAIN_THREAD_PREFIX = 'mainThreadWebview-';

/**
 * Registers the serializer of `viewType`, revives the panels an extension-host restart left orphaned, and opens
 * panels without ever duplicating one. Call it once, in `activate`; add `onStartupFinished` to the activation events
 * so that the extension runs again after a restart.
 */
export function registerTelemetryPanels(options: TelemetryPanelsOptions): TelemetryPanels {
  const { vscode: api, viewType, title } = options;
  const settleMs = options.settleMs ?? 1000;
  const log = createLog(options, 'telemetry-panels');
  const owned = new Map<vscode.WebviewPanel, vscode.Disposable | void>();
  const subscriptions: vscode.Disposable[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let disposed = false;

  const isOurs = (tab: vscode.Tab | undefined): tab is vscode.Tab => {
    const input = tab?.input;
    return (
      input instanceof api.TabInputWebview &&
      (input.viewType === viewType || input.viewType === `${MAIN_THREAD_PREFIX}${viewType}`)
    );
  };

  const adopt = (panel: vscode.WebviewPanel, origin: TelemetryPanelOrigin) => {
    let setUp: vscode.Disposable | void = undefined;
    try {
      setUp = options.setUp(panel, origin);
    } catch (error) {
      log(`could not set up a ${origin} panel: ${describe(error)}`);
    }
    owned.set(panel, setUp);
    panel.onDidDispose(() => {
      if (!owned.has(panel)) return;
      owned.delete(panel);
      disposeQuietly(setUp, log);
    });
    return panel;
  };

  /**
   * A group whose shown tab is of the view type but none of this host's panels: an orphan, or a page still awaited.
   * `visible` is "shown in its group"; `active` would be the one editor with the focus.
   */
  const showsDeadTab = (group: vscode.TabGroup) =>
    isOurs(group.activeTab) &&
    ![...owned.keys()].some((panel) => panel.visible && panel.viewColumn === group.viewColumn);

  /**
   * Replaces `tab` with a new panel in its group. Created first, so that it takes the tab's place and the group is
   * never empty (an empty group closes); closed in the same turn, while `tab` is still the host's current object.
   */
  const replace = (group: vscode.TabGroup, tab: vscode.Tab, preserveFocus: boolean) => {
    const panel = adopt(
      api.window.createWebviewPanel(viewType, title, { viewColumn: group.viewColumn, preserveFocus }, options.panelOptions),
      'revived',
    );
    const failed = (error: unknown) => log(`could not close the orphaned tab: ${describe(error)}`);
    try {
      Promise.resolve(api.window.tabGroups.close(tab, true)).then((closed) => closed || log('the orphaned tab did not close'), failed);
    } catch (error) {
      failed(error);
    }
    return panel;
  };

  /** Revives every shown orphan; one hidden behind another editor is left alone until it is shown. */
  const reviveShown = () => {
    if (disposed) return;
    for (const group of api.window.tabGroups.all) {
      // The keyboard focus cannot be known from here: never take it from wherever the user is typing.
      if (showsDeadTab(group)) replace(group, group.activeTab!, true);
    }
  };

  /** Runs `work` once `settleMs` has passed since the last call: tab events come in bursts, a panel's view state late. */
  let pending: ReturnType<typeof setTimeout> | undefined;
  const afterSettling = (work: () => void) => {
    if (pending) {
      clearTimeout(pending);
      timers.delete(pending);
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (pending === timer) pending = undefined;
      try {
        work();
      } catch (error) {
        log(`could not revive the panels: ${describe(error)}`);
      }
    }, settleMs);
    timers.add(timer);
    pending = timer;
  };

  // A restart keeps the window session; a reload or a new window starts another.
  const sessionsKey = `${PANEL_SESSIONS_KEY_PREFIX}${viewType}`;
  const sessionId = api.env.sessionId;
  let sessions: string[] = [];
  try {
    const stored = options.memento.get<unknown>(sessionsKey);
    if (Array.isArray(stored)) sessions = stored.filter((id): id is string => typeof id === 'string');
    else if (stored !== undefined) log('ignored a malformed record of editor sessions');
  } catch (error) {
    log(`could not read the editor sessions: ${describe(error)}`);
  }
  const restarted = typeof sessionId === 'string' && sessionId !== '' && sessions.includes(sessionId);
  if (!restarted && typeof sessionId === 'string' && sessionId !== '') {
    const next = [...sessions, sessionId].slice(-MAX_PANEL_SESSIONS);
    startAndLog(log, () => options.memento.update(sessionsKey, next), 'save the editor session');
  }

  subscriptions.push(
    api.window.registerWebviewPanelSerializer(viewType, {
      async deserializeWebviewPanel(panel) {
        if (disposed) return;
        adopt(panel, 'restored');
      },
    }),
  );

  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  if (restarted) {
    // After a restart nobody will fill the pages on screen: revive them once the serializer had its chance.
    const reviveAndSettle = () => {
      reviveShown();
      settle();
    };
    afterSettling(reviveAndSettle);
    subscriptions.push(api.window.tabGroups.onDidChangeTabs(() => afterSettling(reviveAndSettle)));
  } else {
    // A reload: every tab of the view type is the serializer's; lazily, when it is shown.
    const timer = setTimeout(() => {
      timers.delete(timer);
      settle();
    }, settleMs);
    timers.add(timer);
  }

  return {
    get panels() {
      return [...owned.keys()];
    },
    settled,
    async open(viewColumn) {
      // Only a tab of the view type may be the serializer's or an orphan to revive: with none, nothing is worth a wait.
      if (owned.size === 0 && api.window.tabGroups.all.some((group) => group.tabs.some(isOurs))) await settled;
      const [panel] = owned.keys();
      if (panel) {
        panel.reveal();
        return panel;
      }
      // No panel of this host: a tab of the view type is an orphan or a page never restored. It takes its place.
      const groups = api.window.tabGroups.all;
      const group = groups.find((candidate) => isOurs(candidate.activeTab)) ?? groups.find((candidate) => candidate.tabs.some(isOurs));
      const tab = group && (isOurs(group.activeTab) ? group.activeTab : group.tabs.find(isOurs));
      if (group && tab) return replace(group, tab, false);
      return adopt(
        api.window.createWebviewPanel(viewType, title, viewColumn ?? api.ViewColumn.Active, options.panelOptions),
        'opened',
      );
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      settle();
      for (const subscription of subscriptions) disposeQuietly(subscription, log);
      // The panels stay: on a reload VS Code saves them for the serializer. Only their adapters stop.
      for (const setUp of owned.values()) disposeQuietly(setUp, log);
      owned.clear();
    },
  };
}

function disposeQuietly(disposable: vscode.Disposable | void, log: (message: string) => void) {
  try {
    disposable?.dispose();
  } catch (error) {
    log(`could not dispose: ${describe(error)}`);
  }
}
