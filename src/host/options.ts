/**
 * The adapter's public types: its options, and the parts of the `vscode` module and of a webview it uses. Types only;
 * the defaults live beside the code that applies them.
 */
import type * as vscode from 'vscode';
import type { LinkTarget, ManagedBy, TelemetryAccount, TelemetryCategory, TelemetryEvent } from '../protocol/protocol.js';

/** The parts of the `vscode` module the adapter uses; pass the module itself. */
export interface TelemetryHostVsCode {
  /** `fs` is needed for `export` only: the file is written through the editor (local or remote). */
  workspace: Pick<typeof vscode.workspace, 'getConfiguration' | 'onDidChangeConfiguration'> & Partial<Pick<typeof vscode.workspace, 'fs'>>;
  /**
   * `language` feeds `state.locale`; `openExternal` opens the `links`. Both optional so that a caller passing an
   * object of its own (not the `vscode` module) still type-checks: without them there is no locale and no links.
   */
  env: Pick<typeof vscode.env, 'isTelemetryEnabled' | 'onDidChangeTelemetryEnabled'> &
    Partial<Pick<typeof vscode.env, 'language' | 'openExternal'>>;
  ConfigurationTarget: Pick<typeof vscode.ConfigurationTarget, 'Global' | 'Workspace' | 'WorkspaceFolder'>;
  /** Needed for `export` only: the save dialog the user picks the file in. */
  window?: Partial<Pick<typeof vscode.window, 'showSaveDialog'>>;
  /** Needed with `links` only: turns a link's URL into the `Uri` that `env.openExternal` takes. */
  Uri?: Pick<typeof vscode.Uri, 'parse'>;
}

/** Recent events of one category, as sent; may return a promise. The adapter checks and trims what it gets. */
export type TelemetryEventSource = (
  category: TelemetryCategory,
) => readonly TelemetryEvent[] | Thenable<readonly TelemetryEvent[]>;

/** The second switch: whether the signed-in account's login name and email are sent with telemetry. */
export interface TelemetryAccountLinkOption {
  get(): boolean | Thenable<boolean>;
  set(linked: boolean): void | Thenable<void>;
  /** Fires when the answer of `get` may have changed by another road. */
  onDidChange?: vscode.Event<unknown>;
}

/** What the adapter reads of a gate: `createTelemetryGate`'s answer has all of it. */
export interface TelemetryHostGate {
  readonly events: TelemetryEventSource;
  readonly account?: TelemetryHostOptions['account'];
  readonly onDidChangeAccount?: vscode.Event<unknown>;
  readonly accountLinked?: Pick<TelemetryAccountLinkOption, 'get'> & Partial<Pick<TelemetryAccountLinkOption, 'set' | 'onDidChange'>>;
  readonly deletionRequest?: boolean;
  readonly onDidChangeEvents?: (listener: (category: TelemetryCategory) => unknown) => vscode.Disposable;
  /** The whole sent log, oldest first: offered to the panel as `export` when the editor has a save dialog. */
  readonly exportEvents?: () => readonly TelemetryEvent[];
  /** Per data type, what the sent log holds: sent in the last 7 days and kept in all; reported as `state.sentCounts`. */
  readonly sentCounts?: () => Partial<Record<TelemetryCategory, { lastWeek: number; kept: number }>>;
  /** `DO_NOT_TRACK` is set: the gate sends nothing, and the state says so (`doNotTrack`). */
  readonly doNotTrack?: boolean;
  /** The telemetry notice is not answered yet: nothing is uploaded, and the state says so (`noticePending`). */
  readonly noticePending?: boolean;
  /** Fires when the notice was answered. */
  readonly onDidChangeNotice?: vscode.Event<void>;
}

/** Where the adapter keeps what last changed the setting, across restarts: pass `context.globalState`. */
export type TelemetryHistoryStore = Pick<vscode.Memento, 'get' | 'update'>;

/** What the adapter needs of a webview: `vscode.Webview` has both. */
export interface TelemetryHostWebview {
  postMessage(message: unknown): Thenable<boolean>;
  onDidReceiveMessage: vscode.Event<unknown>;
  /** Read when connecting: with `enableScripts` off the panel cannot run, and the log says so. */
  readonly options?: Pick<vscode.WebviewOptions, 'enableScripts'>;
}

export interface TelemetryHostOptions {
  /** The `vscode` module, injected so that the adapter runs in tests without an editor. */
  vscode: TelemetryHostVsCode;
  /**
   * The consent gate the editor's telemetry goes through (`createTelemetryGate`). The adapter then reads the account,
   * its change event, the account switch and what was sent from the gate, the one source both use, so the panel and
   * what leaves cannot disagree; `account`, `onDidChangeAccount`, `accountLinked` and `events` given here are ignored.
   * A gate with `deletionRequest` is offered to the panel as `deletion-request`.
   */
  gate?: TelemetryHostGate;
  /** Configuration section of the setting. Default `codeStudio.telemetry`. */
  section?: string;
  /** Key of the setting within the section. Default `enabled`. */
  key?: string;
  /**
   * Where a change from the panel is written. Default the user (global) settings. When a workspace or folder value
   * still decides after the write, the set is answered `overridden`, naming that scope.
   */
  target?: vscode.ConfigurationTarget;
  /**
   * The signed-in account whose login name and email are attached to telemetry, or null when signed out. One that
   * does not answer within `providerTimeout` gives the last account it gave (null before any).
   */
  account?: () => TelemetryAccount | null | undefined | Thenable<TelemetryAccount | null | undefined>;
  /** Fires when the account changes (signed in, out, or switched). */
  onDidChangeAccount?: vscode.Event<unknown>;
  /**
   * Who fixes the setting, if anyone: `'policy'` disables the switch and refuses writes. Fails closed: a function
   * that throws, or an answer other than `'policy'`, null or undefined, refuses every set with `locked`
   * (`LOCKED_MESSAGES.unreadable`) while the state says null.
   */
  managedBy?: ManagedBy | null | (() => ManagedBy | null | undefined);
  /** Fires when `managedBy`'s answer may have changed. */
  onDidChangeManagedBy?: vscode.Event<unknown>;
  /** Shown to the user when a `set` is refused by policy. */
  lockedMessage?: string;
  /** Where the adapter reports what it could not do (an output channel's `appendLine`, say). Default `console.warn`. */
  log?: (message: string) => void;
  /**
   * How long, in milliseconds, the adapter waits for each call of `account`, `accountLinked.get`,
   * `accountLinked.set` and `events` before it goes on without the answer (logged). Default 2000.
   */
  providerTimeout?: number;
  /**
   * Extension: the recent events of a category, offered to the panel as `events`. Answered in a queue of their own,
   * so a slow source never holds up the state; one that does not answer within `providerTimeout` gets
   * `events-failed`.
   */
  events?: TelemetryEventSource;
  /**
   * Extension, with `events`: fires with a category when its log changed (an event was sent), in the shape of a VS Code
   * `Event`. The adapter then pushes `telemetry/events-changed`, and a page with that list open asks again.
   */
  onDidChangeEvents?: (listener: (category: TelemetryCategory) => void) => { dispose(): void };
  /**
   * Extension: the account switch, reported as `state.accountLinked`. Locked by policy like the main switch. A `get`
   * that does not answer within `providerTimeout` gives the last value read; a `set` that does not is answered
   * `write-failed`, then the state.
   */
  accountLinked?: TelemetryAccountLinkOption;
  /**
   * Extension: keeps `changedAt`/`changedBy` (and the value they describe) of the setting across restarts
   * (`context.globalState`), shared by every adapter on it. Default in memory.
   */
  history?: TelemetryHistoryStore;
  /** The clock for `changedAt`. Default `new Date()`. */
  now?: () => Date;
  /** Extension: https URLs the panel may ask the editor to open; each one configured is offered by its target id. */
  links?: Partial<Record<LinkTarget, string>>;
  /**
   * Extension: the display language sent as `state.locale`. Default `vscode.env.language`. Read with each state;
   * VS Code changes its display language only with a restart, so there is no change event.
   */
  locale?: () => string | undefined;
}
