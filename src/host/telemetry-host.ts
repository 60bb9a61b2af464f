/**
 * The extension-host half of protocol v1 (docs/protocol.md): answers the webview's requests, writes the setting,
 * and pushes the state whenever it changes by any road. Node only, no DOM; the `vscode` module is injected.
 */
import type * as vscode from 'vscode';
import {
  isLocaleTag,
  isTelemetryCategory,
  isPlainObject,
  isTelemetryState,
  isWebviewMessage,
  PROTOCOL_VERSION,
  WEBVIEW_MESSAGE_TYPES,
  type ErrorMessage,
  type EventsChangedMessage,
  type ExportedMessage,
  type EventsMessage,
  type StateMessage,
  type TelemetryErrorCode,
  type TelemetryOffer,
  type TelemetryState,
  type WebviewMessage,
} from '../protocol/protocol.js';
import { LOCKED_MESSAGES } from '../protocol/locked-messages.js';
import { isId, shortText } from '../protocol/values.js';
import { ACCOUNT_LINK_NOT_OFFERED_MESSAGE, AccountProviders } from './account.js';
import { readEvents } from './event-source.js';
import { SettingHistory } from './history.js';
import { Links } from './links.js';
import { createLog, describe, type Log } from './log.js';
import type { TelemetryHostGate, TelemetryHostOptions, TelemetryHostWebview } from './options.js';
import { DEFAULT_LOCKED_MESSAGE, readManagedBy } from './policy.js';
import { SCRIPTS_DISABLED_MESSAGE } from './panel-page.js';
import { ProviderTimeLimit } from './providers.js';
import { DEFAULT_KEY, DEFAULT_SECTION, OVERRIDDEN_MESSAGES, TelemetrySetting } from './setting.js';
import { levelAllows, readEditorTelemetryLevel } from './telemetry-level.js';
import { isDoNotTrack } from './do-not-track.js';

/**
 * The settings that set the editor's telemetry level. Between the levels below `all` (error, crash, off)
 * `env.isTelemetryEnabled` stays false and no telemetry event fires, so their configuration event is the one that tells.
 */
const EDITOR_TELEMETRY_KEYS = ['telemetry.telemetryLevel', 'telemetry.enableTelemetry'];

const GATE_KEYS = new Set<PropertyKey>(['account', 'onDidChangeAccount', 'accountLinked', 'events', 'onDidChangeEvents']);

/** The options with the account, its switch and what was sent read from `gate` (at each use, as the gate has them). */
function readingGate(options: TelemetryHostOptions, gate: TelemetryHostGate): TelemetryHostOptions {
  const log = createLog(options, 'telemetry-host');
  const ignored = [...GATE_KEYS].filter((name) => (options as unknown as Record<PropertyKey, unknown>)[name] !== undefined);
  if (ignored.length > 0 && ignored.some((name) => name !== 'onDidChangeEvents')) log(`ignored ${ignored.join(', ')}: with a gate, the adapter reads them from the gate`);
  const fromGate = (name: PropertyKey): unknown => {
    if (name === 'events') return gate.events;
    if (name === 'account') return gate.account;
    if (name === 'onDidChangeAccount') return gate.onDidChangeAccount;
    // The push of a changed sent log to the panel, for an adapter that offers it.
    if (name === 'onDidChangeEvents') return gate.onDidChangeEvents;
    const linked = gate.accountLinked;
    if (!linked) return undefined;
    return {
      get: () => linked.get(),
      set: (value: boolean) => {
        if (!linked.set) throw new Error('This editor cannot change the account switch from here.');
        return linked.set(value);
      },
      onDidChange: linked.onDidChange,
    };
  };
  return new Proxy(options, {
    get: (target, name, receiver) => (GATE_KEYS.has(name) ? fromGate(name) : Reflect.get(target, name, receiver)),
  });
}

/** Each connection's adapter, so that the initial state is read by the adapter that answers the page. */
const adapters = new WeakMap<vscode.Disposable, TelemetryHost>();

/**
 * Connects a telemetry settings webview to the editor's configuration. Returns a disposable that stops listening
 * and posting; dispose it with the webview (`panel.onDidDispose`).
 */
export function connectTelemetryHost(webview: TelemetryHostWebview, options: TelemetryHostOptions): vscode.Disposable {
  // A webview without scripts shows a blank panel and says nothing: say it here.
  if (webview.options && webview.options.enableScripts !== true) createLog(options, 'telemetry-host')(SCRIPTS_DISABLED_MESSAGE);
  const host = new TelemetryHost(webview, options);
  const connection = {
    dispose() {
      host.dispose();
    },
  };
  adapters.set(connection, host);
  return connection;
}

/**
 * The state message the adapter behind `connection` would push now, read in its queue and counted as given out (its
 * instance and rev); undefined for a connection of no adapter, or once it is disposed.
 */
export function currentStateMessage(connection: vscode.Disposable): Promise<StateMessage | undefined> {
  return adapters.get(connection)?.currentState() ?? Promise.resolve(undefined);
}

/** An opaque id for one adapter's life, so that the webview can tell a new host from a stale one. */
function newInstanceId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // Not secret, only distinct: two adapters must not share an id.
  return Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')).join('');
}

/** The words of a `bad-request` answer to `message`, a request that failed its check. */
function badRequestText(message: unknown): string {
  const type = isPlainObject(message) && Object.hasOwn(message, 'type') ? message.type : undefined;
  if (type === 'telemetry/hello' && isPlainObject(message) && message.protocol !== PROTOCOL_VERSION) {
    return `This editor speaks telemetry protocol ${PROTOCOL_VERSION}.`;
  }
  return (WEBVIEW_MESSAGE_TYPES as readonly unknown[]).includes(type)
    ? `Malformed ${type} request.`
    : 'Unknown request.';
}

/**
 * One webview's adapter: its requests handled in two queues, the state read from the setting, its history, the
 * policy and the providers, and posted with a `rev` that grows only when the state changed.
 */
class TelemetryHost {
  readonly #webview: TelemetryHostWebview;
  readonly #api: TelemetryHostOptions['vscode'];
  /** Read at each use, as the caller left them. */
  readonly #options: TelemetryHostOptions;
  readonly #log: Log;
  readonly #limit: ProviderTimeLimit;
  readonly #setting: TelemetrySetting;
  readonly #instance: string;
  readonly #history: SettingHistory;
  readonly #account: AccountProviders;
  readonly #links: Links;
  readonly #offers: TelemetryOffer[];
  readonly #subscriptions: (vscode.Disposable | undefined)[];
  #disposed = false;
  #rev = 0;
  #lastSent = '';
  // Two queues, each handling its work one at a time in the order it came, as the webview expects of its host:
  // hello, get, set, bad-request and pushes in one; events, whose source may be slow, in the other.
  readonly #queues: Record<'state' | 'events', Promise<unknown>> = { state: Promise.resolve(), events: Promise.resolve() };
  // One push waiting is enough: it reads the state when it runs, so a burst of changes behind a slow provider
  // does not pile up a push each.
  #pushWaiting = false;

  constructor(webview: TelemetryHostWebview, given: TelemetryHostOptions) {
    const options = given.gate ? readingGate(given, given.gate) : given;
    const { vscode: api, section = DEFAULT_SECTION, key = DEFAULT_KEY } = options;
    const target = options.target ?? api.ConfigurationTarget.Global;
    this.#webview = webview;
    this.#api = api;
    this.#options = options;
    this.#log = createLog(options, 'telemetry-host');
    this.#limit = new ProviderTimeLimit(options.providerTimeout, this.#log);
    this.#setting = new TelemetrySetting(api, section, key, target, this.#log);
    this.#instance = newInstanceId();
    this.#account = new AccountProviders(options, this.#limit, this.#log);
    this.#history = new SettingHistory(options, this.#setting.fullKey, this.#log, () => this.#setting.read());
    this.#links = new Links(options.links, api, this.#log);
    this.#offers = [
      ...(options.events ? (['events'] as const) : []),
      ...this.#links.offered,
      ...(options.gate?.deletionRequest === true ? (['deletion-request'] as const) : []),
      ...(options.gate?.exportEvents && api.window?.showSaveDialog && api.workspace.fs ? (['export'] as const) : []),
    ];
    const push = () => this.#push();
    this.#subscriptions = [
      webview.onDidReceiveMessage((message) => this.#receive(message)),
      api.workspace.onDidChangeConfiguration((event) => {
        if (this.#disposed) return;
        if (event.affectsConfiguration(this.#setting.fullKey)) this.#configurationChanged();
        if (EDITOR_TELEMETRY_KEYS.some((key) => event.affectsConfiguration(key))) push();
      }),
      api.env.onDidChangeTelemetryEnabled(push),
      options.onDidChangeAccount?.(push),
      options.onDidChangeManagedBy?.(push),
      options.accountLinked?.onDidChange?.(push),
      options.gate?.onDidChangeNotice?.(push),
      // The counts in the state follow the sent log while the panel is open.
      options.gate?.sentCounts ? options.gate.onDidChangeEvents?.(push) : undefined,
      // The log of a category changed: a page with its list open asks again. Only with the events offered.
      options.events
        ? options.onDidChangeEvents?.((category) => {
            if (!this.#disposed && isTelemetryCategory(category)) this.#post({ type: 'telemetry/events-changed', protocol: PROTOCOL_VERSION, category });
          })
        : undefined,
    ];
  }

  dispose(): void {
    this.#disposed = true;
    for (const subscription of this.#subscriptions) subscription?.dispose();
  }

  /** The state as a push would carry it now, in turn with the requests; undefined when disposed first or it failed. */
  currentState(): Promise<StateMessage | undefined> {
    let answer!: (message: StateMessage | undefined) => void;
    const read = new Promise<StateMessage | undefined>((resolve) => (answer = resolve));
    this.#enqueue(
      'state',
      async () => {
        const message = await this.#stateMessage(undefined, true);
        answer(this.#disposed ? undefined : message);
      },
      'read the initial state',
    );
    // Work that did not run (disposed) or failed leaves nothing: the first answer stands.
    void this.#queues.state.then(() => answer(undefined));
    return read;
  }

  #receive(message: unknown): void {
    if (this.#disposed) return;
    if (isWebviewMessage(message)) {
      switch (message.type) {
        // Not queued: it has no reply, and openExternal may wait on the user's confirmation, which must not hold up sets.
        case 'telemetry/open':
          return this.#links.open(message.target);
        case 'telemetry/events':
          return this.#enqueue('events', () => this.#answerEvents(message), 'answer telemetry/events');
        // Its own queue's turn after events: the save dialog waits on the user, which must not hold up the state.
        case 'telemetry/export':
          return void this.#exportEvents(message.id).catch((error: unknown) => this.#log(`could not export: ${describe(error)}`));
        case 'telemetry/set':
          return this.#enqueue('state', () => this.#handleSet(message), 'answer telemetry/set');
        case 'telemetry/hello':
        case 'telemetry/get':
          return this.#enqueue('state', () => this.#postState(message.id), `answer ${message.type}`);
      }
    }
    const id = isPlainObject(message) && Object.hasOwn(message, 'id') && isId(message.id) ? message.id : undefined;
    if (id) this.#enqueue('state', () => this.#postError(id, 'bad-request', badRequestText(message)), 'answer a malformed request');
    else this.#log('dropped a malformed message from the webview');
  }

  /** Runs `work` after everything before it in its queue; work still waiting when the adapter is disposed never runs. */
  #enqueue(queue: 'state' | 'events', work: () => unknown, what: string): void {
    this.#queues[queue] = this.#queues[queue]
      .then(() => (this.#disposed ? undefined : work()))
      .catch((error: unknown) => this.#log(`could not ${what}: ${describe(error)}`));
  }

  #push(): void {
    if (this.#disposed || this.#pushWaiting) return;
    this.#pushWaiting = true;
    this.#enqueue(
      'state',
      () => {
        this.#pushWaiting = false;
        return this.#postState();
      },
      'push the state',
    );
  }

  #configurationChanged(): void {
    this.#history.seen(this.#setting.read());
    this.#push();
  }

  #handleSet(message: Extract<WebviewMessage, { type: 'telemetry/set' }>) {
    // Policy locks both switches; a policy that cannot be read locks them too (fail closed).
    const { managedBy, readable } = readManagedBy(this.#options.managedBy, this.#log);
    if (!readable) {
      this.#log(`refused a set: who manages the setting is not known`);
      return this.#postError(message.id, 'locked', LOCKED_MESSAGES.unreadable);
    }
    if (managedBy) return this.#postError(message.id, 'locked', this.#options.lockedMessage ?? DEFAULT_LOCKED_MESSAGE);
    return message.accountLinked === undefined
      ? this.#setEnabled(message.id, message.enabled)
      : this.#setAccountLinked(message.id, message.accountLinked);
  }

  async #setEnabled(id: string, enabled: boolean) {
    if (this.#setting.read() !== enabled) {
      this.#history.writing(enabled);
      try {
        await this.#setting.write(enabled);
      } catch (error) {
        this.#history.writeFailed();
        this.#postError(id, 'write-failed', describe(error));
        return this.#postState(undefined, true); // the state as it really is
      }
      // The write landed; its configuration event may come before this, after it, or (another window) never.
      const actual = this.#setting.read();
      this.#history.written(enabled, actual);
      if (actual !== enabled) {
        // VS Code wrote the value, but a more specific scope decides: without a word the switch would bounce back.
        const scope = this.#setting.overridingScope();
        this.#log(
          `wrote ${String(enabled)} to ${this.#setting.fullKey}, but ${scope === 'other' ? 'another value' : `the ${scope} value`} overrides it`,
        );
        this.#postError(id, 'overridden', OVERRIDDEN_MESSAGES[scope]);
        return this.#postState(undefined, true);
      }
    }
    return this.#postState(id);
  }

  async #setAccountLinked(id: string, linked: boolean) {
    const option = this.#options.accountLinked;
    if (!option) return this.#postError(id, 'not-offered', ACCOUNT_LINK_NOT_OFFERED_MESSAGE);
    const failure = await this.#account.setLinked(option, linked);
    if (failure !== undefined) {
      this.#postError(id, 'write-failed', failure);
      return this.#postState(undefined, true);
    }
    return this.#postState(id);
  }

  async #answerEvents({ id, category, before, limit }: Extract<WebviewMessage, { type: 'telemetry/events' }>) {
    const page = { ...(before !== undefined && { before }), ...(limit !== undefined && { limit }) };
    const answer = await readEvents(this.#options.events, category, this.#limit, this.#log, page);
    if ('code' in answer) return this.#postError(id, answer.code, answer.message);
    this.#post({
      type: 'telemetry/events',
      protocol: PROTOCOL_VERSION,
      inReplyTo: id,
      events: answer.events,
      more: answer.more,
      ...(answer.before !== undefined && { before: answer.before }),
    });
  }

  #readLocale(): string | undefined {
    let language: unknown;
    try {
      language = this.#options.locale ? this.#options.locale() : this.#api.env.language;
    } catch (error) {
      this.#log(`could not read the display language: ${describe(error)}`);
    }
    // The protocol's own check, so the webview never rejects a state for its locale.
    return isLocaleTag(language) ? language : undefined;
  }

  async #readState(): Promise<TelemetryState> {
    // Both at once, so that a state waits at most one providerTimeout.
    const [{ linked: accountLinked }, account] = await Promise.all([this.#account.readLinked(), this.#account.readAccount()]);
    // The rest is read together after the providers answered: the setting, its history and the policy of one moment.
    const { managedBy } = readManagedBy(this.#options.managedBy, this.#log);
    const enabled = this.#setting.read();
    const invalidSetting = this.#setting.invalidScope();
    this.#history.reconcile(enabled);
    const locale = this.#readLocale();
    const editorTelemetryLevel = readEditorTelemetryLevel(this.#api);
    const gate = this.#options.gate;
    // The gate's own reading, so the panel and what leaves cannot disagree; without a gate, the environment's.
    const doNotTrack = gate ? gate.doNotTrack === true : isDoNotTrack();
    const noticePending = gate?.noticePending === true;
    const sentCounts = this.#readSentCounts();
    return {
      enabled,
      // For webviews that know only on and off: off where the level lets Code Studio send nothing at all.
      editorTelemetryEnabled: levelAllows(editorTelemetryLevel, 'error'),
      editorTelemetryLevel,
      managedBy,
      account,
      ...this.#history.report(managedBy, () => this.#setting.isSetInSettings()),
      ...(accountLinked !== undefined && { accountLinked }),
      ...(locale !== undefined && { locale }),
      // Absent, not empty, when nothing is offered: the state of a host without extensions stays as it was.
      ...(this.#offers.length > 0 && { offers: [...this.#offers] }),
      ...(invalidSetting !== undefined && { invalidSetting }),
      ...(doNotTrack && { doNotTrack }),
      ...(noticePending && { noticePending }),
      ...(sentCounts && { sentCounts }),
    };
  }

  /** Asks the user for a file and writes the whole sent log there as JSON; answers where, or why not. */
  async #exportEvents(id: string): Promise<void> {
    const read = this.#options.gate?.exportEvents;
    const save = this.#api.window?.showSaveDialog;
    const fs = this.#api.workspace.fs;
    if (!this.#offers.includes('export') || !read || !save || !fs) {
      return this.#postError(id, 'not-offered', 'This editor cannot export the telemetry it sent.');
    }
    const uri = await save.call(this.#api.window, {
      title: 'Export what was sent',
      saveLabel: 'Export',
      filters: { JSON: ['json'] },
    });
    if (!uri) return this.#postError(id, 'export-cancelled', 'Nothing was exported: no file was chosen.');
    const file = uri.fsPath || uri.toString();
    let events: readonly unknown[];
    try {
      // Read when the file is chosen, so that it holds what was sent up to then.
      events = read();
      await fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(events, null, 2)}\n`));
    } catch (error) {
      this.#log(`could not export what was sent to ${file}: ${describe(error)}`);
      return this.#postError(id, 'export-failed', `Could not write ${file}: ${describe(error)}`);
    }
    this.#post({ type: 'telemetry/exported', protocol: PROTOCOL_VERSION, inReplyTo: id, file: shortText(file, 'the chosen file'), count: events.length });
  }

  /** The gate's counts of what was sent, checked as the webview will check them; undefined without them. */
  #readSentCounts(): TelemetryState['sentCounts'] {
    const read = this.#options.gate?.sentCounts;
    if (!read) return undefined;
    try {
      const counts: unknown = read();
      if (isTelemetryState({ enabled: true, sentCounts: counts })) return counts as TelemetryState['sentCounts'];
      this.#log('the gate counted what was sent in a form the panel cannot read; no counts are shown');
    } catch (error) {
      this.#log(`could not count what was sent: ${describe(error)}`);
    }
    return undefined;
  }

  /** Posts without waiting: a postMessage that never settles must not hold up the queue, and order is kept anyway. */
  #post(message: StateMessage | ErrorMessage | EventsMessage | EventsChangedMessage | ExportedMessage): void {
    if (this.#disposed) return;
    const failed = (error: unknown) => this.#log(`could not post ${message.type}: ${describe(error)}`);
    try {
      // Resolves false while the webview is hidden: nothing is lost, it says hello when shown again.
      Promise.resolve(this.#webview.postMessage(message)).then(undefined, failed);
    } catch (error) {
      failed(error);
    }
  }

  /** Posts the current state; `rev` grows only when the state differs from the last one posted. */
  async #postState(inReplyTo?: string, always = inReplyTo !== undefined) {
    const message = await this.#stateMessage(inReplyTo, always);
    if (message) this.#post(message);
  }

  /**
   * The current state as a message, counted as given out (posted, or embedded in a page); undefined for a push that
   * changes nothing (`always` false).
   */
  async #stateMessage(inReplyTo: string | undefined, always: boolean): Promise<StateMessage | undefined> {
    const state = await this.#readState();
    const serialized = JSON.stringify(state);
    if (serialized !== this.#lastSent) {
      this.#lastSent = serialized;
      this.#rev++;
    } else if (!always) {
      return undefined;
    }
    return { type: 'telemetry/state', protocol: PROTOCOL_VERSION, instance: this.#instance, rev: this.#rev, ...(inReplyTo && { inReplyTo }), state };
  }

  #postError(inReplyTo: string, code: TelemetryErrorCode, message: string): void {
    this.#post({
      type: 'telemetry/error',
      protocol: PROTOCOL_VERSION,
      instance: this.#instance,
      inReplyTo,
      code,
      message: shortText(message, code),
    });
  }
}
