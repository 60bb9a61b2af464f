// @ts-check
// A small, faithful fake of the parts of the `vscode` module the host adapter and the telemetry gate use (its
// configuration with a policy layer, events, env with `createTelemetryLogger`, Uri), of a Memento (`context.globalState`), and of a webview. Behaviour follows VS Code 1.100: events are
// `Event<T>` functions returning a Disposable, listeners run synchronously when an event fires, `update` writes then
// fires `onDidChangeConfiguration` then resolves, and `affectsConfiguration` matches the key and every dotted prefix
// of it. Plain JavaScript with no Node import, so that `node --test` runs it as it is and the demo page, Storybook
// and the browser tests import the same module (dev/fake-editor.ts puts the real adapter behind it).

/** @typedef {{ dispose(): void }} Disposable */
/**
 * @template T
 * @typedef {(listener: (value: T) => unknown) => Disposable} Event
 */
/** @typedef {{ affectsConfiguration(section: string): boolean }} ConfigurationChangeEvent */
/** @typedef {'all' | 'error' | 'crash' | 'off'} TelemetryLevel */

/** Resolves after `ms` milliseconds. */
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves at the next turn of the event loop, once every pending promise job ran: Node's `setImmediate` where it
 * exists (the Node tests count these turns), a 0 ms timer in a browser.
 * @returns {Promise<void>}
 */
const nextTurn = () =>
  new Promise((resolve) => {
    const immediate = /** @type {{ setImmediate?: (callback: () => void) => unknown }} */ (globalThis).setImmediate;
    if (typeof immediate === 'function') immediate(resolve);
    else setTimeout(resolve, 0);
  });

/** Counts live listeners across every emitter that shares it, so a test can check that dispose removed them all. */
export class ListenerCounter {
  live = 0;
}

/** @template T */
export class EventEmitter {
  /** @type {Set<{ listener: (value: T) => unknown }>} */
  #listeners = new Set();
  #counter;

  /** @param {ListenerCounter} counter */
  constructor(counter = new ListenerCounter()) {
    this.#counter = counter;
  }

  /** @type {Event<T>} */
  event = (listener) => {
    const entry = { listener };
    this.#listeners.add(entry);
    this.#counter.live++;
    return {
      dispose: () => {
        if (this.#listeners.delete(entry)) this.#counter.live--;
      },
    };
  };

  /** Calls every listener synchronously; a listener that throws fails the caller (the test), unlike VS Code. */
  fire(/** @type {T} */ value) {
    for (const { listener } of [...this.#listeners]) listener(value);
  }

  get size() {
    return this.#listeners.size;
  }
}

export const ConfigurationTarget = Object.freeze({ Global: 1, Workspace: 2, WorkspaceFolder: 3 });
/** @typedef {1 | 2 | 3} Target */

/** The fake editor's anonymous machine id (`vscode.env.machineId`). */
export const MACHINE_ID = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';

/** The editor-wide telemetry setting, whose level decides `env.isTelemetryEnabled`. */
export const TELEMETRY_LEVEL_KEY = 'telemetry.telemetryLevel';

/**
 * VS Code's rule: `a.b.c` affects `a`, `a.b` and `a.b.c`, not `a.b.cd` nor `a.b.c.d`.
 * @param {string} changedKey
 * @param {string} section
 */
export function affects(changedKey, section) {
  return changedKey === section || changedKey.startsWith(`${section}.`);
}

/** VS Code's rule: telemetry is enabled only at level `all`; a level it does not know counts as the default, `all`. */
const enabledAtLevel = (/** @type {unknown} */ level) => level !== 'error' && level !== 'crash' && level !== 'off';

/**
 * @param {{ defaults?: Record<string, unknown>, isTelemetryEnabled?: boolean, telemetryLevel?: TelemetryLevel,
 *   updateDelayMs?: number, language?: unknown, extension?: { publisher?: string, name?: string, version?: string } }} [init]
 *   `defaults`: contributed defaults by full key (default `codeStudio.telemetry.allowAnonymousTelemetry: true`); `telemetryLevel`:
 *   the default of `telemetry.telemetryLevel` (default `all`, or `off` with `isTelemetryEnabled: false`);
 *   `isTelemetryEnabled`: pins `env.isTelemetryEnabled` at start whatever the level (as `--disable-telemetry` does);
 *   `language`: the editor's display language, `vscode.env.language` (default `en`, as VS Code reports English);
 *   `extension`: the calling extension, as its logger names it (default the example's, `code-studio.code-studio-telemetry-example`).
 */
export function createFakeVsCode(init = {}) {
  const counter = new ListenerCounter();
  /** @type {Map<string, unknown>} */
  const defaults = new Map(Object.entries(init.defaults ?? { 'codeStudio.telemetry.allowAnonymousTelemetry': true }));
  if (!defaults.has(TELEMETRY_LEVEL_KEY)) {
    defaults.set(TELEMETRY_LEVEL_KEY, init.telemetryLevel ?? (init.isTelemetryEnabled === false ? 'off' : 'all'));
  }
  /** @type {Record<Target, Map<string, unknown>>} Values by target, by full key: settings.json of the user (Global), the workspace, the folder. */
  const values = {
    [ConfigurationTarget.Global]: new Map(),
    [ConfigurationTarget.Workspace]: new Map(),
    [ConfigurationTarget.WorkspaceFolder]: new Map(),
  };
  /** @type {EventEmitter<ConfigurationChangeEvent>} */
  const configurationChanged = new EventEmitter(counter);
  /** @type {EventEmitter<boolean>} */
  const telemetryChanged = new EventEmitter(counter);
  /** @type {EventEmitter<string>} Not counted: only the fake editor listens, to show what would have opened. */
  const externalOpened = new EventEmitter();
  let isTelemetryEnabled = init.isTelemetryEnabled ?? enabledAtLevel(defaults.get(TELEMETRY_LEVEL_KEY));
  /** @type {{ message: string, writeFirst: boolean }[]} */
  const failures = [];

  /** @type {Map<string, unknown>} Values fixed by an organisation's policy, by full key: they win over every scope. */
  const policies = new Map();

  /** The effective value, as `get` sees it: a policy, then folder, then workspace, then user, then the contributed default. */
  const effective = (/** @type {string} */ fullKey) => {
    if (policies.has(fullKey)) return policies.get(fullKey);
    for (const target of /** @type {const} */ ([ConfigurationTarget.WorkspaceFolder, ConfigurationTarget.Workspace, ConfigurationTarget.Global])) {
      if (values[target].has(fullKey)) return values[target].get(fullKey);
    }
    return defaults.get(fullKey);
  };

  /** @type {Set<ReturnType<typeof createTelemetryLogger>>} */
  const loggers = new Set();

  /** The editor's level as VS Code's extension host knows it: the setting, and nothing above `off` while disabled. */
  const telemetryLevel = () => {
    const configured = effective(TELEMETRY_LEVEL_KEY);
    const level = configured === 'error' || configured === 'crash' || configured === 'off' ? configured : 'all';
    return isTelemetryEnabled || level !== 'all' ? level : 'off';
  };

  /** Tells every logger the level, as the main thread's `$onDidChangeTelemetryLevel` does (late, with `loggerLag`). */
  const announceLevel = () => {
    const update = () => {
      for (const logger of loggers) logger.levelChanged(telemetryLevel());
    };
    if (fake.loggerLagMs > 0) sleep(fake.loggerLagMs).then(update);
    else update();
  };

  /** The editor-wide switch follows the level, as VS Code's does; fires only when it changes. */
  const setTelemetryEnabled = (/** @type {boolean} */ enabled) => {
    if (enabled === isTelemetryEnabled) return;
    isTelemetryEnabled = enabled;
    telemetryChanged.fire(enabled);
    announceLevel();
  };

  /** Writes (undefined removes) and tells every listener, as a change of settings.json does. */
  const write = (/** @type {string} */ fullKey, /** @type {unknown} */ value, /** @type {Target} */ target) => {
    if (value === undefined) values[target].delete(fullKey);
    else values[target].set(fullKey, value);
    configurationChanged.fire({ affectsConfiguration: (section) => affects(fullKey, section) });
    if (affects(fullKey, TELEMETRY_LEVEL_KEY)) {
      setTelemetryEnabled(enabledAtLevel(effective(TELEMETRY_LEVEL_KEY)));
      announceLevel();
    }
  };

  /** @param {string} [section] */
  const getConfiguration = (section) => {
    const full = (/** @type {string} */ key) => (section ? `${section}.${key}` : key);
    return {
      /** @param {string} key @param {unknown} [defaultValue] @returns {any} */
      get: (key, defaultValue) => effective(full(key)) ?? defaultValue,
      /** @param {string} key */
      has: (key) => effective(full(key)) !== undefined,
      /** @param {string} key */
      inspect: (key) => ({
        key: full(key),
        defaultValue: defaults.get(full(key)),
        globalValue: values[ConfigurationTarget.Global].get(full(key)),
        workspaceValue: values[ConfigurationTarget.Workspace].get(full(key)),
        workspaceFolderValue: values[ConfigurationTarget.WorkspaceFolder].get(full(key)),
        policyValue: policies.get(full(key)),
      }),
      /** @param {string} key @param {unknown} value @param {unknown} [target] */
      async update(key, value, target) {
        fake.updates.push({ section, key, value, target });
        fake.pendingUpdates++;
        try {
          const resolved = target === true || target === undefined ? ConfigurationTarget.Global : target === false ? ConfigurationTarget.Workspace : target;
          if (resolved !== 1 && resolved !== 2 && resolved !== 3) throw new Error(`Unknown configuration target ${String(target)}`);
          const failure = failures.shift() ?? (fake.updateFailure === undefined ? undefined : { message: fake.updateFailure, writeFirst: false });
          if (fake.updateDelayMs > 0) await sleep(fake.updateDelayMs);
          else await nextTurn();
          if (failure && !failure.writeFirst) throw new Error(failure.message);
          if (value === undefined) values[resolved].delete(full(key));
          else values[resolved].set(full(key), value);
          /** @type {ConfigurationChangeEvent} */
          const event = { affectsConfiguration: (s) => affects(full(key), s) };
          const announce = () => {
            configurationChanged.fire(event);
            if (affects(full(key), TELEMETRY_LEVEL_KEY)) {
              setTelemetryEnabled(enabledAtLevel(effective(TELEMETRY_LEVEL_KEY)));
              announceLevel();
            }
          };
          // The extension host may learn of the change only after the write's promise settled.
          if (fake.lateConfigurationEvents) sleep(5).then(announce);
          else announce();
          if (failure) throw new Error(failure.message);
        } finally {
          fake.pendingUpdates--;
        }
      },
    };
  };

  const vscode = {
    ConfigurationTarget,
    workspace: { getConfiguration, onDidChangeConfiguration: configurationChanged.event },
    env: {
      get isTelemetryEnabled() {
        return isTelemetryEnabled;
      },
      onDidChangeTelemetryEnabled: telemetryChanged.event,
      /** @type {unknown} */
      language: Object.hasOwn(init, 'language') ? init.language : 'en',
      /** The anonymous machine id, as `common.vscodemachineid` carries it. */
      machineId: MACHINE_ID,
      /**
       * Resolves true as VS Code does once the browser was asked to open it; records the address and opens nothing.
       * @param {unknown} uri
       */
      openExternal(uri) {
        if (!(uri instanceof Uri)) return Promise.reject(new TypeError('openExternal takes a Uri'));
        fake.opened.push(uri.toString());
        externalOpened.fire(uri.toString());
        const error = fake.openExternalError;
        fake.openExternalError = undefined;
        return error ? Promise.reject(error) : Promise.resolve(true);
      },
      /**
       * VS Code 1.100's logger for this extension (see createTelemetryLogger below).
       * @param {TelemetrySender} sender
       * @param {TelemetryLoggerOptions} [options]
       */
      createTelemetryLogger(sender, options) {
        const logger = createTelemetryLogger(sender, options, telemetryLevel(), commonProperties);
        loggers.add(logger);
        return logger.api;
      },
    },
    TelemetryTrustedValue,
    Uri,
  };

  const extension = { publisher: 'code-studio', name: 'code-studio-telemetry-example', version: '0.1.0', ...init.extension };
  /** What VS Code 1.100 adds to every event of this extension (`getBuiltInCommonProperties`), with fixed ids. */
  const commonProperties = {
    'common.extname': `${extension.publisher}.${extension.name}`,
    'common.extversion': extension.version,
    'common.vscodemachineid': MACHINE_ID,
    'common.vscodesessionid': '3b0a6c1e-5d2f-4e8a-9c7b-1a2b3c4d5e6f1764583200000',
    'common.vscodecommithash': 'fake0000000000000000000000000000000000c0',
    'common.sqmid': '',
    'common.devDeviceId': '00000000-0000-4000-8000-000000000000',
    'common.vscodeversion': '1.100.3',
    'common.isnewappinstall': false,
    'common.product': 'desktop',
    'common.uikind': 'desktop',
    'common.remotename': 'none',
  };

  const fake = {
    counter,
    values,
    /** @type {{ section: string | undefined, key: string, value: unknown, target: unknown }[]} Every call of `update`, in order. */
    updates: [],
    /** Calls of `update` that have not settled yet. */
    pendingUpdates: 0,
    /** How long each `update` takes before it writes (a slow disk). */
    updateDelayMs: init.updateDelayMs ?? 0,
    /** @type {string | undefined} While set, every `update` rejects with this message, writing nothing. */
    updateFailure: undefined,
    configurationChanged,
    telemetryChanged,
    /** Fires with each address `env.openExternal` was asked to open. */
    onDidOpenExternal: externalOpened.event,
    /** When true, `update` resolves first and fires `onDidChangeConfiguration` 5 ms later. */
    lateConfigurationEvents: false,
    /** @type {string[]} Every call of `env.openExternal`: the Uri's string form. */
    opened: [],
    /** @type {Error | undefined} The next `openExternal` rejects with this error. */
    openExternalError: undefined,
    vscode,

    /** The user's value of a full key (what settings.json holds), or undefined. */
    userValue: (/** @type {string} */ fullKey) => values[ConfigurationTarget.Global].get(fullKey),

    effective,

    /**
     * The next `update` rejects with VS Code's kind of error; `writeFirst` makes it write the value before failing.
     * @param {string} [message]
     */
    failNextUpdate(message = 'Unable to write into user settings. Please open the user settings to correct errors/warnings in it and try again.', { writeFirst = false } = {}) {
      failures.push({ message, writeFirst });
    },

    /**
     * A hand edit of settings.json (any value, junk included; undefined removes it), then the change event.
     * @param {string} fullKey
     * @param {unknown} value
     * @param {Target} [target]
     */
    editByHand(fullKey, value, target = ConfigurationTarget.Global) {
      write(fullKey, value, target);
    },

    /** How long a level change takes to reach the loggers (0: at once); VS Code's extension host learns it by message. */
    loggerLagMs: 0,

    /**
     * An organisation's policy fixes `fullKey` to `value` (undefined lifts it), then the change event, as VS Code's
     * policy service does.
     * @param {string} fullKey
     * @param {unknown} value
     */
    setPolicy(fullKey, value) {
      if (value === undefined) policies.delete(fullKey);
      else policies.set(fullKey, value);
      configurationChanged.fire({ affectsConfiguration: (section) => affects(fullKey, section) });
    },

    /** The editor-wide telemetry setting switches, with no level behind it (as `--disable-telemetry` pins it). */
    setTelemetryEnabled,

    /** The editor-wide `telemetry.telemetryLevel`, as the user's settings.json sets it; `env.isTelemetryEnabled` follows. */
    get telemetryLevel() {
      return /** @type {TelemetryLevel} */ (effective(TELEMETRY_LEVEL_KEY));
    },
    set telemetryLevel(level) {
      write(TELEMETRY_LEVEL_KEY, level, ConfigurationTarget.Global);
    },
  };
  return fake;
}

/**
 * @typedef {{ sendEventData(eventName: string, data?: Record<string, any>): void,
 *   sendErrorData(error: Error, data?: Record<string, any>): void, flush?(): void | PromiseLike<void> }} TelemetrySender
 * @typedef {{ ignoreBuiltInCommonProperties?: boolean, ignoreUnhandledErrors?: boolean,
 *   additionalCommonProperties?: Record<string, any> }} TelemetryLoggerOptions
 */

/** `vscode.TelemetryTrustedValue`: a value the logger hands on as it is, unredacted. */
export class TelemetryTrustedValue {
  /** @param {unknown} value */
  constructor(value) {
    this.value = value;
    this.isTrustedTelemetryValue = true;
  }
}

/**
 * What VS Code's `cleanData` looks for in a string, in its order, and the label it redacts it as. The same rules as
 * telemetryUtils.ts in 1.100, written out for the fake: a string with any of these becomes `<REDACTED: label>`.
 */
const SECRETS = [
  { label: 'Google API Key', pattern: /AIza[A-Za-z0-9_\\-]{35}/ },
  { label: 'Slack Token', pattern: /xox[pbar]-[A-Za-z0-9]/ },
  { label: 'GitHub Token', pattern: /(gh[psuro]_[a-zA-Z0-9]{36}|github_pat_[a-zA-Z0-9]{22}_[a-zA-Z0-9]{59})/ },
  { label: 'Generic Secret', pattern: /(key|token|sig|secret|signature|password|passwd|pwd|android:value)[^a-zA-Z0-9]/i },
  { label: 'Microsoft Entra ID', pattern: /eyJ(?:0eXAiOiJKV1Qi|hbGci|[a-zA-Z0-9\-_]+\.[a-zA-Z0-9\-_]+\.)/ },
  { label: 'Email', pattern: /[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}/ },
];

/** Paths in a string, as VS Code finds them: each becomes `<REDACTED: user-file-path>`, except under node_modules. */
const PATH = /(file:\/\/)?([a-zA-Z]:(\\\\|\\|\/)|(\\\\|\\|\/))?([\w-._]+(\\\\|\\|\/))+[\w-._]*/g;
const NODE_MODULES = /^[\\/]?(node_modules|node_modules\.asar)[\\/]/;

/** One string as VS Code's logger cleans it: `%20` as a space, paths redacted, then a secret or an email. */
function cleanString(/** @type {string} */ value) {
  let text = value.replaceAll('%20', ' ');
  if (text.includes('/') || text.includes('\\')) {
    text = text.replace(PATH, (match) => (NODE_MODULES.test(match) ? match : '<REDACTED: user-file-path>'));
  }
  for (const { label, pattern } of SECRETS) if (pattern.test(text)) return `<REDACTED: ${label}>`;
  return text;
}

/**
 * A deep copy with every string cleaned and every trusted value unwrapped, as VS Code's `cleanData`.
 * @param {unknown} value
 * @returns {any}
 */
function cleanData(value) {
  if (value instanceof TelemetryTrustedValue || (typeof value === 'object' && value !== null && Object.hasOwn(value, 'isTrustedTelemetryValue'))) {
    return /** @type {{ value: unknown }} */ (value).value;
  }
  if (typeof value === 'string') return cleanString(value);
  if (Array.isArray(value)) return value.map(cleanData);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    /** @type {Record<string, unknown>} */
    const copy = {};
    for (const [key, entry] of Object.entries(value)) copy[key] = cleanData(entry);
    return copy;
  }
  return value;
}

/**
 * VS Code 1.100's `TelemetryLogger` (extHostTelemetry.ts): checks the sender; keeps the level's enablements as the
 * extension host last heard them (not read live); prefixes each name with the extension's id; cleans the data, then
 * adds `additionalCommonProperties` and the built-in common properties over it; calls the sender without catching
 * what it throws; `dispose` flushes and lets go of the sender.
 * @param {TelemetrySender} sender
 * @param {TelemetryLoggerOptions | undefined} options
 * @param {TelemetryLevel} level
 * @param {Record<string, unknown>} commonProperties
 */
function createTelemetryLogger(sender, options, level, commonProperties) {
  if (typeof sender !== 'object' || sender === null) throw new TypeError('TelemetrySender argument is invalid');
  if (typeof sender.sendEventData !== 'function') throw new TypeError('TelemetrySender.sendEventData must be a function');
  if (typeof sender.sendErrorData !== 'function') throw new TypeError('TelemetrySender.sendErrorData must be a function');
  if (sender.flush !== undefined && typeof sender.flush !== 'function') throw new TypeError('TelemetrySender.flush must be a function or undefined');
  const extensionId = String(commonProperties['common.extname']);
  /** @type {TelemetrySender | undefined} */
  let current = sender;
  const enablements = (/** @type {TelemetryLevel} */ at) => ({ isUsageEnabled: at === 'all', isErrorsEnabled: at === 'all' || at === 'error' });
  let enabled = enablements(level);
  /** @type {EventEmitter<unknown>} */
  const enableStatesChanged = new EventEmitter();
  const mixIn = (/** @type {unknown} */ data) => {
    let properties = cleanData(data ?? {});
    if (options?.additionalCommonProperties) properties = { ...properties, ...options.additionalCommonProperties };
    if (!options?.ignoreBuiltInCommonProperties) properties = { ...properties, ...commonProperties };
    return properties;
  };
  const send = (/** @type {string} */ eventName, /** @type {unknown} */ data) => {
    if (!current) return;
    current.sendEventData(`${extensionId}/${eventName}`, mixIn(data));
  };
  const api = Object.freeze({
    /** @param {string} eventName @param {Record<string, any>} [data] */
    logUsage(eventName, data) {
      if (enabled.isUsageEnabled) send(eventName, data);
    },
    /** @param {string | Error} eventNameOrError @param {Record<string, any>} [data] */
    logError(eventNameOrError, data) {
      if (!enabled.isErrorsEnabled || !current) return;
      if (typeof eventNameOrError === 'string') return send(eventNameOrError, data);
      const { name, message, stack, cause } = cleanData({ ...eventNameOrError, name: eventNameOrError.name, message: eventNameOrError.message, stack: eventNameOrError.stack, cause: eventNameOrError.cause });
      const error = new Error(message, { cause });
      error.stack = stack;
      error.name = name;
      current.sendErrorData(error, mixIn(data));
    },
    get isUsageEnabled() {
      return enabled.isUsageEnabled;
    },
    get isErrorsEnabled() {
      return enabled.isErrorsEnabled;
    },
    onDidChangeEnableStates: enableStatesChanged.event,
    dispose() {
      const flushing = current;
      current = undefined;
      if (flushing?.flush) Promise.resolve(flushing.flush()).catch(() => {});
    },
  });
  return {
    api,
    /** The extension host heard of a new level: new enablements, and the event. */
    levelChanged(/** @type {TelemetryLevel} */ next) {
      const before = enabled;
      enabled = enablements(next);
      if (before.isUsageEnabled !== enabled.isUsageEnabled || before.isErrorsEnabled !== enabled.isErrorsEnabled) enableStatesChanged.fire(api);
    },
  };
}

/** `vscode.Uri`, as far as the package uses it: `parse`, `file`, `joinPath`, `with`, `scheme`, `path`, `toString`. */
export class Uri {
  #url;
  /** @param {URL} url */
  constructor(url) {
    this.#url = url;
  }
  /** @param {string} value */
  static parse(value) {
    return new Uri(new URL(value));
  }
  /** @param {string} path an absolute file system path */
  static file(path) {
    const url = new URL('file:///');
    url.pathname = path;
    return new Uri(url);
  }
  /** Resolves `.` and `..`, as VS Code's does. @param {Uri} base @param {...string} segments */
  static joinPath(base, ...segments) {
    const url = new URL(base.toString());
    const parts = [];
    for (const part of [...url.pathname.split('/'), ...segments.flatMap((segment) => segment.split('/'))]) {
      if (part === '..') parts.pop();
      else if (part !== '' && part !== '.') parts.push(part);
    }
    url.pathname = `/${parts.join('/')}`;
    return new Uri(url);
  }
  /** @param {{ scheme?: string, path?: string }} change */
  with(change) {
    const url = new URL(change.scheme ? `${change.scheme}:${this.#url.href.slice(this.#url.protocol.length)}` : this.#url.href);
    if (change.path !== undefined) url.pathname = change.path;
    return new Uri(url);
  }
  get scheme() {
    return this.#url.protocol.slice(0, -1);
  }
  get path() {
    return decodeURIComponent(this.#url.pathname);
  }
  get fsPath() {
    return this.path;
  }
  toString() {
    return this.#url.href;
  }
}

/**
 * A Memento (`context.globalState`): `get` answers at once from memory; `update` stores a JSON copy (VS Code keeps
 * JSON) and resolves later. Shared between adapters to play an extension host restart.
 * @param {Record<string, unknown>} [initial]
 */
export function createFakeMemento(initial = {}) {
  const store = new Map(Object.entries(initial));
  return {
    store,
    /** The next `update` rejects (a full disk), without storing. */
    failNextUpdate: false,
    /**
     * @template T
     * @param {string} key
     * @param {T} [defaultValue]
     * @returns {any}
     */
    get(key, defaultValue) {
      return store.has(key) ? JSON.parse(JSON.stringify(store.get(key))) : defaultValue;
    },
    /** @param {string} key @param {unknown} value @returns {Promise<void>} */
    update(key, value) {
      if (this.failNextUpdate) {
        this.failNextUpdate = false;
        return Promise.reject(new Error('Cannot write the global state.'));
      }
      if (value === undefined) store.delete(key);
      else store.set(key, JSON.parse(JSON.stringify(value)));
      return nextTurn();
    },
    keys: () => [...store.keys()],
  };
}

/**
 * One extension host's view of a Memento shared with others (`globalState` in two windows): `get` reads the shared
 * store at once, `update` reaches it only after `delayMs`, as a save from another process arrives late.
 * @param {ReturnType<typeof createFakeMemento>} memento
 * @param {number} delayMs
 */
export function laggingMemento(memento, delayMs) {
  return {
    /** @param {string} key @param {unknown} [defaultValue] */
    get: (key, defaultValue) => memento.get(key, defaultValue),
    /** @param {string} key @param {unknown} value */
    update: (key, value) => sleep(delayMs).then(() => memento.update(key, value)),
  };
}

/**
 * A webview: `postMessage` records a structured clone of each message and resolves true; false while `hidden`;
 * rejects once `disposed` (VS Code: "Webview is disposed").
 * @param {ListenerCounter} [counter] share the fake vscode's counter to count every listener in one place
 */
export function createFakeWebview(counter = new ListenerCounter()) {
  /** @type {EventEmitter<unknown>} */
  const received = new EventEmitter(counter);
  const webview = {
    /** @type {any[]} What reached the page: structured clones, in order. */
    posted: [],
    /** Every call of postMessage, delivered or not. */
    calls: 0,
    /** @type {'visible' | 'hidden' | 'disposed'} */
    mode: 'visible',
    /** The page, as a panel's writer leaves it. */
    html: '',
    /** As VS Code 1.100 gives them (measured in code-server). */
    cspSource: "'self' https://*.vscode-cdn.net",
    /** @param {Uri} uri */
    asWebviewUri: (uri) => Uri.parse(`https://file+.vscode-resource.vscode-cdn.net${uri.toString().replace(/^file:\/\//, '')}`),
    onDidReceiveMessage: received.event,
    /** @param {unknown} message */
    postMessage(message) {
      webview.calls++;
      if (webview.mode === 'disposed') return Promise.reject(new Error('Webview is disposed'));
      if (webview.mode === 'hidden') return Promise.resolve(false);
      webview.posted.push(globalThis.structuredClone(message));
      return Promise.resolve(true);
    },
    /**
     * Delivers a message from the page, as VS Code does: a structured clone, listeners called synchronously.
     * @param {unknown} message
     */
    send(message, { clone = true } = {}) {
      received.fire(clone ? globalThis.structuredClone(message) : message);
    },
    get listeners() {
      return received.size;
    },
  };
  return webview;
}

/**
 * Waits until the adapter is idle: no update in flight and nothing new posted for several turns of the event loop
 * (each turn drains every pending promise job). Gives up after `timeoutMs`.
 * @param {{ pendingUpdates: number, updateDelayMs: number }} fake
 * @param {{ calls: number }} webview
 */
export async function settle(fake, webview, { turns = 5, timeoutMs = 2000 } = {}) {
  const start = Date.now();
  let quiet = 0;
  let calls = webview.calls;
  while (quiet < turns) {
    await nextTurn();
    if (Date.now() - start > timeoutMs) throw new Error('the adapter did not settle');
    if (fake.pendingUpdates > 0 || webview.calls !== calls) {
      quiet = 0;
      calls = webview.calls;
      if (fake.pendingUpdates > 0 && fake.updateDelayMs > 0) await sleep(1);
    } else quiet++;
  }
}
