/**
 * The consent gate: the `TelemetrySender` an extension passes to `vscode.env.createTelemetryLogger`. It lets an event
 * through only when the setting, the editor's level, the event's declared data type and its declared fields allow it,
 * decided at each send from the live configuration. With `upload` and `storage` it owns the road out: what it let
 * through waits in an outbox on disk, is checked again before each upload and purged the moment consent is withdrawn,
 * and what the collector accepted is kept in the sent log that "Show what was sent" reads. With `sender` it hands
 * events to a sender that keeps its own queue, which it cannot purge.
 */
import type * as vscode from 'vscode';
import { fitEvent } from '../protocol/events.js';
import {
  TELEMETRY_CATEGORIES,
  isTelemetryCategory,
  type TelemetryAccount,
  type TelemetryCategory,
  type TelemetryEvent,
  SENT_COUNT_DAYS,
  type SentCount,
} from '../protocol/protocol.js';
import { isFlatValue } from '../protocol/values.js';
import { createLog, describe, type Log } from './log.js';
import type { TelemetryAccountLinkOption, TelemetryEventSource, TelemetryHostVsCode } from './options.js';
import { Outbox, type TelemetryUpload } from './outbox.js';
import type { QueuedEvent } from './outbox-queue.js';
import { DEFAULT_RETENTION_BYTES, DEFAULT_RETENTION_DAYS } from './sent-log.js';
import { DEFAULT_KEY, DEFAULT_SECTION, readTelemetrySetting } from './setting.js';
import { isDoNotTrack, type TelemetryEnvironment } from './do-not-track.js';
import { isNoticeAnswered } from './telemetry-notice.js';
import { levelAllows, readEditorTelemetryLevel } from './telemetry-level.js';

export type { TelemetryUpload };
export { DEFAULT_RETENTION_BYTES, DEFAULT_RETENTION_DAYS };

/**
 * The properties VS Code 1.100's `TelemetryLogger` adds to every event (`getBuiltInCommonProperties` in
 * extHostTelemetry.ts). The gate lets exactly these through on every declared data type and keeps them in what it
 * records, so that "Show what was sent" shows them; any other `common.*` field is dropped like an undeclared one.
 */
export const VSCODE_COMMON_PROPERTIES = [
  'common.extname',
  'common.extversion',
  'common.vscodemachineid',
  'common.vscodesessionid',
  'common.vscodecommithash',
  'common.sqmid',
  'common.devDeviceId',
  'common.vscodeversion',
  'common.isnewappinstall',
  'common.product',
  'common.uikind',
  'common.remotename',
] as const;

/** The fields that name the user; sent only while the account switch is on and the user is signed in. */
export const IDENTITY_FIELDS = ['loginName', 'email'] as const;

/** What replaces the account's login name and email in every string of an event while identity may not go. */
export const ACCOUNT_PLACEHOLDER = '<account>';

/** The name of the one event a switch to off uploads with `deletionRequest` (data type `system`). */
export const DELETION_REQUEST_EVENT = 'deletion-request';

export const DEFAULT_GATE_CAPACITY = 200;
export const DEFAULT_BATCH_INTERVAL = 30_000;
export const DEFAULT_BATCH_MAX_EVENTS = 100;
export const DEFAULT_UPLOAD_RETRY = { attempts: 5, delay: 1000, maxDelay: 60_000 } as const;
export const DEFAULT_UPLOAD_TIMEOUT = 30_000;

/** The parts of the `vscode` module the gate uses; pass the module itself. */
export type TelemetryGateVsCode = Pick<TelemetryHostVsCode, 'workspace' | 'env'> & {
  env: Partial<Pick<typeof vscode.env, 'createTelemetryLogger' | 'machineId'>>;
};

/** What one data type may carry: the names of its fields. An error report's message and stack are `error.message` and `error.stack`. */
export interface TelemetryDataTypeDeclaration {
  fields: readonly string[];
}

/** The account switch as the gate and the adapter both read it; `set` is needed for the panel to change it. */
export type TelemetryGateAccountLink = Pick<TelemetryAccountLinkOption, 'get'> & Partial<Pick<TelemetryAccountLinkOption, 'set' | 'onDidChange'>>;

export interface TelemetryGateOptions {
  vscode: TelemetryGateVsCode;
  /**
   * The team's transport, with `storage`: called with a batch of events exactly as the sent log keeps them; resolve
   * once the collector accepted them, reject when it did not. Past `uploadTimeout` the `signal` asks it to stop.
   */
  upload?: TelemetryUpload;
  /** The folder of the outbox's queue and the sent log: `context.globalStorageUri.fsPath`. Needed with `upload`. */
  storage?: string;
  /** When a batch goes: every `interval` ms (default 30 000) and at once when `maxEvents` wait (default 100). */
  batch?: { interval?: number; maxEvents?: number };
  /** A failed upload is tried `attempts` times in all, waiting `delay` ms, doubled each time up to `maxDelay`. */
  retry?: { attempts?: number; delay?: number; maxDelay?: number };
  /** How long one upload may take before it counts as failed, in ms. Default 30 000. */
  uploadTimeout?: number;
  /** How long the sent log keeps events and how large it may grow. Default 90 days and 10 MiB; the oldest go first. */
  retention?: { days?: number; bytes?: number };
  /**
   * A switch from on to off uploads one `deletion-request` event carrying only the machine id and the time, retried
   * until delivered, across restarts. Default false.
   */
  deletionRequest?: boolean;
  /** The anonymous machine id a deletion request carries. Default `vscode.env.machineId`. */
  machineId?: string;
  /**
   * The sender that really transmits, for an editor that keeps its own (instead of `upload`). It sees only what the
   * gate lets through, but what it queued before a switch to off is its own: the gate cannot take it back.
   */
  sender?: vscode.TelemetrySender;
  /** The setting, as the panel reads it: the same `section` and `key` as `connectTelemetryHost`'s. */
  section?: string;
  key?: string;
  /**
   * The fields each data type may carry. A data type left out carries nothing: its events are dropped whole. A key
   * that is not one of the five data types throws.
   */
  dataTypes: Partial<Record<TelemetryCategory, TelemetryDataTypeDeclaration>>;
  /**
   * The data type of each event, by the name the code logs (without the `publisher.name/` VS Code puts in front). An
   * error report logged as an `Error` is named by its `name`. Default: the id before the name's first `/` or `.`,
   * `model-command/run` and `model-command.failed` are `model-command`. A name of no data type is dropped.
   */
  eventTypes?: Readonly<Record<string, TelemetryCategory>> | ((name: string) => TelemetryCategory | undefined);
  /**
   * Names logged with `logger.logError(name, data)`: VS Code hands those to `sendEventData` like usage, so the gate
   * must be told that they are error reports (allowed at level `error`). Any other name is held to the usage rule.
   */
  errorEvents?: readonly string[];
  /**
   * The signed-in account, or null when signed out; answered at once (a promise counts as signed out). The adapter
   * given this gate (`connectTelemetryHost({ gate })`) reads the same function.
   */
  account?: () => TelemetryAccount | null | undefined | Thenable<TelemetryAccount | null | undefined>;
  /** Fires when the signed-in account may have changed; the adapter given this gate listens too. */
  onDidChangeAccount?: vscode.Event<unknown>;
  /**
   * The account switch; without it identity goes whenever the user is signed in. The adapter given this gate shows
   * and sets the same switch (with `set`).
   */
  accountLinked?: TelemetryGateAccountLink;
  /** Fields that name the user. Default `loginName` and `email`. */
  identityFields?: readonly string[];
  /** The `common.*` properties the editor adds that may go. Default VS Code 1.100's (`VSCODE_COMMON_PROPERTIES`). */
  commonProperties?: readonly string[];
  /** With `sender` only: how many forwarded events are kept per data type, the oldest dropped first. Default 200. */
  capacity?: number;
  /** Where the gate reports what it dropped and what failed. Default `console.warn`. */
  log?: (message: string) => void;
  /** The clock for each event's `time` and the sent log's age. Default `new Date()`. */
  now?: () => Date;
  /** The extension host's environment: `DO_NOT_TRACK` set to `1` or `true` sends nothing. Default `process.env`. */
  env?: TelemetryEnvironment;
  /**
   * The memento `showTelemetryNotice` keeps its answer in (`context.globalState`). Until the notice is answered or
   * closed, the outbox uploads nothing: events wait in its queue (with `sender`, they are dropped).
   */
  notice?: Pick<vscode.Memento, 'get'>;
}

export interface TelemetryGate extends vscode.Disposable {
  /** The sender to pass to `vscode.env.createTelemetryLogger`. */
  readonly sender: vscode.TelemetrySender;
  /**
   * What was sent, per data type, oldest first: with `upload`, what the collector accepted, from the sent log; with
   * `sender`, what was handed to it. `connectTelemetryHost({ gate })` shows it.
   */
  readonly events: TelemetryEventSource;
  /** Fires with a data type whenever what was sent of it changed. */
  readonly onDidChangeEvents: (listener: (category: TelemetryCategory) => unknown) => vscode.Disposable;
  /** The account, its change event and the account switch, as given: the adapter reads these, not its own. */
  readonly account: TelemetryGateOptions['account'];
  readonly onDidChangeAccount: TelemetryGateOptions['onDidChangeAccount'];
  readonly accountLinked: TelemetryGateOptions['accountLinked'];
  /** Whether switching off asks the collector to delete what it holds from this machine. */
  readonly deletionRequest: boolean;
  /** Uploads what is queued, if allowed now, and resolves when done; with `sender`, its flush while allowed. */
  flush(): Promise<void>;
  /** Everything the sent log keeps, every data type, oldest first, as uploaded (with `sender`: what was handed on). */
  exportEvents(): TelemetryEvent[];
  /** Per data type, how many events were sent in the last 7 days and are kept in all (what `events` returns). */
  sentCounts(): Record<TelemetryCategory, SentCount>;
  /** `DO_NOT_TRACK` is set in the environment the gate read: it sends nothing. */
  readonly doNotTrack: boolean;
  /** A `notice` memento was given and the notice is not answered yet: nothing is uploaded. */
  readonly noticePending: boolean;
  /** Fires when the notice was answered. */
  readonly onDidChangeNotice: vscode.Event<void>;
  /** Called by `showTelemetryNotice` once the answer is kept: what consent allows is applied, then uploads resume. */
  noticeAnswered(): void;
  /** `vscode.env.createTelemetryLogger(gate.sender, options)`; disposed with the gate. */
  createLogger(options?: vscode.TelemetryLoggerOptions): vscode.TelemetryLogger;
}

type FieldValue = string | number | boolean | null;

const isThenable = (value: unknown): value is Thenable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/** VS Code's logger names an event `<publisher>.<name>/<event>`, the extension's id, which has no other dot or slash. */
const LOGGER_PREFIX = /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*\//i;

/**
 * The default rule: an event's data type is the id before its first `/` (`model-command/run`) or `.`
 * (`model-command.failed`: VS Code redacts an error's name with a slash in it as a path, so errors use the dot).
 * Whether that is a data type at all is checked with every other rule's answer.
 */
const byPrefix = (name: string): string | undefined => /^[^/.]*(?=[/.])/.exec(name)?.[0];

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Throws on a `dataTypes` key that is not a data type: a misspelt one would silently send nothing of its kind. */
function checkDataTypes(dataTypes: unknown): void {
  if (typeof dataTypes !== 'object' || dataTypes === null) throw new TypeError('createTelemetryGate needs dataTypes: the fields each data type may carry.');
  for (const key of Object.keys(dataTypes)) {
    if (isTelemetryCategory(key)) continue;
    const nearest = [...TELEMETRY_CATEGORIES].sort((a, b) => distance(key, a) - distance(key, b))[0];
    throw new TypeError(
      `dataTypes has "${key}", which is not a data type. The data types are ${TELEMETRY_CATEGORIES.join(', ')}; did you mean ${nearest}?`,
    );
  }
}

const positive = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createTelemetryGate(options: TelemetryGateOptions): TelemetryGate {
  const log: Log = createLog(options, 'telemetry-gate');
  checkDataTypes(options.dataTypes);
  const upload = options.upload;
  if (upload !== undefined && typeof upload !== 'function') throw new TypeError('createTelemetryGate: upload must be a function.');
  if (upload && options.sender) throw new TypeError('createTelemetryGate takes upload or sender, not both: only one of them may be the road out.');
  if (!upload && !options.sender) throw new TypeError('createTelemetryGate needs upload (with storage) or sender.');
  if (upload && (typeof options.storage !== 'string' || options.storage === '')) {
    throw new TypeError('createTelemetryGate needs storage, a folder, with upload: context.globalStorageUri.fsPath.');
  }
  const api = options.vscode;
  const inner = options.sender;
  const section = options.section ?? DEFAULT_SECTION;
  const key = options.key ?? DEFAULT_KEY;
  const capacity =
    options.capacity !== undefined && Number.isInteger(options.capacity) && options.capacity > 0
      ? options.capacity
      : DEFAULT_GATE_CAPACITY;
  const errorEvents = new Set(options.errorEvents ?? []);
  const identityFields = new Set(options.identityFields ?? IDENTITY_FIELDS);
  const commonProperties = new Set(options.commonProperties ?? VSCODE_COMMON_PROPERTIES);
  const eventTypes = options.eventTypes;
  const now = options.now ?? (() => new Date());
  // Read once: an extension host's environment does not change while it runs.
  const doNotTrack = isDoNotTrack(options.env);
  if (doNotTrack) log('DO_NOT_TRACK is set in the environment: the gate sends nothing');
  const noticeListeners = new Set<() => unknown>();
  /** Whether the notice is still to be answered; a memento that cannot be read counts as not answered. */
  const noticePending = (): boolean => {
    if (!options.notice) return false;
    try {
      return !isNoticeAnswered(options.notice);
    } catch (error) {
      log(`could not read whether the telemetry notice was answered, so nothing is uploaded: ${describe(error)}`);
      return true;
    }
  };
  /** Nothing may leave now, whatever else allows it. */
  const held = () => doNotTrack || noticePending();
  const recorded = new Map<TelemetryCategory, TelemetryEvent[]>(TELEMETRY_CATEGORIES.map((category) => [category, []]));
  const loggers: vscode.TelemetryLogger[] = [];
  const listeners = new Set<(category: TelemetryCategory) => unknown>();
  const undeclaredLogged = new Set<string>();
  /** Every account seen signed in during this session: its strings are scrubbed while identity may not go. */
  const accountsSeen = new Map<string, TelemetryAccount>();
  let disposed = false;

  const eventsChanged = (categories: Iterable<TelemetryCategory>) => {
    for (const category of categories) {
      for (const listener of [...listeners]) {
        try {
          listener(category);
        } catch (error) {
          log(`a listener of onDidChangeEvents failed: ${describe(error)}`);
        }
      }
    }
  };

  const dataTypeOf = (name: string): TelemetryCategory | undefined => {
    let category: unknown;
    try {
      category = typeof eventTypes === 'function' ? eventTypes(name) : eventTypes ? Object.hasOwn(eventTypes, name) && eventTypes[name] : byPrefix(name);
    } catch (error) {
      log(`could not tell the data type of ${name}: ${describe(error)}`);
      return undefined;
    }
    return isTelemetryCategory(category) && Object.hasOwn(options.dataTypes, category) ? category : undefined;
  };

  /** Whether the setting is on, read as the panel reads it; a setting that cannot be read is off. */
  const settingOn = (): boolean => {
    if (doNotTrack) return false;
    try {
      return readTelemetrySetting(api.workspace.getConfiguration(section), key);
    } catch (error) {
      log(`could not read the setting ${section}.${key}, sent nothing: ${describe(error)}`);
      return false;
    }
  };

  /** Whether data of `kind` may leave now: the setting and the editor's level, read at this moment. */
  const allowed = (kind: 'usage' | 'error'): boolean => settingOn() && levelAllows(readEditorTelemetryLevel(api), kind);

  /** The signed-in account now, or null: signed out, or an answer that is not at once. */
  const readAccount = (): TelemetryAccount | null => {
    const account: unknown = options.account?.();
    if (isThenable(account)) {
      log('the signed-in account answered with a promise; sent no account details');
      return null;
    }
    if (typeof account !== 'object' || account === null) return null;
    const { loginName, email } = account as Partial<TelemetryAccount>;
    const known = { loginName: typeof loginName === 'string' ? loginName : '', email: typeof email === 'string' ? email : '' };
    accountsSeen.set(`${known.loginName}\n${known.email}`, known);
    return known;
  };

  /** Whether the user's login name and email may go now: signed in, and the account switch on (or not offered). */
  const identityAllowed = (): boolean => {
    try {
      if (!readAccount()) return false;
      if (!options.accountLinked) return true;
      const linked: unknown = options.accountLinked.get();
      if (isThenable(linked)) log('the account switch answered with a promise; sent no account details');
      return linked === true;
    } catch (error) {
      log(`could not read the account or its switch, sent no account details: ${describe(error)}`);
      return false;
    }
  };

  /** The account's login name and email wherever they appear in `text`, for each account seen. */
  const accountPattern = (): RegExp | undefined => {
    try {
      readAccount();
    } catch {
      // The accounts seen before still count.
    }
    const words = [...accountsSeen.values()]
      .flatMap((account) => [account.email, account.loginName])
      .filter((word) => word.length > 0)
      // The longer first, so that an email is replaced whole before the login name inside it.
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    // Not inside a longer word: login name "ada" leaves "adapter" alone.
    return words.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  };

  /** The fields of `data` that `category` may carry now, and the names of those dropped. */
  const filter = (category: TelemetryCategory, data: unknown, identity: boolean, extra: Record<string, unknown> = {}) => {
    const declared = new Set(options.dataTypes[category]?.fields ?? []);
    const kept: Record<string, FieldValue> = {};
    const dropped: string[] = [];
    const source: Record<string, unknown> = typeof data === 'object' && data !== null ? { ...(data as object), ...extra } : { ...extra };
    for (const [field, value] of Object.entries(source)) {
      if (value === undefined) continue; // carries nothing: JSON leaves it out too
      const common = field.startsWith('common.');
      let ok = common ? commonProperties.has(field) : declared.has(field);
      if (ok && !common && identityFields.has(field)) ok = identity;
      if (ok && !isFlatValue(value)) ok = false;
      if (ok) kept[field] = value as FieldValue;
      else dropped.push(field);
    }
    return { kept, dropped };
  };

  /**
   * The event as it will leave: the account's strings replaced while identity may not go, then fitted to what the
   * panel can show (the protocol's one rule), so the record and the upload are the same bytes.
   */
  const prepare = (category: TelemetryCategory, name: string, kept: Record<string, FieldValue>, identity: boolean) => {
    let carriesIdentity = false;
    const pattern = accountPattern();
    const scrub = (text: string): string => {
      if (!pattern) return text;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) return text;
      if (identity) {
        carriesIdentity = true;
        return text;
      }
      return text.replace(pattern, ACCOUNT_PLACEHOLDER);
    };
    const data: Record<string, FieldValue> = {};
    for (const [field, value] of Object.entries(kept)) {
      data[field] = typeof value === 'string' ? scrub(value) : value;
      if (identity && identityFields.has(field)) carriesIdentity = true;
    }
    const fitted = fitEvent({ time: now().toISOString(), category, name: scrub(name), data });
    if (!fitted) {
      log(`dropped ${JSON.stringify(name.slice(0, 80))}: the panel could not show it (an event needs a name)`);
      return undefined;
    }
    if (fitted.trimmed) log(`cut ${name} to the protocol's fields per event before sending it`);
    if (fitted.shrunk) log(`cut the strings of ${name} to fit the protocol before sending it`);
    return { event: fitted.event, identity: carriesIdentity };
  };

  const record = (event: TelemetryEvent) => {
    const events = recorded.get(event.category)!;
    events.push({ ...event, data: { ...event.data } });
    if (events.length > capacity) events.splice(0, events.length - capacity);
    eventsChanged([event.category]);
  };

  /** Whether `event` names an account seen (the signed-in one included) in any of its strings. */
  const mentionsAccount = (event: TelemetryEvent): boolean => {
    const pattern = accountPattern();
    if (!pattern) return false;
    return [event.name, ...Object.keys(event.data), ...Object.values(event.data)].some((value) => {
      if (typeof value !== 'string') return false;
      pattern.lastIndex = 0;
      return pattern.test(value);
    });
  };

  /**
   * Whether a queued event may still go: checked before every upload and at every purge. One that names the account
   * goes only while identity may (an account signed in after it was logged included).
   */
  const stillAllowed = (entry: QueuedEvent): boolean =>
    allowed(entry.kind) && (identityAllowed() || (!entry.identity && !mentionsAccount(entry.event)));

  const outbox = upload
    ? new Outbox({
        folder: options.storage!,
        upload,
        interval: positive(options.batch?.interval, DEFAULT_BATCH_INTERVAL),
        maxEvents: Math.floor(positive(options.batch?.maxEvents, DEFAULT_BATCH_MAX_EVENTS)),
        retry: {
          attempts: Math.floor(positive(options.retry?.attempts, DEFAULT_UPLOAD_RETRY.attempts)),
          delay: positive(options.retry?.delay, DEFAULT_UPLOAD_RETRY.delay),
          maxDelay: positive(options.retry?.maxDelay, DEFAULT_UPLOAD_RETRY.maxDelay),
        },
        timeout: positive(options.uploadTimeout, DEFAULT_UPLOAD_TIMEOUT),
        retention: {
          days: positive(options.retention?.days, DEFAULT_RETENTION_DAYS),
          bytes: positive(options.retention?.bytes, DEFAULT_RETENTION_BYTES),
        },
        allowed: stillAllowed,
        held,
        now,
        log,
        sentChanged: eventsChanged,
      })
    : undefined;

  const deletionRequest = options.deletionRequest === true && outbox !== undefined;
  if (options.deletionRequest === true && !outbox) log('deletionRequest needs upload and storage; no deletion request will be sent');

  /** What consent allowed when last looked at: a permission that went away purges the outbox at once. */
  let consent = { usage: false, error: false, identity: false };
  const reconsider = () => {
    if (!outbox) return;
    const enabled = settingOn();
    const next = { usage: allowed('usage'), error: allowed('error'), identity: identityAllowed() };
    const lost = (Object.keys(next) as (keyof typeof next)[]).some((kind) => consent[kind] && !next[kind]);
    consent = next;
    if (lost) outbox.purge();
    // Disposed, it only purges, until its last batch under way is done.
    if (disposed) return;
    // Under DO_NOT_TRACK nothing goes, a deletion request neither, and the setting's own value is not known here.
    if (doNotTrack) return;
    if (deletionRequest && outbox.lastEnabled === true && !enabled) {
      let machineId = options.machineId ?? api.env.machineId;
      if (typeof machineId !== 'string' || machineId === '') machineId = 'unknown';
      outbox.requestDeletion({ time: now().toISOString(), category: 'system', name: DELETION_REQUEST_EVENT, data: { machineId } });
    }
    outbox.lastEnabled = enabled;
  };
  const guardedReconsider = () => {
    try {
      reconsider();
    } catch (error) {
      log(`could not apply a change of consent to the outbox: ${describe(error)}`);
    }
  };

  const subscriptions: (vscode.Disposable | undefined)[] = [];
  if (outbox) {
    // At start, what an earlier session queued goes only if consent still holds now.
    outbox.purge();
    guardedReconsider();
    outbox.resume();
    subscriptions.push(
      api.workspace.onDidChangeConfiguration(guardedReconsider),
      api.env.onDidChangeTelemetryEnabled(guardedReconsider),
      options.onDidChangeAccount?.(guardedReconsider),
      options.accountLinked?.onDidChange?.(guardedReconsider),
    );
  }

  /** Nothing the gate does may throw into the code that logs: a failure is logged and the event not sent. */
  const guarded = (what: string, send: () => void) => {
    try {
      send();
    } catch (error) {
      log(`could not send ${what}, sent nothing: ${describe(error)}`);
    }
  };

  const dropUndeclared = (name: string, what: string) => {
    if (undeclaredLogged.has(name)) return;
    undeclaredLogged.add(name);
    log(`dropped ${what}: it belongs to no declared data type (logged once for this name)`);
  };

  /** Queues (outbox) or hands on (sender) an event that passed the rules. */
  const release = (kind: 'usage' | 'error', prepared: { event: TelemetryEvent; identity: boolean }, hand: (event: TelemetryEvent) => void) => {
    if (outbox) {
      // While the notice waits, the event waits in the queue: it is checked again before it leaves.
      outbox.add({ kind, identity: prepared.identity, event: prepared.event });
      return;
    }
    if (noticePending()) {
      log(`dropped ${prepared.event.name}: the telemetry notice is not answered yet, and the sender cannot hold it`);
      return;
    }
    record(prepared.event);
    try {
      hand({ ...prepared.event, data: { ...prepared.event.data } });
    } catch (error) {
      log(`the telemetry sender failed on ${prepared.event.name}: ${describe(error)}`);
    }
  };

  /** The rules, for an event `sendEventData` is handed. */
  const sendEvent = (eventName: unknown, data: unknown) => {
    if (disposed || typeof eventName !== 'string') return;
    reconsider();
    const name = eventName.replace(LOGGER_PREFIX, '');
    const kind = errorEvents.has(name) ? 'error' : 'usage';
    if (!allowed(kind)) return;
    const category = dataTypeOf(name);
    if (!category) return dropUndeclared(eventName, eventName.slice(0, 200));
    const identity = identityAllowed();
    const { kept, dropped } = filter(category, data, identity);
    if (dropped.length > 0) log(`dropped field(s) ${dropped.join(', ')} of ${eventName}: not declared for ${category}, or not allowed now`);
    const prepared = prepare(category, eventName, kept, identity);
    if (prepared) release(kind, prepared, (event) => inner!.sendEventData(event.name, event.data));
  };

  /** The same rules for an error report; its message and stack leave as its fields `error.message` and `error.stack`. */
  const sendError = (error: unknown, data: unknown) => {
    if (disposed) return;
    reconsider();
    if (!allowed('error')) return;
    const name = error instanceof Error && typeof error.name === 'string' ? error.name : '';
    const category = dataTypeOf(name);
    if (!category) return dropUndeclared(name, `an error report named ${JSON.stringify(name.slice(0, 80))}`);
    const identity = identityAllowed();
    // The message and the stack leave with the error: they are fields the data type must declare.
    const { kept, dropped } = filter(category, data, identity, {
      'error.message': (error as Error).message,
      'error.stack': (error as Error).stack,
    });
    if (dropped.length > 0) log(`dropped field(s) ${dropped.join(', ')} of the error report ${name}: not declared for ${category}, or not allowed now`);
    const prepared = prepare(category, name, kept, identity);
    if (!prepared) return;
    release('error', prepared, (event) => {
      const { 'error.message': message, 'error.stack': stack, ...fields } = event.data;
      const handed = new Error(typeof message === 'string' ? message : '');
      handed.name = event.name;
      handed.stack = typeof stack === 'string' ? stack : undefined;
      inner!.sendErrorData(handed, fields);
    });
  };

  /** With `sender`: its flush only while something may go, since what it flushes was queued before any switch. */
  const flushSender = (): Promise<void> => {
    if (!inner?.flush || noticePending()) return Promise.resolve();
    if (!allowed('usage') && !allowed('error')) {
      log('did not flush the telemetry sender: telemetry is off, and what it holds was queued before');
      return Promise.resolve();
    }
    try {
      return Promise.resolve(inner.flush()).then(undefined, (error: unknown) => log(`the telemetry sender failed to flush: ${describe(error)}`));
    } catch (error) {
      log(`the telemetry sender failed to flush: ${describe(error)}`);
      return Promise.resolve();
    }
  };

  const flush = (): Promise<void> => {
    if (!outbox) return flushSender();
    guardedReconsider();
    return outbox.flush().then(undefined, (error: unknown) => log(`could not upload the queued telemetry: ${describe(error)}`));
  };

  const sender: vscode.TelemetrySender = {
    sendEventData(eventName, data) {
      guarded('an event', () => sendEvent(eventName, data));
    },

    sendErrorData(error, data) {
      guarded('an error report', () => sendError(error, data));
    },

    flush() {
      return flush();
    },
  };

  const readSent = (category: TelemetryCategory): TelemetryEvent[] => {
    if (outbox) return outbox.sentLog.read(category);
    return (recorded.get(category) ?? []).map((event) => ({ ...event, data: { ...event.data } }));
  };

  const sentCounts = (): Record<TelemetryCategory, SentCount> => {
    const since = new Date(now().getTime() - SENT_COUNT_DAYS * 24 * 60 * 60 * 1000);
    if (outbox) return outbox.sentLog.counts(since);
    return Object.fromEntries(
      TELEMETRY_CATEGORIES.map((category) => {
        const events = recorded.get(category) ?? [];
        return [category, { lastWeek: events.filter((event) => Date.parse(event.time) >= since.getTime()).length, kept: events.length }];
      }),
    ) as Record<TelemetryCategory, SentCount>;
  };

  const exportEvents = (): TelemetryEvent[] => {
    if (outbox) return outbox.sentLog.readAll();
    return [...recorded.values()]
      .flat()
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time))
      .map((event) => ({ ...event, data: { ...event.data } }));
  };

  return {
    sender,
    sentCounts,
    exportEvents,
    // Still readable after dispose: what was sent stays sent.
    events: readSent,
    onDidChangeEvents(listener) {
      listeners.add(listener);
      return { dispose: () => void listeners.delete(listener) };
    },
    account: options.account,
    onDidChangeAccount: options.onDidChangeAccount,
    accountLinked: options.accountLinked,
    deletionRequest,
    flush,
    doNotTrack,
    get noticePending() {
      return noticePending();
    },
    onDidChangeNotice(listener) {
      noticeListeners.add(listener);
      return { dispose: () => void noticeListeners.delete(listener) };
    },
    noticeAnswered() {
      if (disposed || noticePending()) return;
      // Turn Off wrote the setting off: what waited is purged before anything may go.
      guardedReconsider();
      outbox?.resume();
      for (const listener of [...noticeListeners]) {
        try {
          listener();
        } catch (error) {
          log(`a listener of onDidChangeNotice failed: ${describe(error)}`);
        }
      }
    },
    createLogger(loggerOptions) {
      const create = api.env.createTelemetryLogger;
      if (!create) throw new Error('this editor has no vscode.env.createTelemetryLogger');
      const logger = create(sender, loggerOptions);
      loggers.push(logger);
      return logger;
    },
    dispose() {
      if (disposed) return;
      // The loggers flush as they go (VS Code calls the sender's flush), under the same rules.
      for (const logger of loggers.splice(0)) {
        try {
          logger.dispose();
        } catch (error) {
          log(`could not dispose a telemetry logger: ${describe(error)}`);
        }
      }
      disposed = true;
      const stopListening = () => {
        for (const subscription of subscriptions) subscription?.dispose();
      };
      if (outbox) void outbox.dispose().then(stopListening);
      else stopListening();
    },
  };
}
