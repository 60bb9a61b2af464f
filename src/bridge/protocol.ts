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

const own = (value: object, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;

const has = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** A plain object: created by `{}`, `Object.create(null)` or structured clone, not an array, class or DOM object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const isShortString = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_STRING_LENGTH;

const isId = (value: unknown): value is string => isShortString(value) && value.length > 0;

function isAccount(value: unknown): value is TelemetryAccount {
  return isPlainObject(value) && isShortString(own(value, 'loginName')) && isShortString(own(value, 'email'));
}

function isOptional(value: object, key: string, check: (v: unknown) => boolean): boolean {
  return !has(value, key) || check(own(value, key));
}

export function isTelemetryState(value: unknown): value is TelemetryState {
  return (
    isPlainObject(value) &&
    typeof own(value, 'enabled') === 'boolean' &&
    isOptional(value, 'editorTelemetryEnabled', (v) => typeof v === 'boolean') &&
    isOptional(value, 'managedBy', (v) => v === null || v === 'policy') &&
    isOptional(value, 'account', (v) => v === null || isAccount(v)) &&
    isOptional(value, 'changedAt', (v) => v === null || (isShortString(v) && !Number.isNaN(Date.parse(v))))
  );
}

export function isStateMessage(value: unknown): value is StateMessage {
  if (!isPlainObject(value) || own(value, 'type') !== 'telemetry/state') return false;
  const rev = own(value, 'rev');
  return (
    own(value, 'protocol') === PROTOCOL_VERSION &&
    typeof rev === 'number' &&
    Number.isFinite(rev) &&
    isOptional(value, 'inReplyTo', isId) &&
    isTelemetryState(own(value, 'state'))
  );
}

export function isErrorMessage(value: unknown): value is ErrorMessage {
  return (
    isPlainObject(value) &&
    own(value, 'type') === 'telemetry/error' &&
    own(value, 'protocol') === PROTOCOL_VERSION &&
    isId(own(value, 'inReplyTo')) &&
    isShortString(own(value, 'code')) &&
    (own(value, 'code') as string).length > 0 &&
    isShortString(own(value, 'message'))
  );
}

export function isHostMessage(value: unknown): value is HostMessage {
  return isStateMessage(value) || isErrorMessage(value);
}

/** A state or error message whose `protocol` is a whole number other than ours: the host and webview must be updated. */
export function isForeignProtocolMessage(value: unknown): value is ForeignProtocolMessage {
  if (!isPlainObject(value)) return false;
  const type = own(value, 'type');
  const protocol = own(value, 'protocol');
  return (
    (type === 'telemetry/state' || type === 'telemetry/error') &&
    Number.isSafeInteger(protocol) &&
    (protocol as number) > 0 &&
    protocol !== PROTOCOL_VERSION
  );
}

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

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isPlainObject(value) || !isId(own(value, 'id'))) return false;
  switch (own(value, 'type')) {
    case 'telemetry/hello':
      return own(value, 'protocol') === PROTOCOL_VERSION;
    case 'telemetry/get':
      return true;
    case 'telemetry/set':
      return typeof own(value, 'enabled') === 'boolean';
    default:
      return false;
  }
}
