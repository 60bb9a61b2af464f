/**
 * The consent gate: the `TelemetrySender` an extension passes to `vscode.env.createTelemetryLogger`, in front of the
 * sender that really transmits. It forwards an event only when the setting, the editor's level, the event's declared
 * data type and its declared fields allow it, decided at each send from the live configuration, and it keeps what it
 * forwarded, per data type, for "Show what was sent".
 */
import type * as vscode from 'vscode';
import {
  TELEMETRY_CATEGORIES,
  isTelemetryCategory,
  type TelemetryAccount,
  type TelemetryCategory,
  type TelemetryEvent,
} from '../protocol/protocol.js';
import { isFlatValue } from '../protocol/values.js';
import { createLog, describe, type Log } from './log.js';
import type { TelemetryEventSource, TelemetryHostVsCode } from './options.js';
import { DEFAULT_KEY, DEFAULT_SECTION, readTelemetrySetting } from './setting.js';
import { levelAllows, readEditorTelemetryLevel } from './telemetry-level.js';

/**
 * The properties VS Code 1.100's `TelemetryLogger` adds to every event (`getBuiltInCommonProperties` in
 * extHostTelemetry.ts). The gate lets exactly these through on every data type and keeps them in what it records, so
 * that "Show what was sent" shows them; any other `common.*` field is dropped like an undeclared one.
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

export const DEFAULT_GATE_CAPACITY = 200;

/** The parts of the `vscode` module the gate uses; pass the module itself. */
export type TelemetryGateVsCode = Pick<TelemetryHostVsCode, 'workspace' | 'env'> & {
  env: Partial<Pick<typeof vscode.env, 'createTelemetryLogger'>>;
};

/** What one data type may carry: the names of its fields. An error report's message and stack are `error.message` and `error.stack`. */
export interface TelemetryDataTypeDeclaration {
  fields: readonly string[];
}

export interface TelemetryGateOptions {
  vscode: TelemetryGateVsCode;
  /** The sender that really transmits. It sees only what the gate lets through. */
  sender: vscode.TelemetrySender;
  /** The setting, as the panel reads it: the same `section` and `key` as `connectTelemetryHost`'s. */
  section?: string;
  key?: string;
  /** The fields each data type may carry. A data type left out carries nothing: its events are dropped. */
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
  /** The signed-in account, or null when signed out; answered at once (a promise counts as signed out). */
  account?: () => TelemetryAccount | null | undefined | Thenable<TelemetryAccount | null | undefined>;
  /** The account switch, as given to `connectTelemetryHost`; without it identity goes whenever the user is signed in. */
  accountLinked?: { get(): boolean | Thenable<boolean> };
  /** Fields that name the user. Default `loginName` and `email`. */
  identityFields?: readonly string[];
  /** The `common.*` properties the editor adds that may go. Default VS Code 1.100's (`VSCODE_COMMON_PROPERTIES`). */
  commonProperties?: readonly string[];
  /** How many forwarded events are kept per data type, the oldest dropped first. Default 200. */
  capacity?: number;
  /** Where the gate reports what it dropped and what failed. Default `console.warn`. */
  log?: (message: string) => void;
  /** The clock for each recorded event's `time`. Default `new Date()`. */
  now?: () => Date;
}

export interface TelemetryGate extends vscode.Disposable {
  /** The sender to pass to `vscode.env.createTelemetryLogger`. */
  readonly sender: vscode.TelemetrySender;
  /** What was handed to the inner sender, per data type, oldest first: pass as `connectTelemetryHost({ events })`. */
  readonly events: TelemetryEventSource;
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

export function createTelemetryGate(options: TelemetryGateOptions): TelemetryGate {
  const log: Log = createLog(options, 'telemetry-gate');
  const api = options.vscode;
  const inner = options.sender;
  const section = options.section ?? DEFAULT_SECTION;
  const key = options.key ?? DEFAULT_KEY;
  const capacity =
    options.capacity !== undefined && Number.isInteger(options.capacity) && options.capacity >= 0
      ? options.capacity
      : DEFAULT_GATE_CAPACITY;
  const errorEvents = new Set(options.errorEvents ?? []);
  const identityFields = new Set(options.identityFields ?? IDENTITY_FIELDS);
  const commonProperties = new Set(options.commonProperties ?? VSCODE_COMMON_PROPERTIES);
  const eventTypes = options.eventTypes;
  const now = options.now ?? (() => new Date());
  const recorded = new Map<TelemetryCategory, TelemetryEvent[]>(TELEMETRY_CATEGORIES.map((category) => [category, []]));
  const loggers: vscode.TelemetryLogger[] = [];
  let disposed = false;

  const dataTypeOf = (name: string): TelemetryCategory | undefined => {
    let category: unknown;
    try {
      category = typeof eventTypes === 'function' ? eventTypes(name) : eventTypes ? Object.hasOwn(eventTypes, name) && eventTypes[name] : byPrefix(name);
    } catch (error) {
      log(`could not tell the data type of ${name}: ${describe(error)}`);
      return undefined;
    }
    return isTelemetryCategory(category) ? category : undefined;
  };

  /** Whether data of `kind` may leave now: the setting and the editor's level, read at this moment. */
  const allowed = (kind: 'usage' | 'error'): boolean => {
    try {
      if (!readTelemetrySetting(api.workspace.getConfiguration(section), key)) return false;
    } catch (error) {
      log(`could not read the setting ${section}.${key}, sent nothing: ${describe(error)}`);
      return false;
    }
    return levelAllows(readEditorTelemetryLevel(api), kind);
  };

  /** Whether the user's login name and email may go now: signed in, and the account switch on (or not offered). */
  const identityAllowed = (): boolean => {
    try {
      const account: unknown = options.account?.();
      if (isThenable(account)) {
        log('the signed-in account answered with a promise; sent no account details');
        return false;
      }
      if (typeof account !== 'object' || account === null) return false;
      if (!options.accountLinked) return true;
      const linked: unknown = options.accountLinked.get();
      if (isThenable(linked)) log('the account switch answered with a promise; sent no account details');
      return linked === true;
    } catch (error) {
      log(`could not read the account or its switch, sent no account details: ${describe(error)}`);
      return false;
    }
  };

  /** The fields of `data` that `category` may carry now, and the names of those dropped. */
  const filter = (category: TelemetryCategory, data: unknown, extra: Record<string, unknown> = {}) => {
    const declared = new Set(options.dataTypes?.[category]?.fields ?? []);
    const kept: Record<string, FieldValue> = {};
    const dropped: string[] = [];
    let identity: boolean | undefined;
    const source: Record<string, unknown> = typeof data === 'object' && data !== null ? { ...(data as object), ...extra } : { ...extra };
    for (const [field, value] of Object.entries(source)) {
      if (value === undefined) continue; // carries nothing: JSON leaves it out too
      const common = field.startsWith('common.');
      let ok = common ? commonProperties.has(field) : declared.has(field);
      if (ok && !common && identityFields.has(field)) ok = identity ??= identityAllowed();
      if (ok && !isFlatValue(value)) ok = false;
      if (ok) kept[field] = value as FieldValue;
      else dropped.push(field);
    }
    return { kept, dropped };
  };

  const record = (category: TelemetryCategory, name: string, data: Record<string, FieldValue>) => {
    const events = recorded.get(category)!;
    events.push({ time: now().toISOString(), category, name, data: { ...data } });
    if (events.length > capacity) events.splice(0, events.length - capacity);
  };

  /** Nothing the gate does may throw into the code that logs: a failure is logged and the event not sent. */
  const guarded = (what: string, send: () => void) => {
    try {
      send();
    } catch (error) {
      log(`could not send ${what}, sent nothing: ${describe(error)}`);
    }
  };

  /** The rules, for an event `sendEventData` is handed. */
  const sendEvent = (eventName: unknown, data: unknown) => {
    if (disposed || typeof eventName !== 'string') return;
    const name = eventName.replace(LOGGER_PREFIX, '');
    const kind = errorEvents.has(name) ? 'error' : 'usage';
    if (!allowed(kind)) return;
    const category = dataTypeOf(name);
    if (!category) {
      log(`dropped ${eventName.slice(0, 200)}: it belongs to no declared data type`);
      return;
    }
    const { kept, dropped } = filter(category, data);
    if (dropped.length > 0) log(`dropped field(s) ${dropped.join(', ')} of ${eventName}: not declared for ${category}, or not allowed now`);
    record(category, eventName, kept);
    try {
      inner.sendEventData(eventName, { ...kept });
    } catch (error) {
      log(`the telemetry sender failed on ${eventName}: ${describe(error)}`);
    }
  };

  /** The same rules for an error report; its message and stack leave as its fields `error.message` and `error.stack`. */
  const sendError = (error: unknown, data: unknown) => {
    if (disposed) return;
    if (!allowed('error')) return;
    const name = error instanceof Error && typeof error.name === 'string' ? error.name : '';
    const category = dataTypeOf(name);
    if (!category) {
      log(`dropped an error report named ${JSON.stringify(name.slice(0, 80))}: it belongs to no declared data type`);
      return;
    }
    // The message and the stack leave with the error: they are fields the data type must declare.
    const { kept, dropped } = filter(category, data, {
      'error.message': (error as Error).message,
      'error.stack': (error as Error).stack,
    });
    if (dropped.length > 0) log(`dropped field(s) ${dropped.join(', ')} of the error report ${name}: not declared for ${category}, or not allowed now`);
    const { 'error.message': message, 'error.stack': stack, ...fields } = kept;
    const handed = new Error(typeof message === 'string' ? message : '');
    handed.name = name;
    handed.stack = typeof stack === 'string' ? stack : undefined;
    record(category, name, kept);
    try {
      inner.sendErrorData(handed, fields);
    } catch (failure) {
      log(`the telemetry sender failed on the error report ${name}: ${describe(failure)}`);
    }
  };

  const sender: vscode.TelemetrySender = {
    sendEventData(eventName, data) {
      guarded('an event', () => sendEvent(eventName, data));
    },

    sendErrorData(error, data) {
      guarded('an error report', () => sendError(error, data));
    },

    flush() {
      try {
        return inner.flush?.();
      } catch (error) {
        log(`the telemetry sender failed to flush: ${describe(error)}`);
        return undefined;
      }
    },
  };

  return {
    sender,
    // Still readable after dispose: what was sent stays sent.
    events: (category) => (recorded.get(category) ?? []).map((event) => ({ ...event, data: { ...event.data } })),
    createLogger(loggerOptions) {
      const create = api.env.createTelemetryLogger;
      if (!create) throw new Error('this editor has no vscode.env.createTelemetryLogger');
      const logger = create(sender, loggerOptions);
      loggers.push(logger);
      return logger;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const logger of loggers.splice(0)) {
        try {
          logger.dispose();
        } catch (error) {
          log(`could not dispose a telemetry logger: ${describe(error)}`);
        }
      }
    },
  };
}
