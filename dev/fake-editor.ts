// The one fake editor behind the demo page and the stories: the fake `vscode` the Node tests use (fake-vscode.js)
// with the host adapter that ships (connectTelemetryHost) between it and a webview, so that every policy, history,
// override and link rule shown is the adapter's own. Knobs change what the editor does, never how it answers.
// The adapter's own modules, not the host entry: the entry also holds the gate's outbox, which needs Node's fs.
import { connectTelemetryHost } from '../src/host/telemetry-host.js';
import { DEFAULT_KEY, DEFAULT_SECTION } from '../src/host/setting.js';
import { HISTORY_KEY_PREFIX } from '../src/host/history.js';
import { NOTICE_KEY, showTelemetryNotice } from '../src/host/telemetry-notice.js';
import type { TelemetryHostOptions, TelemetryHostVsCode, TelemetryHostWebview } from '../src/host/options.js';
import {
  LINK_TARGETS,
  PROTOCOL_VERSION,
  TELEMETRY_CATEGORIES,
  isPlainObject,
  isStateMessage,
  isWebviewMessage,
  type LinkTarget,
  type TelemetryAccount,
  type TelemetryCategory,
  type TelemetryEvent,
  type TelemetryState,
  type WebviewMessage,
} from '../src/protocol/protocol.js';
import type { VsCodeApi } from '../src/webview/vscode-api.js';
import { MANY_EVENTS, demoEvents, demoSentLog, type SentLogSeed } from './demo-events.js';
import { DemoGate, type DemoEventInput } from './demo-gate.js';
import { ConfigurationTarget, EventEmitter, Uri, createFakeMemento, createFakeVsCode } from './fake-vscode.js';

/** The setting the panel shows, by its full key. */
export const SETTING_KEY = `${DEFAULT_SECTION}.${DEFAULT_KEY}`;
/** Where this editor keeps the account switch: a setting of its own, so a failing write fails it too. */
export const ACCOUNT_LINKED_KEY = `${DEFAULT_SECTION}.includeAccount`;
/** VS Code's `telemetry.telemetryLevel`: the editor sends everything, errors and crashes, crashes only, or nothing. */
export const TELEMETRY_LEVELS = ['all', 'error', 'crash', 'off'] as const;
export type TelemetryLevel = (typeof TELEMETRY_LEVELS)[number];

export const DEMO_ACCOUNT: TelemetryAccount = { loginName: 'ada', email: 'ada@example.com' };
/** Placeholders, as the example extension's: opened only in the fake editor's record, never in the browser. */
export const DEMO_LINKS: Record<LinkTarget, string> = {
  'privacy-statement': 'https://code-studio.example/privacy',
  'how-telemetry-works': 'https://code-studio.example/docs/telemetry',
};

/** Where the demo's save dialog puts an export: nothing is written to a disk, the write is recorded. */
export const DEMO_EXPORT_FILE = '/home/ada/code-studio-telemetry.json';
/** What the save dialog and the write do when the panel exports: a file written, the dialog cancelled, or a failed write. */
export const EXPORT_OUTCOMES = ['written', 'cancelled', 'fails'] as const;
export type ExportOutcome = (typeof EXPORT_OUTCOMES)[number];
/** A failed write, in the words of VS Code's file service. */
export const EXPORT_FAILURE = `NoPermissions (FileSystemError): Error: EACCES: permission denied, open '${DEMO_EXPORT_FILE}'`;

/** What the extension offers the panel; fixed while an adapter runs, so a change restarts it. */
export interface FakeEditorOffers {
  /** `telemetry/events`: each data type can show what was sent. */
  events: boolean;
  /**
   * The editor's telemetry goes through a consent gate (`connectTelemetryHost({ gate })`): what was sent, its counts
   * and its export come from the gate's sent log, and so do DO_NOT_TRACK and the notice. Offers events too.
   */
  gate: boolean;
  /** With the gate: the extension host's environment sets `DO_NOT_TRACK=1` (read once, at start). */
  doNotTrack: boolean;
  /**
   * With the gate: the extension shows the telemetry notice (`showTelemetryNotice`) at start unless it was answered,
   * and the gate sends nothing until it is.
   */
  notice: boolean;
  /** The privacy statement and "how telemetry works" links. */
  links: boolean;
  /** The separate consent for the account's login name and email. */
  accountSwitch: boolean;
  /** The editor's display language (`vscode.env.language`); undefined: none, the page's lang decides. */
  language: string | undefined;
}

/** What the editor's settings and storage hold: enough to build the same editor again (the demo keeps it). */
export interface FakeEditorStore {
  /** The user's settings.json value; undefined: never set, the default decides. */
  enabled?: boolean;
  /** A workspace value, which overrides the user's. */
  workspaceEnabled?: boolean;
  /** The user's account switch; undefined: never set (linked, as the product ships). */
  accountLinked?: boolean;
  /** The editor-wide telemetry level; undefined: `all`. */
  telemetryLevel?: TelemetryLevel;
  /** `context.globalState`, where the adapter keeps the setting's history. */
  memento?: Record<string, unknown>;
}

export interface FakeEditorOptions extends Partial<FakeEditorOffers> {
  store?: FakeEditorStore;
  /** The setting's contributed default. Default on, as the product ships. */
  defaultEnabled?: boolean;
  /** Milliseconds each message takes, both ways. */
  latency?: number;
  /** A policy manages the setting. */
  policy?: boolean;
  /**
   * The policy came in at this time while the editor ran (a policy there before the adapter started has no time):
   * each adapter sees it arrive, with its clock set back to then, before the webview's first message.
   */
  policySince?: Date;
  /**
   * The setting's last change, as the storage holds it from an earlier session: the adapter's history record
   * (docs/protocol.md, `history`), describing the value the setting has at start.
   */
  lastChange?: { changedBy: 'user' | 'settings-file'; changedAt: Date };
  /** The signed-in account; null: signed out. */
  account?: TelemetryAccount | null;
  /** Each category answers with MANY_EVENTS events instead of a few (without the gate). */
  manyEvents?: boolean;
  /** What the gate's sent log holds at start. Default a few events per data type. */
  sentLog?: SentLogSeed;
  /** What an export meets: the file written (default), the save dialog cancelled, or a write that fails. */
  exportOutcome?: ExportOutcome;
  /** The clock of the gate and its sent log, in ms (a story stops it, so the times a list shows stay the same). */
  clock?: () => number;
  /** What the editor's event log holds, by category, instead of the demo's events. */
  eventLog?: (category: TelemetryCategory) => readonly TelemetryEvent[];
  /** The event source fails: the adapter answers each request with its error. */
  failEvents?: boolean;
  /** The channel is dead: nothing reaches the editor and nothing comes back. */
  silent?: boolean;
  /** The protocol version stamped on what the editor sends (a newer editor speaks another). */
  protocol?: number;
}

/** Something the fake editor did, for a message log. */
export type FakeEditorLogEntry =
  | { kind: 'to-editor' | 'to-webview'; message: unknown; dropped: boolean }
  | { kind: 'opened'; target: LinkTarget | undefined; url: string }
  | { kind: 'adapter'; text: string }
  | { kind: 'editor'; text: string };

/** One webview the editor talks to, seen from the editor: how to reach its page and how to hear it. */
interface WebviewEnd {
  toPage(message: unknown): void;
  listen(listener: (message: unknown) => void): () => void;
}

/** Messages one way, in order, each `latency` ms late; a 0 ms one to the editor arrives at once, as a port's would. */
class Line {
  readonly #queue: { due: number; deliver: () => void }[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #held = false;

  constructor(readonly immediate: boolean) {}

  send(deliver: () => void, latency: number): void {
    this.#queue.push({ due: Date.now() + Math.max(0, latency), deliver });
    this.#pump();
  }

  /** Holds every message until `release`. */
  hold(): void {
    this.#held = true;
  }

  release(): void {
    this.#held = false;
    this.#pump();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#queue.length = 0;
  }

  #pump(): void {
    if (this.#held || this.#timer !== undefined) return;
    while (this.#queue.length > 0) {
      const wait = this.#queue[0]!.due - Date.now();
      if (wait > 0 || !this.immediate) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          while (!this.#held && this.#queue.length > 0 && this.#queue[0]!.due <= Date.now()) this.#queue.shift()!.deliver();
          this.#pump();
        }, Math.max(0, wait));
        return;
      }
      this.#queue.shift()!.deliver();
    }
  }
}

/** One adapter on one webview end, with the lines between them. */
interface Connection {
  end: WebviewEnd;
  toEditor: Line;
  toPage: Line;
  adapter?: { dispose(): void };
  managedByChanged: EventEmitter<unknown>;
  /** While true this adapter reads no policy: it is about to see the policy come in (`policySince`). */
  beforePolicy: boolean;
  /** While set, the adapter is replaying the past: its posts reach no page, each one is handed here instead. */
  replaying?: () => void;
}

/** A page-side webview API of a panel in this page (a story): `onDidReceiveMessage` is its transport. */
class PanelApi implements VsCodeApi {
  #state: unknown;
  readonly #listeners = new Set<(data: unknown) => void>();
  /** The editor's side: hears what the page posts. */
  #editor: (message: unknown) => void = () => {};

  constructor(savedState: unknown) {
    this.#state = savedState;
  }

  /** How the editor hears this page; returns the unsubscribe. */
  hear(listener: (message: unknown) => void): () => void {
    this.#editor = listener;
    return () => (this.#editor = () => {});
  }

  postMessage(message: unknown): boolean {
    this.#editor(structuredClone(message));
    return true;
  }

  onDidReceiveMessage(listener: (data: unknown) => void): () => void {
    const subscription = (data: unknown) => listener(data);
    this.#listeners.add(subscription);
    return () => this.#listeners.delete(subscription);
  }

  deliver(message: unknown): void {
    for (const listener of [...this.#listeners]) listener(structuredClone(message));
  }

  getState(): unknown {
    return this.#state;
  }

  setState<T>(state: T): T {
    this.#state = structuredClone(state);
    return state;
  }
}

export class FakeEditor {
  /** The fake `vscode` module the adapters are given. */
  readonly vscode: ReturnType<typeof createFakeVsCode>;
  /** `context.globalState`. */
  readonly memento: ReturnType<typeof createFakeMemento>;
  /** Milliseconds each message takes, both ways. */
  latency: number;
  /** The channel is dead: nothing reaches the editor and nothing comes back (messages already under way still do). */
  silent: boolean;
  /** The protocol version stamped on what the editor sends. */
  protocol: number;
  manyEvents: boolean;
  failEvents: boolean;
  /** Every message a webview sent the editor, in order (dropped ones too). */
  readonly received: WebviewMessage[] = [];
  /** The link targets the editor was asked to open, in order; nothing navigates. */
  readonly opened: LinkTarget[] = [];
  /** What an export meets next: written, cancelled in the save dialog, or a failed write. */
  exportOutcome: ExportOutcome;
  /** Every file an export wrote (recorded, never on a disk), in order. */
  readonly exported: { file: string; text: string }[] = [];
  /** The notification on screen: the telemetry notice, until it is answered. */
  notification: { message: string; items: readonly string[] } | undefined;

  #offers: FakeEditorOffers;
  #policy: boolean;
  readonly #policySince: Date | undefined;
  readonly #eventLog: FakeEditorOptions['eventLog'];
  #account: TelemetryAccount | null;
  /** How far the adapters' clock is set back, in ms (only while a boot plays the past). */
  #clockBehind = 0;
  #lastState: TelemetryState | undefined;
  readonly #connections = new Set<Connection>();
  readonly #accountChanged = new EventEmitter<unknown>();
  readonly #eventsChanged = new EventEmitter<TelemetryCategory>();
  readonly #log = new EventEmitter<FakeEditorLogEntry>();
  readonly #stopListening: { dispose(): void };
  /** The gate's sent log, oldest first: kept across restarts, as the real one is on disk. */
  readonly #sentLog: TelemetryEvent[];
  readonly #clock: () => number;
  /** The gate of this start of the extension (with the `gate` offer). */
  #gate: DemoGate | undefined;
  #answerNotification: ((item: string | undefined) => void) | undefined;
  /** The parts of `vscode.window` and `workspace.fs` the adapter and the notice use. */
  readonly #window = {
    showSaveDialog: async () => (this.exportOutcome === 'cancelled' ? undefined : Uri.file(DEMO_EXPORT_FILE)),
    showInformationMessage: (message: string, ...items: string[]) =>
      new Promise<string | undefined>((resolve) => {
        this.notification = { message, items };
        this.#log.fire({ kind: 'editor', text: `notification: ${message} [${items.join('] [')}]` });
        this.#answerNotification = (item) => {
          this.notification = undefined;
          this.#answerNotification = undefined;
          resolve(item);
        };
      }),
    showErrorMessage: async (message: string) => {
      this.#log.fire({ kind: 'editor', text: `error notification: ${message}` });
      return undefined;
    },
  };
  readonly #fs = {
    writeFile: async (uri: Uri, content: Uint8Array) => {
      if (this.exportOutcome === 'fails') throw new Error(EXPORT_FAILURE);
      const text = new TextDecoder().decode(content);
      this.exported.push({ file: uri.fsPath, text });
      this.#log.fire({ kind: 'editor', text: `wrote ${content.byteLength} bytes to ${uri.fsPath} (recorded; no disk is touched)` });
    },
  };

  constructor(options: FakeEditorOptions = {}) {
    const store = options.store ?? {};
    this.vscode = createFakeVsCode({
      defaults: { [SETTING_KEY]: options.defaultEnabled ?? true, [ACCOUNT_LINKED_KEY]: true },
      language: options.language,
    });
    this.memento = createFakeMemento(store.memento);
    const { Global, Workspace } = ConfigurationTarget;
    const seed: [string, unknown, 1 | 2][] = [
      [SETTING_KEY, store.enabled, Global],
      [SETTING_KEY, store.workspaceEnabled, Workspace],
      [ACCOUNT_LINKED_KEY, store.accountLinked, Global],
      ['telemetry.telemetryLevel', store.telemetryLevel, Global],
    ];
    for (const [key, value, target] of seed) if (value !== undefined) this.vscode.editByHand(key, value, target);
    if (options.lastChange) {
      const { changedBy, changedAt } = options.lastChange;
      const record = { changedBy, changedAt: changedAt.toISOString(), value: this.vscode.effective(SETTING_KEY) };
      this.memento.store.set(`${HISTORY_KEY_PREFIX}${SETTING_KEY}`, record);
    }
    this.latency = options.latency ?? 0;
    this.silent = options.silent ?? false;
    this.protocol = options.protocol ?? PROTOCOL_VERSION;
    this.manyEvents = options.manyEvents ?? false;
    this.failEvents = options.failEvents ?? false;
    this.#policy = options.policy ?? false;
    this.#policySince = options.policySince;
    this.#eventLog = options.eventLog;
    this.#account = options.account ?? null;
    this.#offers = {
      events: options.events ?? false,
      gate: options.gate ?? false,
      doNotTrack: options.doNotTrack ?? false,
      notice: options.notice ?? false,
      links: options.links ?? false,
      accountSwitch: options.accountSwitch ?? false,
      language: options.language,
    };
    this.exportOutcome = options.exportOutcome ?? 'written';
    this.notification = undefined;
    this.#clock = options.clock ?? Date.now;
    this.#sentLog = demoSentLog(options.sentLog ?? 'few', { account: this.#accountSent(), now: this.#clock() });
    this.#stopListening = this.vscode.onDidOpenExternal((url) => {
      const target = LINK_TARGETS.find((linkTarget) => DEMO_LINKS[linkTarget] === url);
      if (target) this.opened.push(target);
      this.#log.fire({ kind: 'opened', target, url });
    });
    this.#activate();
  }

  /** Calls `listener` with everything the editor does: messages both ways, links opened, the adapter's log. */
  onDidLog(listener: (entry: FakeEditorLogEntry) => void): () => void {
    return this.#log.event(listener).dispose;
  }

  /** The state the editor last sent (as its adapter read it). */
  get state(): TelemetryState {
    if (!this.#lastState) throw new Error('The fake editor has sent no state yet');
    return this.#lastState;
  }

  /** What the settings and storage hold now, to build the same editor again. */
  get store(): FakeEditorStore {
    const { Global, Workspace } = ConfigurationTarget;
    const value = <T>(key: string, target: 1 | 2) => this.vscode.values[target].get(key) as T | undefined;
    return {
      enabled: value(SETTING_KEY, Global),
      workspaceEnabled: value(SETTING_KEY, Workspace),
      accountLinked: value(ACCOUNT_LINKED_KEY, Global),
      telemetryLevel: value('telemetry.telemetryLevel', Global),
      memento: Object.fromEntries(this.memento.store),
    };
  }

  get policy(): boolean {
    return this.#policy;
  }

  /** A policy comes or goes; the adapters hear it as VS Code's policy service tells an extension. */
  set policy(on: boolean) {
    this.#policy = on;
    for (const connection of this.#connections) connection.managedByChanged.fire(undefined);
  }

  get account(): TelemetryAccount | null {
    return this.#account;
  }

  /** Signs in (an account), out (null), or switches to another account. */
  set account(account: TelemetryAccount | null) {
    this.#account = account;
    this.#accountChanged.fire(undefined);
  }

  get telemetryLevel(): TelemetryLevel {
    return this.vscode.telemetryLevel;
  }

  /** The user sets `telemetry.telemetryLevel` in settings.json; `env.isTelemetryEnabled` follows. */
  set telemetryLevel(level: TelemetryLevel) {
    this.vscode.telemetryLevel = level;
  }

  /** The editor sent an event of `category`: its log changed, and the adapters say so to their pages. */
  eventSent(category: TelemetryCategory): void {
    this.#eventsChanged.fire(category);
  }

  /** The gate of this start of the extension, with the `gate` offer. */
  get gate(): DemoGate | undefined {
    return this.#gate;
  }

  /**
   * The editor's telemetry hands the gate one event of each data type (the account's only while signed in); the gate
   * sends what it may now. Returns how many were sent (0 without the gate, which keeps no sent log here).
   */
  sendSampleEvents(): number {
    const gate = this.#gate;
    if (!gate) return 0;
    const account = this.#account;
    const samples: DemoEventInput[] = TELEMETRY_CATEGORIES.filter((category) => category !== 'account' || account !== null).map((category) => {
      const [sample] = demoEvents(category, 1);
      const data = category === 'account' && account ? { ...sample!.data, loginName: account.loginName, email: account.email } : sample!.data;
      return { category, name: sample!.name, data };
    });
    const sent = gate.send(samples);
    this.#log.fire({
      kind: 'editor',
      text: `handed the gate ${samples.length} event(s); it sent ${sent}${gate.noticePending && !gate.doNotTrack ? ' (the rest wait for the notice)' : ''}`,
    });
    return sent;
  }

  /** The gate's sent log starts again from a seed: the panel's counts and open lists follow. */
  set sentLog(seed: SentLogSeed) {
    const events = demoSentLog(seed, { account: this.#accountSent(), now: this.#clock() });
    if (this.#gate) this.#gate.replaceLog(events);
    else this.#sentLog.splice(0, Infinity, ...events);
  }

  /** The notice's answer is forgotten, as on a fresh install: the next start with the notice shows it again. */
  forgetNoticeAnswer(): void {
    this.memento.store.delete(NOTICE_KEY);
  }

  /** The user answers the notification on screen with one of its buttons, or closes it (undefined). */
  answerNotification(item: string | undefined): void {
    if (!this.#answerNotification) throw new Error('No notification is on screen');
    this.#log.fire({ kind: 'editor', text: `notification answered: ${item ?? 'closed'}` });
    this.#answerNotification(item);
  }

  /** The user edits the setting in settings.json by hand (undefined removes it). */
  editSettingsFile(enabled: boolean | undefined): void {
    this.vscode.editByHand(SETTING_KEY, enabled);
  }

  /** The workspace's settings.json sets the setting, overriding the user's (undefined removes it). */
  set workspaceValue(enabled: boolean | undefined) {
    this.vscode.editByHand(SETTING_KEY, enabled, ConfigurationTarget.Workspace);
  }

  get workspaceValue(): boolean | undefined {
    return this.store.workspaceEnabled;
  }

  /** The next write of either switch fails with `message`, as VS Code's does when it cannot write settings.json. */
  failNextSave(message?: string): void {
    this.vscode.failNextUpdate(message);
  }

  /** While set, every write fails with this message. */
  set failEverySave(message: string | undefined) {
    this.vscode.updateFailure = message;
  }

  get failEverySave(): string | undefined {
    return this.vscode.updateFailure;
  }

  /** Milliseconds each write of settings.json takes (a slow disk; long enough, and a save never finishes). */
  set writeDelay(ms: number) {
    this.vscode.updateDelayMs = ms;
  }

  get writeDelay(): number {
    return this.vscode.updateDelayMs;
  }

  /**
   * The extension starts again with other offers (an update, or an extension-host restart): new adapters on the same
   * webviews, which learn of it when they next ask (the demo reloads its webview).
   */
  restart(offers: Partial<FakeEditorOffers> = {}): void {
    this.#offers = { ...this.#offers, ...offers };
    this.vscode.vscode.env.language = this.#offers.language;
    this.#activate();
    for (const connection of this.#connections) {
      connection.adapter?.dispose();
      this.#start(connection);
    }
  }

  /**
   * The webview in `frame` (the demo's): the editor posts into the frame as VS Code's host frame does, a real
   * message whose source is the parent, and hears the frame's posts to its parent.
   */
  connectFrame(frame: HTMLIFrameElement): { dispose(): void } {
    const origin = window.location.origin;
    return this.#connect({
      toPage: (message) => frame.contentWindow?.postMessage(message, origin),
      listen: (listener) => {
        const onMessage = (event: MessageEvent) => {
          if (event.source === frame.contentWindow && event.origin === origin) listener(event.data);
        };
        window.addEventListener('message', onMessage);
        return () => window.removeEventListener('message', onMessage);
      },
    });
  }

  /**
   * A webview API for a panel in this page (a story): its posts go to the editor, and the editor's come back through
   * its transport, `onDidReceiveMessage`, without window messages. `savedState` is what the webview saved before a
   * reload.
   */
  openPanel(savedState?: unknown): VsCodeApi {
    const api = new PanelApi(savedState);
    this.#connect({ toPage: (message) => api.deliver(message), listen: (listener) => api.hear(listener) });
    return api;
  }

  dispose(): void {
    for (const connection of this.#connections) {
      connection.adapter?.dispose();
      connection.toEditor.dispose();
      connection.toPage.dispose();
    }
    this.#connections.clear();
    this.#stopListening.dispose();
  }

  #connect(end: WebviewEnd): { dispose(): void } {
    const connection: Connection = {
      end,
      toEditor: new Line(true),
      toPage: new Line(false),
      managedByChanged: new EventEmitter<unknown>(),
      beforePolicy: false,
    };
    this.#connections.add(connection);
    this.#start(connection);
    return {
      dispose: () => {
        connection.adapter?.dispose();
        connection.toEditor.dispose();
        connection.toPage.dispose();
        this.#connections.delete(connection);
      },
    };
  }

  /** Connects a new adapter to the connection's webview, as an extension's `connectTelemetryHost` call does. */
  #start(connection: Connection): void {
    const { end, toEditor, toPage } = connection;
    const webview: TelemetryHostWebview = {
      postMessage: (message) => {
        if (connection.replaying) {
          connection.replaying();
          return Promise.resolve(true);
        }
        const stamped = this.protocol !== PROTOCOL_VERSION && isPlainObject(message) ? { ...message, protocol: this.protocol } : message;
        const dropped = this.silent;
        this.#log.fire({ kind: 'to-webview', message: stamped, dropped });
        if (!dropped) {
          if (isStateMessage(message)) this.#lastState = message.state;
          toPage.send(() => end.toPage(stamped), this.latency);
        }
        return Promise.resolve(true);
      },
      onDidReceiveMessage: (listener) => {
        const stop = end.listen((message) => {
          if (isWebviewMessage(message)) this.received.push(message);
          const dropped = this.silent;
          this.#log.fire({ kind: 'to-editor', message, dropped });
          if (!dropped) toEditor.send(() => listener(message), this.latency);
        });
        return { dispose: stop };
      },
    };
    connection.beforePolicy = this.#policySince !== undefined && this.#policy;
    connection.adapter = connectTelemetryHost(webview, this.#adapterOptions(connection));
    if (connection.beforePolicy) void this.#playPolicyArrival(connection);
  }

  /** The `vscode` module as the extension sees it: the fake's, with a save dialog and a file system that record. */
  get #api(): TelemetryHostVsCode {
    const api = this.vscode.vscode;
    // The fake implements what the adapter uses of these types, not every overload of them.
    return { ...api, window: this.#window, workspace: { ...api.workspace, fs: this.#fs } } as unknown as TelemetryHostVsCode;
  }

  /** Whether the account's details go with what is sent now: signed in and, with the account switch, linked. */
  #accountSent(): boolean {
    return this.#account !== null && (!this.#offers.accountSwitch || this.vscode.effective(ACCOUNT_LINKED_KEY) === true);
  }

  /** The extension starts: its gate (with the `gate` offer) on the kept sent log, and the notice if it waits for one. */
  #activate(): void {
    if (!this.#offers.gate) {
      this.#gate = undefined;
      return;
    }
    const api = this.#api;
    this.#gate = new DemoGate({
      vscode: api,
      section: DEFAULT_SECTION,
      key: DEFAULT_KEY,
      log: this.#sentLog,
      notice: this.#offers.notice ? this.memento : undefined,
      doNotTrack: this.#offers.doNotTrack,
      eventsChanged: this.#eventsChanged,
      account: () => this.#account,
      onDidChangeAccount: this.#accountChanged.event,
      accountLinked: this.#offers.accountSwitch ? this.#accountLinkedOption() : undefined,
      unreadable: () => this.failEvents,
      now: this.#clock,
    });
    if (!this.#offers.notice) return;
    void showTelemetryNotice({
      vscode: { ...api, window: this.#window } as unknown as Parameters<typeof showTelemetryNotice>[0]['vscode'],
      memento: this.memento,
      // Told the answer: the gate of the start it came in, which a restart meanwhile may have replaced.
      gate: { doNotTrack: this.#offers.doNotTrack, noticeAnswered: () => this.#gate?.noticeAnswered() },
      openSettings: () => this.#log.fire({ kind: 'editor', text: 'opened the telemetry settings (the panel is open here)' }),
      log: (text) => this.#log.fire({ kind: 'adapter', text }),
    });
  }

  #accountLinkedOption(): NonNullable<TelemetryHostOptions['accountLinked']> {
    const vscode = this.vscode;
    const configuration = vscode.vscode.workspace.getConfiguration();
    return {
      get: () => configuration.get(ACCOUNT_LINKED_KEY) === true,
      set: (linked) => configuration.update(ACCOUNT_LINKED_KEY, linked, ConfigurationTarget.Global),
      onDidChange: (listener) =>
        vscode.vscode.workspace.onDidChangeConfiguration((event) => {
          if (event.affectsConfiguration(ACCOUNT_LINKED_KEY)) listener(undefined);
        }),
    };
  }

  #adapterOptions(connection: Connection): TelemetryHostOptions {
    const options: TelemetryHostOptions = {
      vscode: this.#api,
      managedBy: () => (this.#policy && !connection.beforePolicy ? 'policy' : null),
      onDidChangeManagedBy: connection.managedByChanged.event,
      history: this.memento,
      now: () => new Date(Date.now() - this.#clockBehind),
      log: (text) => this.#log.fire({ kind: 'adapter', text }),
    };
    if (this.#offers.links) options.links = DEMO_LINKS;
    // With a gate the adapter reads the account, the account switch and what was sent from it, the one source.
    if (this.#gate) return { ...options, gate: this.#gate };
    options.account = () => this.#account;
    options.onDidChangeAccount = this.#accountChanged.event;
    if (this.#offers.events) {
      options.events = (category) => this.#events(category);
      options.onDidChangeEvents = this.#eventsChanged.event;
    }
    if (this.#offers.accountSwitch) options.accountLinked = this.#accountLinkedOption();
    return options;
  }

  /** What the editor sent of one category: the account's details only while signed in and, with the switch, linked. */
  #events(category: TelemetryCategory) {
    if (this.failEvents) throw new Error('The event log could not be read.');
    if (category === 'account' && !this.#accountSent()) return [];
    return this.#eventLog?.(category) ?? demoEvents(category, this.manyEvents ? MANY_EVENTS : undefined);
  }

  /**
   * Plays the policy's arrival at `policySince` to a new adapter before the webview is heard: the adapter reads the
   * state without it, then with it, its clock set back to then. What it posts meanwhile reaches no page.
   */
  async #playPolicyArrival(connection: Connection): Promise<void> {
    connection.toEditor.hold();
    const pushed = () => {
      const post = new Promise<void>((resolve) => (connection.replaying = resolve));
      connection.managedByChanged.fire(undefined);
      return post;
    };
    await pushed();
    this.#clockBehind = Date.now() - this.#policySince!.getTime();
    connection.beforePolicy = false;
    await pushed();
    this.#clockBehind = 0;
    connection.replaying = undefined;
    connection.toEditor.release();
  }
}
