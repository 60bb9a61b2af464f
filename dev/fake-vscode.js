// @ts-check
// A small, faithful fake of the parts of the `vscode` module the host adapter uses (its configuration, events, env
// and Uri), of a Memento (`context.globalState`), and of a webview. Behaviour follows VS Code 1.100: events are
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
 *   updateDelayMs?: number, language?: unknown }} [init]
 *   `defaults`: contributed defaults by full key (default `codeStudio.telemetry.allowAnonymousTelemetry: true`); `telemetryLevel`:
 *   the default of `telemetry.telemetryLevel` (default `all`, or `off` with `isTelemetryEnabled: false`);
 *   `isTelemetryEnabled`: pins `env.isTelemetryEnabled` at start whatever the level (as `--disable-telemetry` does);
 *   `language`: the editor's display language, `vscode.env.language` (default `en`, as VS Code reports English).
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

  /** The effective value, as `get` sees it: folder, then workspace, then user, then the contributed default. */
  const effective = (/** @type {string} */ fullKey) => {
    for (const target of /** @type {const} */ ([ConfigurationTarget.WorkspaceFolder, ConfigurationTarget.Workspace, ConfigurationTarget.Global])) {
      if (values[target].has(fullKey)) return values[target].get(fullKey);
    }
    return defaults.get(fullKey);
  };

  /** The editor-wide switch follows the level, as VS Code's does; fires only when it changes. */
  const setTelemetryEnabled = (/** @type {boolean} */ enabled) => {
    if (enabled === isTelemetryEnabled) return;
    isTelemetryEnabled = enabled;
    telemetryChanged.fire(enabled);
  };

  /** Writes (undefined removes) and tells every listener, as a change of settings.json does. */
  const write = (/** @type {string} */ fullKey, /** @type {unknown} */ value, /** @type {Target} */ target) => {
    if (value === undefined) values[target].delete(fullKey);
    else values[target].set(fullKey, value);
    configurationChanged.fire({ affectsConfiguration: (section) => affects(fullKey, section) });
    if (affects(fullKey, TELEMETRY_LEVEL_KEY)) setTelemetryEnabled(enabledAtLevel(effective(TELEMETRY_LEVEL_KEY)));
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
            if (affects(full(key), TELEMETRY_LEVEL_KEY)) setTelemetryEnabled(enabledAtLevel(effective(TELEMETRY_LEVEL_KEY)));
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
    },
    Uri,
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

/** `vscode.Uri`, as far as the adapter uses it: `parse` of an absolute URL, and `toString`. */
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
  get scheme() {
    return this.#url.protocol.slice(0, -1);
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
