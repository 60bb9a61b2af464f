/**
 * The telemetry panels of one extension host: opened by a command, restored by the serializer after a window reload,
 * and revived after an extension-host restart, when VS Code keeps the old page on screen with no host behind it.
 * Node only, no DOM; the `vscode` module is injected.
 */
import type * as vscode from 'vscode';
import { initialStateHtml } from './initial-state.js';
import { createLog, describe, startAndLog } from './log.js';
import {
  defaultDistUri,
  telemetryPanelHtml,
  telemetryPanelWebviewOptions,
  writePanelPage,
  type TelemetryPanelPageVsCode,
} from './panel-page.js';

/** The parts of the `vscode` module the panels use; pass the module itself. */
export interface TelemetryPanelsVsCode {
  window: Pick<typeof vscode.window, 'createWebviewPanel' | 'registerWebviewPanelSerializer'> & {
    tabGroups: Pick<vscode.TabGroups, 'all' | 'onDidChangeTabs' | 'close'>;
  };
  env: Pick<typeof vscode.env, 'sessionId'> & Partial<Pick<typeof vscode.env, 'language'>>;
  /** For the default `distUri`: where the package's `dist` folder is. */
  Uri?: TelemetryPanelPageVsCode['Uri'];
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
  /**
   * The package's `dist` folder, which the page loads its script from: the webview's only local resource root.
   * Default: the folder the package's host module was loaded from, once installed
   * `<extension>/node_modules/@code-studio/telemetry-settings/dist` (see `telemetryPanelHtml`).
   */
  distUri?: vscode.Uri;
  /** The editor's display language, the page's `<html lang>`; read when a page is written. Default `vscode.env.language`. */
  locale?: () => string | undefined;
  /**
   * The team's own page instead of the package's: its HTML, written after `setUp` as the package's page would be.
   * Default: `telemetryPanelHtml` with the first state embedded. A `setUp` that writes `webview.html` itself keeps it.
   */
  html?: (panel: vscode.WebviewPanel, origin: TelemetryPanelOrigin) => string | Thenable<string>;
  /**
   * How long a shown panel's page may take to say hello before the log says why it did not, in ms. Default 10 000.
   */
  pageStartTimeout?: number;
  /**
   * Options of every panel (`retainContextWhenHidden`…), over the page's own: `enableScripts: true` and
   * `localResourceRoots: [distUri]`.
   */
  panelOptions?: vscode.WebviewPanelOptions & vscode.WebviewOptions;
  /**
   * Connects a panel to the editor: returns its host adapter (`connectTelemetryHost`), whose first state the page
   * embeds. Called once for every panel, however it came, before its page is written; what it returns is disposed
   * with the panel.
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
  /** Each panel's page being written and watched. */
  const pages = new Map<vscode.WebviewPanel, vscode.Disposable>();
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

  // Every panel's webview options: the page's, under the team's.
  let webviewOptions: vscode.WebviewPanelOptions & vscode.WebviewOptions = { ...options.panelOptions };
  let distUri: vscode.Uri | undefined;
  try {
    distUri = options.distUri ?? defaultDistUri(api);
    webviewOptions = { ...telemetryPanelWebviewOptions(distUri), ...options.panelOptions };
  } catch (error) {
    log(`could not tell where the package's dist folder is: ${describe(error)}`);
  }

  const adopt = (panel: vscode.WebviewPanel, origin: TelemetryPanelOrigin) => {
    let setUp: vscode.Disposable | void = undefined;
    try {
      // A restored panel comes with the options it was saved with: give it today's.
      panel.webview.options = webviewOptions;
    } catch (error) {
      log(`could not set the webview's options: ${describe(error)}`);
    }
    try {
      setUp = options.setUp(panel, origin);
    } catch (error) {
      log(`could not set up a ${origin} panel: ${describe(error)}`);
    }
    // The page comes after the adapter, whose first state it embeds.
    const page = writePanelPage(panel, {
      log,
      timeoutMs: options.pageStartTimeout,
      html: options.html
        ? () => options.html!(panel, origin)
        : async () =>
            telemetryPanelHtml(panel.webview, {
              vscode: api,
              distUri,
              locale: readLocale(),
              initialState: setUp ? await initialStateHtml(setUp, { log }) : '',
              title,
            }),
    });
    owned.set(panel, setUp);
    pages.set(panel, page);
    panel.onDidDispose(() => {
      page.dispose();
      pages.delete(panel);
      if (!owned.has(panel)) return;
      owned.delete(panel);
      disposeQuietly(setUp, log);
    });
    return panel;
  };

  const readLocale = () => {
    try {
      return options.locale ? options.locale() : api.env.language;
    } catch (error) {
      log(`could not read the display language: ${describe(error)}`);
      return undefined;
    }
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
      api.window.createWebviewPanel(viewType, title, { viewColumn: group.viewColumn, preserveFocus }, webviewOptions),
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
        api.window.createWebviewPanel(viewType, title, viewColumn ?? api.ViewColumn.Active, webviewOptions),
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
      for (const page of pages.values()) page.dispose();
      pages.clear();
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
