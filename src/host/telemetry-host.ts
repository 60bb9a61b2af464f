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
  MAX_EVENTS,
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
} from '../bridge/protocol.js';

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
  /** Where a change from the panel is written. Default the user (global) settings. */
  target?: vscode.ConfigurationTarget;
  /** The signed-in account whose login name and email are attached to telemetry, or null when signed out. */
  account?: () => TelemetryAccount | null | undefined | Thenable<TelemetryAccount | null | undefined>;
  /** Fires when the account changes (signed in, out, or switched). */
  onDidChangeAccount?: vscode.Event<unknown>;
  /** Who fixes the setting, if anyone: `'policy'` disables the switch and refuses writes. */
  managedBy?: ManagedBy | null | (() => ManagedBy | null | undefined);
  /** Fires when `managedBy`'s answer may have changed. */
  onDidChangeManagedBy?: vscode.Event<unknown>;
  /** Shown to the user when a `set` is refused by policy. */
  lockedMessage?: string;
  /** Where the adapter reports what it could not do (an output channel's `appendLine`, say). Default `console.warn`. */
  log?: (message: string) => void;
  /** Extension: the recent events of a category, offered to the panel as `events`. */
  events?: TelemetryEventSource;
  /** Extension: the account switch, reported as `state.accountLinked`. Locked by policy like the main switch. */
  accountLinked?: TelemetryAccountLinkOption;
  /** Extension: keeps `changedAt`/`changedBy` of the setting across restarts (`context.globalState`). Default in memory. */
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
/** Memento key prefix of the history record; the full key of the setting follows it. */
export const HISTORY_KEY_PREFIX = 'codeStudio.telemetrySettings.history:';

const EVENTS_FAILED_MESSAGE = 'Code Studio could not read its recent telemetry events. Your setting is unchanged. Try again later.';
const EVENTS_NOT_OFFERED_MESSAGE = 'This editor does not show the telemetry events it sends.';
const ACCOUNT_LINK_NOT_OFFERED_MESSAGE = 'This editor has no separate switch for account details.';

/** What last changed the setting, as kept in memory and in the `history` memento. */
interface HistoryRecord {
  changedAt: string | null;
  changedBy: Exclude<ChangedBy, 'policy' | 'default'>;
}

const isHistoryRecord = (value: unknown): value is HistoryRecord =>
  isPlainObject(value) &&
  (value.changedBy === 'user' || value.changedBy === 'settings-file') &&
  (value.changedAt === null || isTime(value.changedAt));

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
  const fullKey = `${section}.${key}`;
  let disposed = false;
  let rev = 0;
  let lastSent = '';
  // Requests are handled one at a time, in the order they came, as the webview expects of its host.
  let queue: Promise<void> = Promise.resolve();

  const readSetting = () => readTelemetrySetting(api.workspace.getConfiguration(section), key);

  const readManagedBy = (): ManagedBy | null => {
    try {
      const value = typeof options.managedBy === 'function' ? options.managedBy() : options.managedBy;
      return value === 'policy' ? value : null;
    } catch (error) {
      log(`could not read who manages the setting: ${describe(error)}`);
      return null;
    }
  };

  const readAccount = async (): Promise<TelemetryAccount | null> => {
    if (!options.account) return null;
    try {
      const account = await options.account();
      if (!account) return null;
      return { loginName: shortText(account.loginName, ''), email: shortText(account.email, '') };
    } catch (error) {
      log(`could not read the signed-in account: ${describe(error)}`);
      return null;
    }
  };

  const readAccountLinked = async (): Promise<boolean | undefined> => {
    if (!options.accountLinked) return undefined;
    try {
      const linked = await options.accountLinked.get();
      if (typeof linked === 'boolean') return linked;
      log(`the account switch read as ${typeof linked}, not a boolean`);
    } catch (error) {
      log(`could not read whether the account is linked: ${describe(error)}`);
    }
    // Unknown: leave the switch out, so the panel says account details are sent when signed in, the safe side.
    return undefined;
  };

  // History of the main setting (changedAt/changedBy): in memory always, and in the memento when given.
  const historyKey = `${HISTORY_KEY_PREFIX}${fullKey}`;
  const nowIso = (): string | null => {
    try {
      return (options.now?.() ?? new Date()).toISOString();
    } catch (error) {
      log(`the clock gave no valid time: ${describe(error)}`);
      return null;
    }
  };
  let history: HistoryRecord | undefined = (() => {
    try {
      const stored = options.history?.get<unknown>(historyKey);
      if (stored === undefined || isHistoryRecord(stored)) return stored;
      log('ignored a malformed history record');
    } catch (error) {
      log(`could not read the history of the setting: ${describe(error)}`);
    }
    return undefined;
  })();
  const record = (changedBy: HistoryRecord['changedBy']) => {
    history = { changedAt: nowIso(), changedBy };
    if (!options.history) return;
    const saved = history;
    startAndLog(() => options.history!.update(historyKey, saved), 'save the history of the setting');
  };
  // The effective value last seen, so that a configuration event that changes nothing records nothing.
  let knownValue = readSetting();
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
    if (history) return { ...history };
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
    const managedBy = readManagedBy();
    const accountLinked = await readAccountLinked();
    const locale = readLocale();
    return {
      enabled: readSetting(),
      editorTelemetryEnabled: api.env.isTelemetryEnabled,
      managedBy,
      account: await readAccount(),
      ...readHistory(managedBy),
      ...(accountLinked !== undefined && { accountLinked }),
      ...(locale !== undefined && { locale }),
      // Absent, not empty, when nothing is offered: the state of a host without extensions stays as it was.
      ...(offers.length > 0 && { offers: [...offers] }),
    };
  };

  const post = async (message: StateMessage | ErrorMessage | EventsMessage) => {
    if (disposed) return;
    try {
      // Resolves false while the webview is hidden: nothing is lost, it says hello when shown again.
      await webview.postMessage(message);
    } catch (error) {
      log(`could not post ${message.type}: ${describe(error)}`);
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
    await post({ type: 'telemetry/state', protocol: PROTOCOL_VERSION, rev, ...(inReplyTo && { inReplyTo }), state });
  };

  const postError = (inReplyTo: string, code: TelemetryErrorCode, message: string) =>
    post({ type: 'telemetry/error', protocol: PROTOCOL_VERSION, inReplyTo, code, message: shortText(message, code) });

  const setEnabled = async (id: string, enabled: boolean) => {
    if (readSetting() !== enabled) {
      ownWrite = { value: enabled, recorded: false };
      try {
        await api.workspace.getConfiguration(section).update(key, enabled, target);
      } catch (error) {
        ownWrite = undefined;
        await postError(id, 'write-failed', describe(error));
        return postState(undefined, true); // the state as it really is
      }
      // The write landed; its configuration event may come before this, after it, or (another window) never.
      const actual = readSetting();
      if (actual === enabled && !ownWrite?.recorded) record('user');
      knownValue = actual;
      ownWrite = undefined;
    }
    return postState(id);
  };

  const setAccountLinked = async (id: string, linked: boolean) => {
    const accountLinked = options.accountLinked;
    if (!accountLinked) return postError(id, 'not-offered', ACCOUNT_LINK_NOT_OFFERED_MESSAGE);
    if ((await readAccountLinked()) !== linked) {
      try {
        await accountLinked.set(linked);
      } catch (error) {
        await postError(id, 'write-failed', describe(error));
        return postState(undefined, true);
      }
    }
    return postState(id);
  };

  const answerEvents = async (id: string, category: TelemetryCategory) => {
    if (!options.events) return postError(id, 'not-offered', EVENTS_NOT_OFFERED_MESSAGE);
    let source: unknown;
    try {
      source = await options.events(category);
    } catch (error) {
      log(`the event source failed for ${category}: ${describe(error)}`);
      return postError(id, 'events-failed', EVENTS_FAILED_MESSAGE);
    }
    if (!Array.isArray(source)) {
      log(`the event source gave ${source === null ? 'null' : typeof source} for ${category}, not an array`);
      return postError(id, 'events-failed', EVENTS_FAILED_MESSAGE);
    }
    const { events, dropped, trimmed } = sanitizeEvents(source, category);
    // One line per reply, not one per event: a broken source must not flood the log.
    if (dropped > 0) log(`dropped ${dropped} malformed event(s) of ${category} from the event source`);
    if (trimmed > 0) log(`cut the fields of ${trimmed} event(s) of ${category} to ${MAX_EVENT_FIELDS}`);
    return post({ type: 'telemetry/events', protocol: PROTOCOL_VERSION, inReplyTo: id, events });
  };

  const open = (linkTarget: LinkTarget) => {
    const url = links.get(linkTarget);
    if (!url || !api.env.openExternal || !api.Uri) return log(`dropped a request to open ${linkTarget}: not offered`);
    // Checked just above; called as methods, on their own objects.
    startAndLog(() => api.env.openExternal!(api.Uri!.parse(url)), `open ${linkTarget}`);
  };

  const handle = async (message: Exclude<WebviewMessage, { type: 'telemetry/open' }>) => {
    switch (message.type) {
      case 'telemetry/hello':
      case 'telemetry/get':
        return postState(message.id);
      case 'telemetry/events':
        return answerEvents(message.id, message.category);
      case 'telemetry/set':
        // Policy locks both switches.
        if (readManagedBy()) return postError(message.id, 'locked', options.lockedMessage ?? DEFAULT_LOCKED_MESSAGE);
        return message.accountLinked === undefined
          ? setEnabled(message.id, message.enabled)
          : setAccountLinked(message.id, message.accountLinked);
    }
  };

  /** Runs `work` after everything before it, so that replies leave in the order requests came. */
  const enqueue = (work: () => Promise<void>, what: string) => {
    queue = queue.then(work).catch((error) => log(`could not ${what}: ${describe(error)}`));
  };

  const receive = (message: unknown) => {
    if (disposed) return;
    if (isWebviewMessage(message)) {
      // Not queued: it has no reply, and openExternal may wait on the user's confirmation, which must not hold up sets.
      if (message.type === 'telemetry/open') return open(message.target);
      return enqueue(() => handle(message), `answer ${message.type}`);
    }
    const id = isPlainObject(message) && Object.hasOwn(message, 'id') ? replyableId(message.id) : undefined;
    if (id) enqueue(() => postError(id, 'bad-request', badRequestText(message)), 'answer a malformed request');
    else log('dropped a malformed message from the webview');
  };

  const push = () => {
    if (!disposed) enqueue(() => postState(), 'push the state');
  };

  const configurationChanged = () => {
    const value = readSetting();
    if (value !== knownValue) {
      if (ownWrite && ownWrite.value === value) {
        if (!ownWrite.recorded) record('user');
        ownWrite.recorded = true;
      } else {
        record('settings-file');
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

/**
 * The events of `category` from an untrusted source, as the webview accepts them: malformed ones dropped, strings
 * clipped, `data` cut to MAX_EVENT_FIELDS fields, at most MAX_EVENTS, the most recent, oldest first.
 */
function sanitizeEvents(source: readonly unknown[], category: TelemetryCategory) {
  let dropped = 0;
  let trimmed = 0;
  const events: TelemetryEvent[] = [];
  for (const candidate of source) {
    const event = sanitizeEvent(candidate);
    if (!event) dropped++;
    else if (event.event.category === category) {
      events.push(event.event);
      if (event.trimmed) trimmed++;
    }
  }
  // Stable: events with the same time keep the source's order.
  events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return { events: events.slice(-MAX_EVENTS), dropped, trimmed };
}

function sanitizeEvent(value: unknown): { event: TelemetryEvent; trimmed: boolean } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const own = (name: string): unknown => (Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined);
  const time = own('time');
  const category = own('category');
  const name = own('name');
  const data = own('data');
  if (typeof time !== 'string' || time.length > MAX_STRING_LENGTH || Number.isNaN(Date.parse(time))) return undefined;
  if (typeof category !== 'string' || typeof name !== 'string' || name === '') return undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const fields: [string, string | number | boolean | null][] = [];
  for (const [field, fieldValue] of Object.entries(data)) {
    if (fieldValue === undefined) continue; // as JSON would: undefined is not sent
    if (field.length > MAX_STRING_LENGTH) return undefined;
    if (typeof fieldValue === 'string') fields.push([field, fieldValue.slice(0, MAX_STRING_LENGTH)]);
    else if (fieldValue === null || typeof fieldValue === 'boolean' || Number.isFinite(fieldValue)) {
      fields.push([field, fieldValue as number | boolean | null]);
    } else return undefined; // nested objects, NaN, functions: not what the protocol's flat data can show
  }
  return {
    event: {
      time: new Date(Date.parse(time)).toISOString(),
      category: category as TelemetryCategory,
      name: name.slice(0, MAX_STRING_LENGTH),
      // fromEntries defines own properties, so a "__proto__" field stays a field.
      data: Object.fromEntries(fields.slice(0, MAX_EVENT_FIELDS)),
    },
    trimmed: fields.length > MAX_EVENT_FIELDS,
  };
}

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
