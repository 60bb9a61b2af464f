/**
 * The extension-host half of protocol v1 (docs/protocol.md): answers the webview's requests, writes the setting,
 * and pushes the state whenever it changes by any road. Node only, no DOM; the `vscode` module is injected.
 */
import type * as vscode from 'vscode';
import {
  isLocaleTag,
  isPlainObject,
  isTime,
  isWebviewMessage,
  LINK_TARGETS,
  LOCKED_MESSAGES,
  MAX_EVENT_FIELDS,
  MAX_EVENTS_JSON_LENGTH,
  MAX_STRING_LENGTH,
  PROTOCOL_VERSION,
  WEBVIEW_MESSAGE_TYPES,
  type ChangedBy,
  type ErrorMessage,
  type EventsMessage,
  type LinkTarget,
  type ManagedBy,
  type StateMessage,
  type TelemetryAccount,
  type TelemetryCategory,
  type TelemetryErrorCode,
  type TelemetryEvent,
  type TelemetryOffer,
  type TelemetryState,
  type WebviewMessage,
} from '../protocol/protocol.js';
import { selectEvents, type EventSelection } from '../protocol/events.js';

/** The parts of the `vscode` module the adapter uses; pass the module itself. */
export interface TelemetryHostVsCode {
  workspace: Pick<typeof vscode.workspace, 'getConfiguration' | 'onDidChangeConfiguration'>;
  /**
   * `language` feeds `state.locale`; `openExternal` opens the `links`. Both optional so that a caller passing an
   * object of its own (not the `vscode` module) still type-checks: without them there is no locale and no links.
   */
  env: Pick<typeof vscode.env, 'isTelemetryEnabled' | 'onDidChangeTelemetryEnabled'> &
    Partial<Pick<typeof vscode.env, 'language' | 'openExternal'>>;
  ConfigurationTarget: Pick<typeof vscode.ConfigurationTarget, 'Global' | 'Workspace' | 'WorkspaceFolder'>;
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

/** Where the adapter keeps what last changed the setting, across restarts: pass `context.globalState`. */
export type TelemetryHistoryStore = Pick<vscode.Memento, 'get' | 'update'>;

/** What the adapter needs of a webview: `vscode.Webview` has both. */
export interface TelemetryHostWebview {
  postMessage(message: unknown): Thenable<boolean>;
  onDidReceiveMessage: vscode.Event<unknown>;
}

export interface TelemetryHostOptions {
  /** The `vscode` module, injected so that the adapter runs in tests without an editor. */
  vscode: TelemetryHostVsCode;
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

export const DEFAULT_SECTION = 'codeStudio.telemetry';
export const DEFAULT_KEY = 'enabled';
export const DEFAULT_LOCKED_MESSAGE = LOCKED_MESSAGES.policy;
/** How long the adapter waits for a provider (`account`, `accountLinked`, `events`) by default, in milliseconds. */
export const DEFAULT_PROVIDER_TIMEOUT = 2000;
/** Memento key prefix of the history record; the full key of the setting follows it. */
export const HISTORY_KEY_PREFIX = 'codeStudio.telemetrySettings.history:';

/** The words of an `overridden` error, by the scope whose value still decides the setting after a write. */
export const OVERRIDDEN_MESSAGES = {
  workspace: 'Saved, but a workspace setting overrides it, so nothing changed here. Change it in the workspace settings.',
  workspaceFolder:
    'Saved, but a workspace folder setting overrides it, so nothing changed here. Change it in the folder settings.',
  other: 'Saved, but another setting overrides it, so nothing changed here.',
} as const;

const EVENTS_FAILED_MESSAGE = 'Code Studio could not read its recent telemetry events. Your setting is unchanged. Try again later.';
const EVENTS_TIMEOUT_MESSAGE =
  'Code Studio did not finish reading its recent telemetry events in time. Your setting is unchanged. Try again later.';
const EVENTS_NOT_OFFERED_MESSAGE = 'This editor does not show the telemetry events it sends.';
const ACCOUNT_LINK_NOT_OFFERED_MESSAGE = 'This editor has no separate switch for account details.';
const ACCOUNT_LINK_TIMEOUT_MESSAGE =
  'Code Studio did not finish saving your choice about account details in time, so it may not have changed. Try again.';

/** What last changed the setting, as kept in memory and in the `history` memento. */
interface HistoryRecord {
  changedAt: string | null;
  changedBy: Exclude<ChangedBy, 'policy' | 'default'>;
  /** The value the change left; absent in records of adapter 0.2.0, whose value is unknown. */
  value?: boolean;
}

const isHistoryRecord = (value: unknown): value is HistoryRecord =>
  isPlainObject(value) &&
  (value.changedBy === 'user' || value.changedBy === 'settings-file') &&
  (value.changedAt === null || isTime(value.changedAt)) &&
  (value.value === undefined || typeof value.value === 'boolean');

const sameRecord = (a: HistoryRecord, b: HistoryRecord) =>
  a.changedAt === b.changedAt && a.changedBy === b.changedBy && a.value === b.value;

/**
 * Whether `candidate`, found in the shared memento, was recorded after `known`, the record this adapter held: it is
 * another record, and not an older one (a record without a time cannot be older).
 */
const recordedAfter = (candidate: HistoryRecord, known: HistoryRecord | undefined) =>
  !known ||
  (!sameRecord(candidate, known) &&
    (candidate.changedAt === null ||
      known.changedAt === null ||
      Date.parse(candidate.changedAt) >= Date.parse(known.changedAt)));

/**
 * The value of the setting as telemetry code must read it: a non-boolean value (a hand-edited settings.json) counts
 * as the default, and a missing default as on, as the product ships. Use it wherever telemetry is sent so that the
 * panel and the sender never disagree.
 */
export function readTelemetrySetting(
  configuration: Pick<vscode.WorkspaceConfiguration, 'get' | 'inspect'>,
  key: string = DEFAULT_KEY,
): boolean {
  const value = configuration.get<unknown>(key);
  if (typeof value === 'boolean') return value;
  const fallback = configuration.inspect<unknown>(key)?.defaultValue;
  return typeof fallback === 'boolean' ? fallback : true;
}

/** The longest id the adapter echoes back in `inReplyTo`; the webview rejects longer ones. */
const replyableId = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' && value.length <= MAX_STRING_LENGTH ? value : undefined;

const shortText = (value: unknown, fallback: string) =>
  (typeof value === 'string' && value ? value : fallback).slice(0, MAX_STRING_LENGTH);

/** An opaque id for one adapter's life, so that the webview can tell a new host from a stale one. */
function newInstanceId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // Not secret, only distinct: two adapters must not share an id.
  return Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')).join('');
}

/** What a call into a provider came to within its time limit. */
type ProviderOutcome<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

/**
 * Connects a telemetry settings webview to the editor's configuration. Returns a disposable that stops listening
 * and posting; dispose it with the webview (`panel.onDidDispose`).
 */
export function connectTelemetryHost(webview: TelemetryHostWebview, options: TelemetryHostOptions): vscode.Disposable {
  const { vscode: api, section = DEFAULT_SECTION, key = DEFAULT_KEY } = options;
  const target = options.target ?? api.ConfigurationTarget.Global;
  const log = (message: string) => {
    try {
      (options.log ?? ((text: string) => console.warn(`[telemetry-host] ${text}`)))(message);
    } catch {
      // A closed output channel must not stop the adapter.
    }
  };
  /** Starts `work` without waiting for it; a throw and a rejection are logged alike. */
  const startAndLog = (work: () => unknown, what: string) => {
    const failed = (error: unknown) => log(`could not ${what}: ${describe(error)}`);
    try {
      Promise.resolve(work()).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
  const providerTimeout = (() => {
    const value = options.providerTimeout;
    if (value === undefined) return DEFAULT_PROVIDER_TIMEOUT;
    // setTimeout fires at once past 2^31 - 1 ms, so that is the longest wait there is.
    if (typeof value === 'number' && value > 0 && value <= 2 ** 31 - 1) return value;
    log(`ignored providerTimeout ${String(value).slice(0, 40)}: not a number of milliseconds from 1 to 2^31 - 1`);
    return DEFAULT_PROVIDER_TIMEOUT;
  })();
  /** Calls a provider; past `providerTimeout` its answer is given up on (a late one is ignored, a late throw too). */
  const callProvider = <T>(call: () => T | Thenable<T>): Promise<ProviderOutcome<T>> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ kind: 'timeout' }), providerTimeout);
      const settle = (outcome: ProviderOutcome<T>) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      try {
        Promise.resolve(call()).then(
          (value) => settle({ kind: 'value', value }),
          (error: unknown) => settle({ kind: 'error', error }),
        );
      } catch (error) {
        settle({ kind: 'error', error });
      }
    });
  const fullKey = `${section}.${key}`;
  const instance = newInstanceId();
  let disposed = false;
  let rev = 0;
  let lastSent = '';

  const readSetting = () => readTelemetrySetting(api.workspace.getConfiguration(section), key);

  /** Who manages the setting; `readable` false when that could not be read, and then every set is refused. */
  const readManagedBy = (): { managedBy: ManagedBy | null; readable: boolean } => {
    try {
      const value: unknown = typeof options.managedBy === 'function' ? options.managedBy() : options.managedBy;
      if (value === 'policy') return { managedBy: value, readable: true };
      if (value === null || value === undefined) return { managedBy: null, readable: true };
      log(`who manages the setting read as ${typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value}, not "policy" or null`);
    } catch (error) {
      log(`could not read who manages the setting: ${describe(error)}`);
    }
    // Do not claim a policy that may not exist; the refusal of sets is what keeps one that does.
    return { managedBy: null, readable: false };
  };

  let lastAccount: TelemetryAccount | null = null;
  const readAccount = async (): Promise<TelemetryAccount | null> => {
    const account = options.account;
    if (!account) return null;
    const outcome = await callProvider(() => account());
    if (outcome.kind === 'timeout') {
      log(`the signed-in account did not answer within ${providerTimeout} ms; sent the last one known`);
      return lastAccount;
    }
    if (outcome.kind === 'error') {
      log(`could not read the signed-in account: ${describe(outcome.error)}`);
      return null;
    }
    const value = outcome.value;
    lastAccount = value ? { loginName: shortText(value.loginName, ''), email: shortText(value.email, '') } : null;
    return lastAccount;
  };

  let lastAccountLinked: boolean | undefined;
  /** The account switch; `fresh` false when `get` did not answer with a boolean this time. */
  const readAccountLinked = async (): Promise<{ linked: boolean | undefined; fresh: boolean }> => {
    const accountLinked = options.accountLinked;
    if (!accountLinked) return { linked: undefined, fresh: true };
    const outcome = await callProvider(() => accountLinked.get());
    if (outcome.kind === 'timeout') {
      log(`the account switch did not answer within ${providerTimeout} ms; sent the last value known`);
      return { linked: lastAccountLinked, fresh: false };
    }
    if (outcome.kind === 'value' && typeof outcome.value === 'boolean') {
      lastAccountLinked = outcome.value;
      return { linked: outcome.value, fresh: true };
    }
    if (outcome.kind === 'error') log(`could not read whether the account is linked: ${describe(outcome.error)}`);
    else log(`the account switch read as ${typeof outcome.value}, not a boolean`);
    // Unknown: leave the switch out, so the panel says account details are sent when signed in, the safe side.
    return { linked: undefined, fresh: false };
  };

  // History of the main setting (changedAt/changedBy and the value they describe): in memory always, and in the
  // memento when given, which other adapters (panels in other windows) may share.
  const historyKey = `${HISTORY_KEY_PREFIX}${fullKey}`;
  const nowIso = (): string | null => {
    try {
      return (options.now?.() ?? new Date()).toISOString();
    } catch (error) {
      log(`the clock gave no valid time: ${describe(error)}`);
      return null;
    }
  };
  let storeProblemLogged = false;
  /** The record in the memento now; it is read again before each decision, as another adapter may have written it. */
  const readStoredHistory = (): HistoryRecord | undefined => {
    if (!options.history) return undefined;
    let problem: string;
    try {
      const stored = options.history.get<unknown>(historyKey);
      if (stored === undefined || isHistoryRecord(stored)) return stored;
      problem = 'ignored a malformed history record';
    } catch (error) {
      problem = `could not read the history of the setting: ${describe(error)}`;
    }
    // Once, not with every state.
    if (!storeProblemLogged) log(problem);
    storeProblemLogged = true;
    return undefined;
  };
  const saveHistory = (saved: HistoryRecord) => {
    if (options.history) startAndLog(() => options.history!.update(historyKey, saved), 'save the history of the setting');
  };
  let history = readStoredHistory();
  /** This adapter's own record of its last write: only the adapter that made a write records it as the user's. */
  let ownRecord: HistoryRecord | undefined;
  /** Set when this adapter recorded a change it did not make: the record it held before, to compare others with. */
  let secondHand: { before: HistoryRecord | undefined } | undefined;

  const recordOwnWrite = (value: boolean) => {
    history = ownRecord = { changedAt: nowIso(), changedBy: 'user', value };
    secondHand = undefined;
    saveHistory(history);
  };

  /** A change of the value that this adapter did not make: the adapter that made it may have recorded it already. */
  const recordChangeSeen = (value: boolean) => {
    const before = history;
    const stored = readStoredHistory();
    if (stored?.value === value && recordedAfter(stored, before)) {
      history = stored;
      secondHand = undefined;
      return;
    }
    history = { changedAt: nowIso(), changedBy: 'settings-file', value };
    secondHand = { before };
    saveHistory(history);
  };

  /** Keeps the record true to `value`, the setting now; run before each state and at connect. */
  const reconcileHistory = (value: boolean) => {
    const stored = readStoredHistory();
    if (history?.value !== undefined && history.value !== value) {
      // Changed where this adapter did not see it (while no panel was open): by hand, at a time nobody knows.
      knownValue = value;
      secondHand = undefined;
      if (stored?.value === value && recordedAfter(stored, history)) {
        history = stored;
      } else {
        history = { changedAt: null, changedBy: 'settings-file', value };
        saveHistory(history);
      }
      return;
    }
    if (!history || !stored || stored.value !== value || sameRecord(stored, history)) return;
    if (secondHand && stored.changedBy === 'user' && recordedAfter(stored, secondHand.before)) {
      // The adapter that made the write recorded it after this one had seen it second-hand.
      history = stored;
      secondHand = undefined;
    } else if (history === ownRecord && stored.changedBy === 'settings-file') {
      // Another adapter saw this one's write second-hand and saved over its record: put the truth back.
      saveHistory(history);
    }
  };

  // The effective value last seen, so that a configuration event that changes nothing records nothing.
  let knownValue = readSetting();
  reconcileHistory(knownValue);
  // A write from the panel under way: its own configuration event must count as 'user', not 'settings-file'.
  let ownWrite: { value: boolean; recorded: boolean } | undefined;
  let lastManagedBy: ManagedBy | null | undefined;
  let policySince: string | null = null;

  const readHistory = (managedBy: ManagedBy | null): Pick<TelemetryState, 'changedAt' | 'changedBy'> => {
    // A policy coming in while this adapter watches has a known time; one already there when it started has none.
    if (managedBy && lastManagedBy === null) policySince = nowIso();
    if (!managedBy) policySince = null;
    lastManagedBy = managedBy;
    if (managedBy) return { changedAt: policySince, changedBy: 'policy' };
    if (history) return { changedAt: history.changedAt, changedBy: history.changedBy };
    const inspected = api.workspace.getConfiguration(section).inspect<unknown>(key);
    const setByUser = [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].some(
      (value) => value !== undefined,
    );
    // Set in settings.json before anything was recorded: who and when are unknown.
    return { changedAt: null, changedBy: setByUser ? null : 'default' };
  };

  // Links: only https URLs, and only when the editor can open them.
  const links = new Map<LinkTarget, string>();
  for (const [linkTarget, url] of Object.entries(options.links ?? {})) {
    if (!(LINK_TARGETS as readonly string[]).includes(linkTarget)) {
      log(`ignored the link "${linkTarget.slice(0, 60)}": not a link target the panel knows`);
    } else if (!isHttpsUrl(url)) {
      log(`ignored the link for ${linkTarget}: only https URLs are opened`);
    } else if (!api.env.openExternal || !api.Uri) {
      log(`ignored the link for ${linkTarget}: vscode.env.openExternal and vscode.Uri are needed to open it`);
    } else {
      links.set(linkTarget as LinkTarget, url);
    }
  }
  const offers: TelemetryOffer[] = [
    ...(options.events ? (['events'] as const) : []),
    ...LINK_TARGETS.filter((linkTarget) => links.has(linkTarget)),
  ];

  const readLocale = (): string | undefined => {
    let language: unknown;
    try {
      language = options.locale ? options.locale() : api.env.language;
    } catch (error) {
      log(`could not read the display language: ${describe(error)}`);
    }
    // The protocol's own check, so the webview never rejects a state for its locale.
    return isLocaleTag(language) ? language : undefined;
  };

  const readState = async (): Promise<TelemetryState> => {
    // Both at once, so that a state waits at most one providerTimeout.
    const [{ linked: accountLinked }, account] = await Promise.all([readAccountLinked(), readAccount()]);
    // The rest is read together after the providers answered: the setting, its history and the policy of one moment.
    const { managedBy } = readManagedBy();
    const enabled = readSetting();
    reconcileHistory(enabled);
    const locale = readLocale();
    return {
      enabled,
      editorTelemetryEnabled: api.env.isTelemetryEnabled,
      managedBy,
      account,
      ...readHistory(managedBy),
      ...(accountLinked !== undefined && { accountLinked }),
      ...(locale !== undefined && { locale }),
      // Absent, not empty, when nothing is offered: the state of a host without extensions stays as it was.
      ...(offers.length > 0 && { offers: [...offers] }),
    };
  };

  /** Posts without waiting: a postMessage that never settles must not hold up the queue, and order is kept anyway. */
  const post = (message: StateMessage | ErrorMessage | EventsMessage) => {
    if (disposed) return;
    const failed = (error: unknown) => log(`could not post ${message.type}: ${describe(error)}`);
    try {
      // Resolves false while the webview is hidden: nothing is lost, it says hello when shown again.
      Promise.resolve(webview.postMessage(message)).then(undefined, failed);
    } catch (error) {
      failed(error);
    }
  };

  /** Posts the current state; `rev` grows only when the state differs from the last one posted. */
  const postState = async (inReplyTo?: string, always = inReplyTo !== undefined) => {
    const state = await readState();
    const serialized = JSON.stringify(state);
    if (serialized !== lastSent) {
      lastSent = serialized;
      rev++;
    } else if (!always) {
      return; // a push that changes nothing
    }
    post({ type: 'telemetry/state', protocol: PROTOCOL_VERSION, instance, rev, ...(inReplyTo && { inReplyTo }), state });
  };

  const postError = (inReplyTo: string, code: TelemetryErrorCode, message: string) =>
    post({ type: 'telemetry/error', protocol: PROTOCOL_VERSION, instance, inReplyTo, code, message: shortText(message, code) });

  /** The scope whose value still decides the setting over `target`'s, after a write there did not change it. */
  const overridingScope = (): keyof typeof OVERRIDDEN_MESSAGES => {
    try {
      const inspected = api.workspace.getConfiguration(section).inspect<unknown>(key);
      const { Workspace, WorkspaceFolder } = api.ConfigurationTarget;
      if (target !== WorkspaceFolder && inspected?.workspaceFolderValue !== undefined) return 'workspaceFolder';
      if (target !== WorkspaceFolder && target !== Workspace && inspected?.workspaceValue !== undefined) return 'workspace';
    } catch (error) {
      log(`could not inspect the setting: ${describe(error)}`);
    }
    // A language-specific value, say: something decides, but not a scope the user can be pointed to.
    return 'other';
  };

  const setEnabled = async (id: string, enabled: boolean) => {
    if (readSetting() !== enabled) {
      ownWrite = { value: enabled, recorded: false };
      try {
        await api.workspace.getConfiguration(section).update(key, enabled, target);
      } catch (error) {
        ownWrite = undefined;
        postError(id, 'write-failed', describe(error));
        return postState(undefined, true); // the state as it really is
      }
      // The write landed; its configuration event may come before this, after it, or (another window) never.
      const actual = readSetting();
      if (actual === enabled && !ownWrite?.recorded) recordOwnWrite(actual);
      knownValue = actual;
      ownWrite = undefined;
      if (actual !== enabled) {
        // VS Code wrote the value, but a more specific scope decides: without a word the switch would bounce back.
        const scope = overridingScope();
        log(`wrote ${String(enabled)} to ${fullKey}, but ${scope === 'other' ? 'another value' : `the ${scope} value`} overrides it`);
        postError(id, 'overridden', OVERRIDDEN_MESSAGES[scope]);
        return postState(undefined, true);
      }
    }
    return postState(id);
  };

  const setAccountLinked = async (id: string, linked: boolean) => {
    const accountLinked = options.accountLinked;
    if (!accountLinked) return postError(id, 'not-offered', ACCOUNT_LINK_NOT_OFFERED_MESSAGE);
    const current = await readAccountLinked();
    // A value not read just now may be stale: write it rather than trust it.
    if (!current.fresh || current.linked !== linked) {
      const outcome = await callProvider(() => accountLinked.set(linked));
      if (outcome.kind !== 'value') {
        if (outcome.kind === 'timeout') log(`the account switch did not finish saving within ${providerTimeout} ms`);
        postError(id, 'write-failed', outcome.kind === 'timeout' ? ACCOUNT_LINK_TIMEOUT_MESSAGE : describe(outcome.error));
        return postState(undefined, true);
      }
    }
    return postState(id);
  };

  const answerEvents = async (id: string, category: TelemetryCategory) => {
    const source = options.events;
    if (!source) return postError(id, 'not-offered', EVENTS_NOT_OFFERED_MESSAGE);
    const outcome = await callProvider(() => source(category));
    if (outcome.kind === 'timeout') {
      log(`the event source did not answer within ${providerTimeout} ms for ${category}`);
      return postError(id, 'events-failed', EVENTS_TIMEOUT_MESSAGE);
    }
    if (outcome.kind === 'error') {
      log(`the event source failed for ${category}: ${describe(outcome.error)}`);
      return postError(id, 'events-failed', EVENTS_FAILED_MESSAGE);
    }
    const events: unknown = outcome.value;
    if (!Array.isArray(events)) {
      log(`the event source gave ${events === null ? 'null' : typeof events} for ${category}, not an array`);
      return postError(id, 'events-failed', EVENTS_FAILED_MESSAGE);
    }
    let selected: EventSelection;
    try {
      selected = selectEvents(events, category);
    } catch (error) {
      // A getter in an event that throws, say.
      log(`could not read the events of ${category} from the event source: ${describe(error)}`);
      return postError(id, 'events-failed', EVENTS_FAILED_MESSAGE);
    }
    // One line per reply for each kind of problem, not one per event: a broken source must not flood the log.
    if (selected.dropped > 0) log(`dropped ${selected.dropped} malformed event(s) of ${category} from the event source`);
    if (selected.trimmed > 0) log(`cut the fields of ${selected.trimmed} event(s) of ${category} to ${MAX_EVENT_FIELDS}`);
    if (selected.overBudget || selected.shrunk) {
      log(
        `sent ${selected.events.length} event(s) of ${category} to keep the reply within ${MAX_EVENTS_JSON_LENGTH} characters of JSON:` +
          [selected.overBudget && ' left out the older ones', selected.shrunk && ' cut the strings of the most recent one']
            .filter(Boolean)
            .join(' and'),
      );
    }
    post({ type: 'telemetry/events', protocol: PROTOCOL_VERSION, inReplyTo: id, events: selected.events });
  };

  const open = (linkTarget: LinkTarget) => {
    const url = links.get(linkTarget);
    if (!url || !api.env.openExternal || !api.Uri) return log(`dropped a request to open ${linkTarget}: not offered`);
    // Checked just above; called as methods, on their own objects.
    startAndLog(() => api.env.openExternal!(api.Uri!.parse(url)), `open ${linkTarget}`);
  };

  const handleSet = (message: Extract<WebviewMessage, { type: 'telemetry/set' }>) => {
    // Policy locks both switches; a policy that cannot be read locks them too (fail closed).
    const { managedBy, readable } = readManagedBy();
    if (!readable) {
      log(`refused a set: who manages the setting is not known`);
      return postError(message.id, 'locked', LOCKED_MESSAGES.unreadable);
    }
    if (managedBy) return postError(message.id, 'locked', options.lockedMessage ?? DEFAULT_LOCKED_MESSAGE);
    return message.accountLinked === undefined
      ? setEnabled(message.id, message.enabled)
      : setAccountLinked(message.id, message.accountLinked);
  };

  // Two queues, each handling its work one at a time in the order it came, as the webview expects of its host:
  // hello, get, set, bad-request and pushes in one; events, whose source may be slow, in the other.
  const queues: Record<'state' | 'events', Promise<unknown>> = { state: Promise.resolve(), events: Promise.resolve() };
  /** Runs `work` after everything before it in its queue; work still waiting when the adapter is disposed never runs. */
  const enqueue = (queue: keyof typeof queues, work: () => unknown, what: string) => {
    queues[queue] = queues[queue]
      .then(() => (disposed ? undefined : work()))
      .catch((error: unknown) => log(`could not ${what}: ${describe(error)}`));
  };

  const receive = (message: unknown) => {
    if (disposed) return;
    if (isWebviewMessage(message)) {
      switch (message.type) {
        // Not queued: it has no reply, and openExternal may wait on the user's confirmation, which must not hold up sets.
        case 'telemetry/open':
          return open(message.target);
        case 'telemetry/events':
          return enqueue('events', () => answerEvents(message.id, message.category), 'answer telemetry/events');
        case 'telemetry/set':
          return enqueue('state', () => handleSet(message), 'answer telemetry/set');
        case 'telemetry/hello':
        case 'telemetry/get':
          return enqueue('state', () => postState(message.id), `answer ${message.type}`);
      }
    }
    const id = isPlainObject(message) && Object.hasOwn(message, 'id') ? replyableId(message.id) : undefined;
    if (id) enqueue('state', () => postError(id, 'bad-request', badRequestText(message)), 'answer a malformed request');
    else log('dropped a malformed message from the webview');
  };

  // One push waiting is enough: it reads the state when it runs, so a burst of changes behind a slow provider
  // does not pile up a push each.
  let pushWaiting = false;
  const push = () => {
    if (disposed || pushWaiting) return;
    pushWaiting = true;
    enqueue(
      'state',
      () => {
        pushWaiting = false;
        return postState();
      },
      'push the state',
    );
  };

  const configurationChanged = () => {
    const value = readSetting();
    if (value !== knownValue) {
      if (ownWrite && ownWrite.value === value) {
        if (!ownWrite.recorded) recordOwnWrite(value);
        ownWrite.recorded = true;
      } else {
        recordChangeSeen(value);
      }
      knownValue = value;
    }
    push();
  };

  const subscriptions = [
    webview.onDidReceiveMessage(receive),
    api.workspace.onDidChangeConfiguration((event) => {
      if (!disposed && event.affectsConfiguration(fullKey)) configurationChanged();
    }),
    api.env.onDidChangeTelemetryEnabled(push),
    options.onDidChangeAccount?.(push),
    options.onDidChangeManagedBy?.(push),
    options.accountLinked?.onDidChange?.(push),
  ];

  return {
    dispose() {
      disposed = true;
      for (const subscription of subscriptions) subscription?.dispose();
    },
  };
}

const isHttpsUrl = (url: unknown): url is string => {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

function badRequestText(message: unknown): string {
  const type = isPlainObject(message) && Object.hasOwn(message, 'type') ? message.type : undefined;
  if (type === 'telemetry/hello' && isPlainObject(message) && message.protocol !== PROTOCOL_VERSION) {
    return `This editor speaks telemetry protocol ${PROTOCOL_VERSION}.`;
  }
  return (WEBVIEW_MESSAGE_TYPES as readonly unknown[]).includes(type)
    ? `Malformed ${type} request.`
    : 'Unknown request.';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
