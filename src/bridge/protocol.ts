/**
 * Wire protocol v1 between the telemetry settings webview and the editor's extension host.
 * docs/protocol.md is the prose version of this file; keep the two in step.
 */

export const PROTOCOL_VERSION = 1;

/** The longest string the webview accepts in a host message; longer ones are treated as malformed. */
export const MAX_STRING_LENGTH = 4096;

export type ManagedBy = 'policy';

export interface TelemetryAccount {
  loginName: string;
  email: string;
}

/** The whole truth about the setting, as the host sees it. */
export interface TelemetryState {
  /** The setting itself: Allow Anonymous Telemetry. */
  enabled: boolean;
  /** False when the editor-wide telemetry is off, so nothing is sent whatever `enabled` says. */
  editorTelemetryEnabled?: boolean;
  /** Set when an organisation's policy fixes the setting; the switch is then disabled. */
  managedBy?: ManagedBy | null;
  /** The signed-in account whose login name and email are attached, or null when signed out. */
  account?: TelemetryAccount | null;
  /** When the setting last changed, as an ISO 8601 time. */
  changedAt?: string | null;
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

export interface SetMessage {
  type: 'telemetry/set';
  id: string;
  enabled: boolean;
}

export type WebviewMessage = HelloMessage | GetMessage | SetMessage;

// host → webview

export interface StateMessage {
  type: 'telemetry/state';
  protocol: typeof PROTOCOL_VERSION;
  /** Grows with each change on the host; a reply to a hello may start a new count. */
  rev: number;
  /** The id of the request this answers; absent when the host pushes a change unasked. */
  inReplyTo?: string;
  state: TelemetryState;
}

/** Known error codes; hosts may send other short strings. */
export type TelemetryErrorCode = 'locked' | 'write-failed' | 'bad-request' | (string & {});

export interface ErrorMessage {
  type: 'telemetry/error';
  protocol: typeof PROTOCOL_VERSION;
  inReplyTo: string;
  code: TelemetryErrorCode;
  message: string;
}

export type HostMessage = StateMessage | ErrorMessage;

/** A host message of our family that speaks another protocol version. */
export interface ForeignProtocolMessage {
  type: HostMessage['type'];
  protocol: number;
}

// Guards. Every host message is untrusted: read own data properties only, never the prototype chain.

type Check = (value: unknown) => boolean;

/** A plain object: created by `{}`, `Object.create(null)` or structured clone, not an array, class or DOM object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  const proto = typeof value === 'object' && value !== null && Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const isShortString: Check = (value) => typeof value === 'string' && value.length <= MAX_STRING_LENGTH;
const isId: Check = (value) => isShortString(value) && value !== '';
const isBoolean: Check = (value) => typeof value === 'boolean';
const nullOr =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);

/** An object whose listed own properties pass their checks; optional ones may be absent or undefined (structured clone keeps undefined). */
const shape =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (value) =>
    isPlainObject(value) &&
    Object.entries(required).every(([key, check]) => Object.hasOwn(value, key) && check(value[key])) &&
    Object.entries(optional).every(([key, check]) => {
      const field = Object.hasOwn(value, key) ? value[key] : undefined;
      return field === undefined || check(field);
    });

const isAccount = shape({ loginName: isShortString, email: isShortString });
const isProtocolV1: Check = (value) => value === PROTOCOL_VERSION;

export const isTelemetryState = shape(
  { enabled: isBoolean },
  {
    editorTelemetryEnabled: isBoolean,
    managedBy: nullOr((value) => value === 'policy'),
    account: nullOr(isAccount),
    changedAt: nullOr((value) => isShortString(value) && !Number.isNaN(Date.parse(value as string))),
  },
) as (value: unknown) => value is TelemetryState;

export const isStateMessage = shape(
  {
    type: (value) => value === 'telemetry/state',
    protocol: isProtocolV1,
    rev: Number.isFinite as Check,
    state: isTelemetryState,
  },
  { inReplyTo: isId },
) as (value: unknown) => value is StateMessage;

export const isErrorMessage = shape({
  type: (value) => value === 'telemetry/error',
  protocol: isProtocolV1,
  inReplyTo: isId,
  code: isId,
  message: isShortString,
}) as (value: unknown) => value is ErrorMessage;

export function isHostMessage(value: unknown): value is HostMessage {
  return isStateMessage(value) || isErrorMessage(value);
}

/** A state or error message whose `protocol` is a whole number other than ours: the host and webview must be updated. */
export const isForeignProtocolMessage = shape({
  type: (value) => value === 'telemetry/state' || value === 'telemetry/error',
  protocol: (value) => Number.isSafeInteger(value) && (value as number) > 0 && value !== PROTOCOL_VERSION,
}) as (value: unknown) => value is ForeignProtocolMessage;

/** Copies a validated state into a fresh object holding only the protocol's fields. */
export function normalizeState(state: TelemetryState): Required<TelemetryState> {
  return {
    enabled: state.enabled,
    editorTelemetryEnabled: state.editorTelemetryEnabled ?? true,
    managedBy: state.managedBy ?? null,
    account: state.account ? { loginName: state.account.loginName, email: state.account.email } : null,
    changedAt: state.changedAt ?? null,
  };
}

const isRequest = (type: string, fields: Record<string, Check> = {}) => shape({ type: (value) => value === type, id: isId, ...fields });
// Marked pure so that a bundle without the host side (the webview's) drops them.
const webviewRequests = [
  /* @__PURE__ */ isRequest('telemetry/hello', { protocol: isProtocolV1 }),
  /* @__PURE__ */ isRequest('telemetry/get'),
  /* @__PURE__ */ isRequest('telemetry/set', { enabled: isBoolean }),
];

/** For the host: a well-formed request from the webview. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  return webviewRequests.some((isOne) => isOne(value));
}
