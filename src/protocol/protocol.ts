/**
 * Wire protocol v1 between the telemetry settings webview and the editor's extension host.
 * docs/protocol.md is the prose version of this file; keep the two in step.
 */

import { isPlainObject, shape, type Check } from './shape.js';
import { isId, isShortString, MAX_STRING_LENGTH } from './values.js';

export { isPlainObject, MAX_STRING_LENGTH };

export const PROTOCOL_VERSION = 1;

export type ManagedBy = 'policy';

/**
 * The id of the `<script type="application/json">` element in which a host may embed a state message in the page, so
 * that the panel's first frame shows it (docs/protocol.md, "The embedded first state").
 */
export const INITIAL_STATE_ELEMENT_ID = 'cs-telemetry-state';

/** The most events a `telemetry/events` reply may carry; hosts send the most recent ones. */
export const MAX_EVENTS = 1000;

/** The most fields one event's `data` may hold. */
export const MAX_EVENT_FIELDS = 64;

/** The longest a `telemetry/events` reply's `events` may be, as JSON text (256 KiB): hosts drop the oldest to fit. */
export const MAX_EVENTS_JSON_LENGTH = 256 * 1024;

/** Stable ids of the five kinds of data collected, in the order the settings page lists them. */
export const TELEMETRY_CATEGORIES = ['system', 'model-command', 'tokens', 'autocomplete', 'account'] as const;
export type TelemetryCategory = (typeof TELEMETRY_CATEGORIES)[number];

/** What last changed the setting: the panel, settings.json or the Settings editor, a policy, or nothing yet (the default). */
export const CHANGED_BY = ['user', 'settings-file', 'policy', 'default'] as const;
export type ChangedBy = (typeof CHANGED_BY)[number];

/**
 * The editor's own telemetry level (VS Code's `telemetry.telemetryLevel`), least to most: nothing, crash reports only,
 * errors and crashes, everything. What Code Studio may send follows it: usage data only at `all`, error reports at
 * `error` or `all`, nothing at `crash` or `off`.
 */
export const EDITOR_TELEMETRY_LEVELS = ['off', 'crash', 'error', 'all'] as const;
export type EditorTelemetryLevel = (typeof EDITOR_TELEMETRY_LEVELS)[number];

/** Whether data of a kind may leave at `level`: usage needs `all`; error reports need `error` or `all`. */
export function levelAllows(level: EditorTelemetryLevel, kind: 'usage' | 'error'): boolean {
  return EDITOR_TELEMETRY_LEVELS.indexOf(level) >= EDITOR_TELEMETRY_LEVELS.indexOf(kind === 'usage' ? 'all' : 'error');
}

/** Links the host can open in the user's browser for the panel; the webview itself never navigates. */
export const LINK_TARGETS = ['privacy-statement', 'how-telemetry-works'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

/**
 * Optional extensions of protocol v1 a host offers, listed in `state.offers`: `events` answers `telemetry/events`;
 * a link target is opened on `telemetry/open`; `deletion-request`: switching off also asks Code Studio to delete what
 * it collected from this machine. Unknown entries are ignored.
 */
export type TelemetryOffer = 'events' | LinkTarget | 'deletion-request' | 'export';

/** Where settings.json holds a value of the setting: the user's file, the workspace's or a folder's. */
export const SETTING_SCOPES = ['user', 'workspace', 'workspaceFolder'] as const;
export type SettingScope = (typeof SETTING_SCOPES)[number];

export interface TelemetryAccount {
  loginName: string;
  email: string;
}

/** How many events of one data type the sent log holds: sent in the last 7 days, and kept in all. */
export interface SentCount {
  lastWeek: number;
  kept: number;
}

/** The days `SentCount.lastWeek` counts back from now. */
export const SENT_COUNT_DAYS = 7;

/** The whole truth about the setting, as the host sees it. */
export interface TelemetryState {
  /** The setting itself: Allow Anonymous Telemetry. */
  enabled: boolean;
  /** False when the editor-wide telemetry is off, so nothing is sent whatever `enabled` says. */
  editorTelemetryEnabled?: boolean;
  /**
   * Extension: the editor's telemetry level, which says what may be sent while `enabled` is on. When present it
   * decides and `editorTelemetryEnabled` is there for older webviews (false exactly at `crash` and `off`).
   */
  editorTelemetryLevel?: EditorTelemetryLevel;
  /** Set when an organisation's policy fixes the setting; the switch is then disabled. */
  managedBy?: ManagedBy | null;
  /** The signed-in account whose login name and email are attached, or null when signed out. */
  account?: TelemetryAccount | null;
  /** When the setting last changed, as an ISO 8601 time. */
  changedAt?: string | null;
  /** Extension: what made the last change. */
  changedBy?: ChangedBy | null;
  /**
   * Extension: whether the signed-in account's login name and email are sent with telemetry. Present only when the
   * host lets the user choose; the panel then shows a switch for it.
   */
  accountLinked?: boolean;
  /** Extension: the editor's display language (BCP 47, e.g. `ja` or `de-CH`); the panel speaks it when it can. */
  locale?: string;
  /** Extension: what this host offers beyond the base protocol (see `TelemetryOffer`). */
  offers?: string[];
  /**
   * Extension: the scope whose settings.json holds a value of the setting that is not true or false. Such a value
   * counts as off (`enabled` is false), and the panel says that it is not valid and where it is.
   */
  invalidSetting?: SettingScope;
  /**
   * Extension: the extension host's environment sets `DO_NOT_TRACK` (`1` or `true`), so nothing is sent whatever
   * `enabled` says. Present only when true.
   */
  doNotTrack?: boolean;
  /** Extension: the first-run notice about telemetry is not answered yet, so nothing is sent until it is. Present only when true. */
  noticePending?: boolean;
  /**
   * Extension: per data type, how many events the sent log holds (what the collector accepted): in the last 7 days
   * and in all. Pushed again whenever the sent log changes.
   */
  sentCounts?: Partial<Record<TelemetryCategory, SentCount>>;
}

/** One telemetry event as it was sent: its fields are shown to the user as text. */
export interface TelemetryEvent {
  /** When it was sent, as an ISO 8601 time. */
  time: string;
  category: TelemetryCategory;
  /** The event's name, e.g. `autocomplete/accepted`. */
  name: string;
  /** The fields sent, flat: strings, finite numbers, booleans or null. */
  data: Record<string, string | number | boolean | null>;
}

/** What a page knows of one category's recent events: asked for, answered, or failed (with the host's words). */
export interface TelemetryEventsEntry {
  status: 'loading' | 'ready' | 'error';
  events: readonly TelemetryEvent[];
  /** For `error`, and for `older: 'error'`: the host's words. */
  message: string;
  /** Older events than these are kept: the list offers to show them. */
  more?: boolean;
  /** A page of older events is being read (`loading`) or could not be (`error`); the events shown stay. */
  older?: 'loading' | 'error';
}

// webview → host

export interface HelloMessage {
  type: 'telemetry/hello';
  id: string;
  protocol: typeof PROTOCOL_VERSION;
}

export interface GetMessage {
  type: 'telemetry/get';
  id: string;
}

/** Sets the main switch (`enabled`) or, as an extension, the account switch (`accountLinked`): exactly one of them. */
export type SetMessage =
  | { type: 'telemetry/set'; id: string; enabled: boolean; accountLinked?: undefined }
  | { type: 'telemetry/set'; id: string; accountLinked: boolean; enabled?: undefined };

/** Extension (`offers` has `events`): the recent events of one category. */
export interface EventsRequestMessage {
  type: 'telemetry/events';
  id: string;
  category: TelemetryCategory;
  /** The page older than this cursor (the `before` of the previous reply); absent: the newest page. */
  before?: string;
  /** At most this many events (1 to MAX_EVENTS); absent: MAX_EVENTS. */
  limit?: number;
}

/**
 * Extension (`offers` has `export`): the host asks the user for a file (a save dialog) and writes the whole sent log
 * there as JSON, every data type, as uploaded. Answered `telemetry/exported`, or an error (`export-cancelled` when
 * no file was chosen, `export-failed`).
 */
export interface ExportRequestMessage {
  type: 'telemetry/export';
  id: string;
}

/** Extension (`offers` has the target): open a link in the user's browser. No reply. */
export interface OpenMessage {
  type: 'telemetry/open';
  target: LinkTarget;
}

export type WebviewMessage = HelloMessage | GetMessage | SetMessage | EventsRequestMessage | OpenMessage | ExportRequestMessage;

/** Every type of message a webview sends. */
export const WEBVIEW_MESSAGE_TYPES = [
  'telemetry/hello',
  'telemetry/get',
  'telemetry/set',
  'telemetry/events',
  'telemetry/open',
  'telemetry/export',
] as const satisfies readonly WebviewMessage['type'][];

// host → webview

export interface StateMessage {
  type: 'telemetry/state';
  protocol: typeof PROTOCOL_VERSION;
  /**
   * Extension: an opaque id of this host instance (one adapter's life). A new id starts a new count of `rev`, so a
   * host that restarted is never taken for a stale one.
   */
  instance?: string;
  /** Grows with each change on the host; a reply to a hello may start a new count. */
  rev: number;
  /** The id of the request this answers; absent when the host pushes a change unasked. */
  inReplyTo?: string;
  state: TelemetryState;
}

/**
 * Known error codes; hosts may send other short strings. `overridden`: the write landed but a workspace or folder
 * value still decides, so the effective setting did not change.
 */
export type TelemetryErrorCode = 'locked' | 'write-failed' | 'bad-request' | 'overridden' | (string & {});

export interface ErrorMessage {
  type: 'telemetry/error';
  protocol: typeof PROTOCOL_VERSION;
  /** Extension: the same host instance id as on `telemetry/state`. */
  instance?: string;
  inReplyTo: string;
  code: TelemetryErrorCode;
  message: string;
}

/** Extension: the reply to a `telemetry/events` request, oldest first. */
export interface EventsMessage {
  type: 'telemetry/events';
  protocol: typeof PROTOCOL_VERSION;
  inReplyTo: string;
  events: TelemetryEvent[];
  /** Whether older events exist than the oldest of this page. */
  more?: boolean;
  /** With `more`: the cursor to ask for the next, older page (`before` of the next request). */
  before?: string;
}

/**
 * Extension (`offers` has `events`): pushed, unasked, when the log of a category changed (an event was sent). A page
 * with that category's list open asks again.
 */
export interface EventsChangedMessage {
  type: 'telemetry/events-changed';
  protocol: typeof PROTOCOL_VERSION;
  category: TelemetryCategory;
}

export type HostMessage = StateMessage | ErrorMessage | EventsMessage | EventsChangedMessage;

/** Extension: the answer to `telemetry/export`: where the file was written, and how many events it holds. */
export interface ExportedMessage {
  type: 'telemetry/exported';
  protocol: typeof PROTOCOL_VERSION;
  inReplyTo: string;
  /** The file written, as the editor names it (a path). */
  file: string;
  count: number;
}

/** A host message of our family that speaks another protocol version. */
export interface ForeignProtocolMessage {
  type: HostMessage['type'];
  protocol: number;
}

// Guards. Every host message is untrusted: read own data properties only, never the prototype chain.

const isBoolean: Check = (value) => typeof value === 'boolean';
const nullOr =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);

const isAccount = shape({ loginName: isShortString, email: isShortString });
const isProtocolV1: Check = (value) => value === PROTOCOL_VERSION;
const oneOf =
  (values: readonly unknown[]): Check =>
  (value) =>
    values.includes(value);
/** A time as the protocol carries it: a short string that `Date.parse` reads. */
// The same rule as values.ts's parseTime, written out: the webview bundle then carries no parseTime (about 20 bytes).
export const isTime = (value: unknown): value is string => isShortString(value) && !Number.isNaN(Date.parse(value as string));
/** A BCP 47-shaped language tag, as VS Code's display languages are (`en`, `de-CH`, `zh-cn`, `qps-ploc`). */
export const isLocaleTag = (value: unknown): value is string =>
  isShortString(value) && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value as string);
export const isTelemetryCategory = oneOf(TELEMETRY_CATEGORIES) as (value: unknown) => value is TelemetryCategory;
const isCount: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
const isSentCount = shape({ lastWeek: isCount, kept: isCount });

export const isTelemetryState = shape(
  { enabled: isBoolean },
  {
    editorTelemetryEnabled: isBoolean,
    // Like every optional field, a value the protocol does not know makes the whole state malformed: it is ignored.
    editorTelemetryLevel: oneOf(EDITOR_TELEMETRY_LEVELS),
    managedBy: nullOr((value) => value === 'policy'),
    account: nullOr(isAccount),
    changedAt: nullOr(isTime),
    changedBy: nullOr(oneOf(CHANGED_BY)),
    accountLinked: isBoolean,
    locale: isLocaleTag,
    offers: (value) => Array.isArray(value) && value.length <= 64 && value.every(isShortString),
    invalidSetting: oneOf(SETTING_SCOPES),
    doNotTrack: isBoolean,
    noticePending: isBoolean,
    sentCounts: (value) =>
      isPlainObject(value) &&
      Object.entries(value).every(([category, count]) => isTelemetryCategory(category) && isSentCount(count)),
  },
) as (value: unknown) => value is TelemetryState;

export const isStateMessage = shape(
  {
    type: (value) => value === 'telemetry/state',
    protocol: isProtocolV1,
    rev: Number.isFinite as Check,
    state: isTelemetryState,
  },
  { inReplyTo: isId, instance: isId },
) as (value: unknown) => value is StateMessage;

export const isErrorMessage = shape(
  {
    type: (value) => value === 'telemetry/error',
    protocol: isProtocolV1,
    inReplyTo: isId,
    code: isId,
    message: isShortString,
  },
  { instance: isId },
) as (value: unknown) => value is ErrorMessage;

/** A state or error message whose `protocol` is a whole number other than ours: the host and webview must be updated. */
export const isForeignProtocolMessage = shape({
  type: oneOf(['telemetry/state', 'telemetry/error', 'telemetry/events', 'telemetry/events-changed']),
  protocol: (value) => Number.isSafeInteger(value) && (value as number) > 0 && value !== PROTOCOL_VERSION,
}) as (value: unknown) => value is ForeignProtocolMessage;

/** A state with every field filled in, except those whose absence means "not offered" (or "not told"). */
export type NormalizedTelemetryState = Required<Omit<TelemetryState, 'accountLinked' | 'locale' | 'editorTelemetryLevel' | 'invalidSetting' | 'doNotTrack' | 'noticePending' | 'sentCounts'>> &
  Pick<TelemetryState, 'accountLinked' | 'locale' | 'editorTelemetryLevel' | 'invalidSetting' | 'doNotTrack' | 'noticePending' | 'sentCounts'>;

/** Copies a validated state into a fresh object holding only the protocol's fields. */
export function normalizeState(state: TelemetryState): NormalizedTelemetryState {
  return {
    enabled: state.enabled,
    editorTelemetryEnabled: state.editorTelemetryEnabled ?? true,
    // Absent means an older host that tells only on or off; kept absent so the panel speaks as it did for it.
    editorTelemetryLevel: state.editorTelemetryLevel,
    managedBy: state.managedBy ?? null,
    account: state.account ? { loginName: state.account.loginName, email: state.account.email } : null,
    changedAt: state.changedAt ?? null,
    changedBy: state.changedBy ?? null,
    // Absent means the host does not offer the account switch; kept absent so the panel can tell.
    accountLinked: state.accountLinked,
    locale: state.locale,
    offers: state.offers ? [...state.offers] : [],
    // Left out, not undefined, when every value is valid: the state of a host without it stays as it was.
    ...(state.invalidSetting !== undefined && { invalidSetting: state.invalidSetting }),
    ...(state.doNotTrack === true && { doNotTrack: true }),
    ...(state.noticePending === true && { noticePending: true }),
    // Checked counts of plain numbers: a shallow copy is a copy.
    ...(state.sentCounts && { sentCounts: { ...state.sentCounts } }),
  };
}

const isRequest = (type: string, fields: Record<string, Check> = {}, absent: Record<string, Check> = {}) =>
  shape({ type: (value) => value === type, id: isId, ...fields }, absent);
const isAbsent: Check = () => false;
// Marked pure so that a bundle without the host side (the webview's) drops them.
const webviewRequests = [
  /* @__PURE__ */ isRequest('telemetry/hello', { protocol: isProtocolV1 }),
  /* @__PURE__ */ isRequest('telemetry/get'),
  // A set carries exactly one of the two switches.
  /* @__PURE__ */ isRequest('telemetry/set', { enabled: isBoolean }, { accountLinked: isAbsent }),
  /* @__PURE__ */ isRequest('telemetry/set', { accountLinked: isBoolean }, { enabled: isAbsent }),
  /* @__PURE__ */ isRequest(
    'telemetry/events',
    { category: isTelemetryCategory },
    { before: (value) => typeof value === 'string' && /^-?\d{1,16}:\d{1,9}$/.test(value), limit: (value) => Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_EVENTS },
  ),
  /* @__PURE__ */ shape({ type: (value) => value === 'telemetry/open', target: oneOf(LINK_TARGETS) }),
  /* @__PURE__ */ isRequest('telemetry/export'),
];

/** For the host: a well-formed request from the webview. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  return webviewRequests.some((isOne) => isOne(value));
}

