// A small, faithful fake of the parts of the `vscode` module the host adapter uses (its configuration, events, env
// and Uri), of a Memento (`context.globalState`), and of a webview. Behaviour follows VS Code 1.100: events are `Event<T>` functions returning a Disposable,
// listeners run synchronously when an event fires, `update` writes then fires `onDidChangeConfiguration` then
// resolves, and `affectsConfiguration` matches the key and every dotted prefix of it.
import { setImmediate, setTimeout } from 'node:timers/promises';

/** @typedef {{ dispose(): void }} Disposable */
/** @template T @typedef {(listener: (value: T) => unknown) => Disposable} Event */

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

/** VS Code's rule: `a.b.c` affects `a`, `a.b` and `a.b.c`, not `a.b.cd` nor `a.b.c.d`. */
export function affects(changedKey, section) {
  return changedKey === section || changedKey.startsWith(`${section}.`);
}

/**
 * @param {{ defaults?: Record<string, unknown>, isTelemetryEnabled?: boolean, updateDelayMs?: number, language?: unknown }} [init]
 *   `defaults`: contributed defaults by full key (default `codeStudio.telemetry.enabled: true`); `language`: the
 *   editor's display language, `vscode.env.language` (default `en`, as VS Code reports English).
 */
export function createFakeVsCode(init = {}) {
  const counter = new ListenerCounter();
  const defaults = new Map(Object.entries(init.defaults ?? { 'codeStudio.telemetry.enabled': true }));
  /** Values by target, by full key: settings.json of the user (Global), the workspace, the folder. */
  const values = {
    [ConfigurationTarget.Global]: new Map(),
    [ConfigurationTarget.Workspace]: new Map(),
    [ConfigurationTarget.WorkspaceFolder]: new Map(),
  };
  const configurationChanged = new EventEmitter(counter);
  const telemetryChanged = new EventEmitter(counter);
  let isTelemetryEnabled = init.isTelemetryEnabled ?? true;
  /** @type {{ message: string, writeFirst: boolean }[]} */
  const failures = [];

  const fake = {
    counter,
    values,
    /** Every call of `update`, in order: `{ section, key, value, target }`. */
    updates: /** @type {{ section: string, key: string, value: unknown, target: unknown }[]} */ ([]),
    /** Calls of `update` that have not settled yet. */
    pendingUpdates: 0,
    /** How long each `update` takes before it writes (a slow disk). */
    updateDelayMs: init.updateDelayMs ?? 0,
    configurationChanged,
    telemetryChanged,
    /** When true, `update` resolves first and fires `onDidChangeConfiguration` 5 ms later. */
    lateConfigurationEvents: false,
    /** Every call of `env.openExternal`: the Uri's string form. */
    opened: /** @type {string[]} */ ([]),
    /** The next `openExternal` rejects with this error. */
    openExternalError: /** @type {Error | undefined} */ (undefined),

    /** The user's value of a full key (what settings.json holds), or undefined. */
    userValue: (fullKey) => values[ConfigurationTarget.Global].get(fullKey),

    /** The effective value, as `get` sees it: folder, then workspace, then user, then the contributed default. */
    effective(fullKey) {
      for (const target of [ConfigurationTarget.WorkspaceFolder, ConfigurationTarget.Workspace, ConfigurationTarget.Global]) {
        if (values[target].has(fullKey)) return values[target].get(fullKey);
      }
      return defaults.get(fullKey);
    },

    /** The next `update` rejects with VS Code's kind of error; `writeFirst` makes it write the value before failing. */
    failNextUpdate(message = 'Unable to write into user settings. Please open the user settings to correct errors/warnings in it and try again.', { writeFirst = false } = {}) {
      failures.push({ message, writeFirst });
    },

    /** A hand edit of settings.json (any value, junk included; undefined removes it), then the change event. */
    editByHand(fullKey, value, target = ConfigurationTarget.Global) {
      if (value === undefined) values[target].delete(fullKey);
      else values[target].set(fullKey, value);
      configurationChanged.fire({ affectsConfiguration: (section) => affects(fullKey, section) });
    },

    /** The editor-wide telemetry setting switches. */
    setTelemetryEnabled(enabled) {
      if (enabled === isTelemetryEnabled) return;
      isTelemetryEnabled = enabled;
      telemetryChanged.fire(enabled);
    },
  };

  /** @param {string} [section] */
  const getConfiguration = (section) => {
    const full = (key) => (section ? `${section}.${key}` : key);
    return {
      get: (key, defaultValue) => fake.effective(full(key)) ?? defaultValue,
      has: (key) => fake.effective(full(key)) !== undefined,
      inspect: (key) => ({
        key: full(key),
        defaultValue: defaults.get(full(key)),
        globalValue: values[ConfigurationTarget.Global].get(full(key)),
        workspaceValue: values[ConfigurationTarget.Workspace].get(full(key)),
        workspaceFolderValue: values[ConfigurationTarget.WorkspaceFolder].get(full(key)),
      }),
      async update(key, value, target) {
        fake.updates.push({ section, key, value, target });
        fake.pendingUpdates++;
        try {
          const resolved = target === true || target === undefined ? ConfigurationTarget.Global : target === false ? ConfigurationTarget.Workspace : target;
          if (!values[resolved]) throw new Error(`Unknown configuration target ${String(target)}`);
          const failure = failures.shift();
          if (fake.updateDelayMs > 0) await setTimeout(fake.updateDelayMs);
          else await setImmediate();
          if (failure && !failure.writeFirst) throw new Error(failure.message);
          if (value === undefined) values[resolved].delete(full(key));
          else values[resolved].set(full(key), value);
          const event = { affectsConfiguration: (s) => affects(full(key), s) };
          // The extension host may learn of the change only after the write's promise settled.
          if (fake.lateConfigurationEvents) setTimeout(5).then(() => configurationChanged.fire(event));
          else configurationChanged.fire(event);
          if (failure) throw new Error(failure.message);
        } finally {
          fake.pendingUpdates--;
        }
      },
    };
  };

  fake.vscode = {
    ConfigurationTarget,
    workspace: { getConfiguration, onDidChangeConfiguration: configurationChanged.event },
    env: {
      get isTelemetryEnabled() {
        return isTelemetryEnabled;
      },
      onDidChangeTelemetryEnabled: telemetryChanged.event,
      language: Object.hasOwn(init, 'language') ? init.language : 'en',
      /** Resolves true as VS Code does once the browser was asked to open it. */
      openExternal(uri) {
        if (!(uri instanceof Uri)) return Promise.reject(new TypeError('openExternal takes a Uri'));
        fake.opened.push(uri.toString());
        const error = fake.openExternalError;
        fake.openExternalError = undefined;
        return error ? Promise.reject(error) : Promise.resolve(true);
      },
    },
    Uri,
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
 */
export function createFakeMemento(initial = {}) {
  const store = new Map(Object.entries(initial));
  return {
    store,
    /** The next `update` rejects (a full disk), without storing. */
    failNextUpdate: false,
    /** @param {string} key @param {unknown} [defaultValue] */
    get(key, defaultValue) {
      return store.has(key) ? JSON.parse(JSON.stringify(store.get(key))) : defaultValue;
    },
    /** @param {string} key @param {unknown} value */
    update(key, value) {
      if (this.failNextUpdate) {
        this.failNextUpdate = false;
        return Promise.reject(new Error('Cannot write the global state.'));
      }
      if (value === undefined) store.delete(key);
      else store.set(key, JSON.parse(JSON.stringify(value)));
      return setImmediate();
    },
    keys: () => [...store.keys()],
  };
}

/**
 * One extension host's view of a Memento shared with others (`globalState` in two windows): `get` reads the shared
 * store at once, `update` reaches it only after `delayMs`, as a save from another process arrives late.
 * @param {ReturnType<typeof createFakeMemento>} memento
 */
export function laggingMemento(memento, delayMs) {
  return {
    /** @param {string} key @param {unknown} [defaultValue] */
    get: (key, defaultValue) => memento.get(key, defaultValue),
    /** @param {string} key @param {unknown} value */
    update: (key, value) => setTimeout(delayMs).then(() => memento.update(key, value)),
  };
}

/**
 * A webview: `postMessage` records a structured clone of each message and resolves true; false while `hidden`;
 * rejects once `disposed` (VS Code: "Webview is disposed").
 * @param {ListenerCounter} [counter] share the fake vscode's counter to count every listener in one place
 */
export function createFakeWebview(counter = new ListenerCounter()) {
  const received = new EventEmitter(counter);
  const webview = {
    /** What reached the page: structured clones, in order. */
    posted: /** @type {any[]} */ ([]),
    /** Every call of postMessage, delivered or not. */
    calls: 0,
    /** @type {'visible' | 'hidden' | 'disposed'} */
    mode: 'visible',
    onDidReceiveMessage: received.event,
    postMessage(message) {
      webview.calls++;
      if (webview.mode === 'disposed') return Promise.reject(new Error('Webview is disposed'));
      if (webview.mode === 'hidden') return Promise.resolve(false);
      webview.posted.push(globalThis.structuredClone(message));
      return Promise.resolve(true);
    },
    /** Delivers a message from the page, as VS Code does: a structured clone, listeners called synchronously. */
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
 * (each `setImmediate` turn drains every pending promise job). Gives up after `timeoutMs`.
 */
export async function settle(fake, webview, { turns = 5, timeoutMs = 2000 } = {}) {
  const start = Date.now();
  let quiet = 0;
  let calls = webview.calls;
  while (quiet < turns) {
    await setImmediate();
    if (Date.now() - start > timeoutMs) throw new Error('the adapter did not settle');
    if (fake.pendingUpdates > 0 || webview.calls !== calls) {
      quiet = 0;
      calls = webview.calls;
      if (fake.pendingUpdates > 0 && fake.updateDelayMs > 0) await setTimeout(1);
    } else quiet++;
  }
}
