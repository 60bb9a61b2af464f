/**
 * A message-level puppet of the editor for the browser tests that must hold, drop or reorder single replies: a fake
 * webview API plus a host that speaks protocol v1 back. An editor that simply answers is dev/fake-editor.ts, the
 * host adapter that ships on a fake `vscode`.
 *
 * Host messages arrive through the fake API's own transport (`onDidReceiveMessage`), at once, so that a test steps
 * through an exchange without waiting for tasks; the guards still check every message. The window path, real
 * `message` events that must pass `isFromHost`, is tested with real frames in host-messages.test.ts and with
 * dist/webview.js in a real page (support/webview-page.ts).
 *
 *   const host = new FakeHost({ enabled: true });             // answers every request on its own, a task later
 *   el.vscodeApi = host.api;
 *   host.manual = true;                                       // hold requests until the test says
 *   host.reply();  host.replyAll();                           // answer the oldest held request / all of them
 *   host.failNextSave('write-failed', 'Disk full');           // the next set is refused with that error
 *   host.silent = true;                                       // never answer anything
 *   host.push({ managedBy: 'policy' });                       // change the setting unasked and tell the webview
 *   new FakeHost({ accountLinked: false, offers: ['events'] });  // a host with the protocol's extensions
 *   host.eventSource = (category) => [...];                   // what a `telemetry/events` request is answered with
 *   host.failNextEvents('read-failed', 'Log missing');        // the next events request gets that error
 *   host.pagedEvents = true;                                  // events answered a page at a time, as the adapter does
 *   host.exportAnswer = { file: '/tmp/sent.json', count: 3 }; // what `telemetry/export` is answered with
 *   host.opened                                                // the link targets the webview asked to open
 *   new FakeHost({ instance: 'a' });                          // a host that names its instance on each message
 *   host.restart({ instance: 'b' });                          // an extension-host restart: rev counts from 1 again
 *   new FakeHost({ scheduler: clock });                       // automatic answers wait on a test's manual clock
 *
 * Call `dispose()` when done so no scheduled reply reaches a later test.
 */
import type {
  EventsMessage,
  HostMessage,
  LinkTarget,
  NormalizedTelemetryState,
  OpenMessage,
  StateMessage,
  TelemetryCategory,
  TelemetryEvent,
  TelemetryState,
  WebviewMessage,
} from '../../src/protocol/protocol.js';
import { PROTOCOL_VERSION, isWebviewMessage, normalizeState } from '../../src/protocol/protocol.js';
import { selectEvents } from '../../src/protocol/events.js';
import type { Scheduler } from '../../src/webview/telemetry-client.js';
import type { VsCodeApi } from '../../src/webview/vscode-api.js';

/** A message the webview sends that expects a reply, so carries an id (every one but `telemetry/open`). */
export type RequestMessage = Exclude<WebviewMessage, OpenMessage>;

/** A webview API that records what the webview posts and keeps `setState` in memory. */
export class FakeVsCodeApi implements VsCodeApi {
  /** Every message posted, in order (structured clones, as the real API would send). */
  readonly posted: unknown[] = [];
  /** Every value passed to `setState`, in order. */
  readonly savedStates: unknown[] = [];
  /** Called after each post; the fake host hooks in here. */
  onPost?: (message: unknown) => void;
  #state: unknown;
  readonly #listeners = new Set<(data: unknown) => void>();

  constructor(initialState?: unknown) {
    this.#state = initialState;
  }

  onDidReceiveMessage(listener: (data: unknown) => void): () => void {
    const subscription = (data: unknown) => listener(data);
    this.#listeners.add(subscription);
    liveApis.add(this);
    return () => {
      this.#listeners.delete(subscription);
      if (!this.#listeners.size) liveApis.delete(this);
    };
  }

  /** Hands `data` as it is to whoever listens on this API (hostile test data may be no clonable value). */
  deliver(data: unknown): void {
    for (const listener of [...this.#listeners]) listener(data);
  }

  /** How many listen on this API's transport. */
  get listeners(): number {
    return this.#listeners.size;
  }

  postMessage(message: unknown): boolean {
    const copy = structuredClone(message);
    this.posted.push(copy);
    this.onPost?.(copy);
    return true;
  }

  getState(): unknown {
    return this.#state;
  }

  setState<T>(state: T): T {
    this.#state = structuredClone(state);
    this.savedStates.push(this.#state);
    return state;
  }

  /** The posted messages of one type, e.g. `sent('telemetry/set')`. */
  sent<K extends WebviewMessage['type']>(type: K): Extract<WebviewMessage, { type: K }>[] {
    return this.posted.filter(
      (m): m is Extract<WebviewMessage, { type: K }> => isWebviewMessage(m) && m.type === type,
    );
  }

  /** The last request posted (a message with an id: opens, which have none, are skipped). */
  get last(): RequestMessage | undefined {
    return [...this.posted].reverse().find((m): m is RequestMessage => isWebviewMessage(m) && m.type !== 'telemetry/open');
  }
}

/** The fake APIs someone listens on, so that `deliverFromHost` reaches a client built on any of them. */
const liveApis = new Set<FakeVsCodeApi>();

/** Delivers `data` to every client listening on a fake API, as the webview's host would. */
export function deliverFromHost(data: unknown): void {
  for (const api of [...liveApis]) api.deliver(data);
}

export interface FakeHostOptions extends Partial<TelemetryState> {
  /** The starting `rev` (default 1). */
  rev?: number;
  /** Hold requests until `reply()`/`replyAll()` (default false: answer on their own). */
  manual?: boolean;
  /** Delay in ms before an automatic answer is delivered (default 0: the next task, like a real postMessage). */
  delay?: number;
  /** A webview API to serve; a fresh FakeVsCodeApi otherwise (pass one with a saved state to test reloads). */
  api?: FakeVsCodeApi;
  /** The host instance id sent on each state and error (default: none, as a host without the extension). */
  instance?: string;
  /** The timers automatic answers wait on (default: the window's). */
  scheduler?: Scheduler;
}

/** An editor backend that answers hello/get/set with state messages; `rev` grows on each change. */
export class FakeHost {
  readonly api: FakeVsCodeApi;
  /** The host's setting: the truth the webview must end up showing. */
  state: NormalizedTelemetryState;
  rev: number;
  /** Hold requests in `held` until the test answers them. */
  manual: boolean;
  /** Never answer (requests are still recorded in `received`). */
  silent = false;
  delay: number;
  /** The id of this host instance, sent as `instance`; undefined sends none. `restart()` changes it. */
  instance: string | undefined;
  /** How many times the host restarted: a message or request of an earlier generation belongs to a dead channel. */
  generation = 0;
  /** Requests waiting for an answer in manual mode, oldest first. */
  readonly held: RequestMessage[] = [];
  /** The link targets the webview asked to open, in order (opens have no reply, so are never held). */
  readonly opened: LinkTarget[] = [];
  /** Answers `telemetry/events`: the recent events of a category, oldest first (default: none). */
  eventSource: (category: TelemetryCategory) => TelemetryEvent[] = () => [];
  /**
   * Pages `eventSource` as the adapter does (the protocol's own `selectEvents`: `before`, `limit`, `more`); false
   * (default): answers with the whole source as it is, malformed or not.
   */
  pagedEvents = false;
  /** Answers `telemetry/export`: where it was written and how many, or an error (default: not offered). */
  exportAnswer: { file: string; count: number } | { code: string; message: string } = { code: 'not-offered', message: '' };
  /** Every valid request received, in order. */
  readonly received: WebviewMessage[] = [];
  #failNext?: { code: string; message: string };
  #failNextEvents?: { code: string; message: string };
  #timers = new Set<unknown>();
  readonly #scheduler: Scheduler;
  #disposed = false;

  constructor(options: FakeHostOptions = {}) {
    const { rev = 1, manual = false, delay = 0, api = new FakeVsCodeApi(), instance, scheduler = globalThis, ...state } = options;
    this.#scheduler = scheduler;
    this.state = normalizeState({ enabled: true, ...state });
    this.rev = rev;
    this.manual = manual;
    this.delay = delay;
    this.instance = instance;
    this.api = api;
    api.onPost = (message) => this.#onRequest(message);
  }

  /** The next set gets a `telemetry/error` with this code instead of being applied. */
  failNextSave(code = 'write-failed', message = ''): void {
    this.#failNext = { code, message };
  }

  /** The next events request gets a `telemetry/error` with this code instead of events. */
  failNextEvents(code = 'read-failed', message = ''): void {
    this.#failNextEvents = { code, message };
  }

  /**
   * Restart as an extension-host restart does: a new adapter on the same setting (`state` stays) whose count of `rev`
   * starts again at 1, named `instance` (none: a host that sends no id). What the old one held or had scheduled to
   * answer is lost with it.
   */
  restart({ instance }: { instance?: string } = {}): void {
    this.instance = instance;
    this.rev = 1;
    this.generation++;
    this.held.length = 0;
    for (const timer of this.#timers) this.#scheduler.clearTimeout(timer);
    this.#timers.clear();
  }

  /** Answer the oldest held request (or the one with `id`); returns what was delivered. */
  reply(id?: string): HostMessage | undefined {
    const index = id === undefined ? 0 : this.held.findIndex((m) => m.id === id);
    if (index < 0 || index >= this.held.length) throw new Error(`FakeHost: no held request ${id ?? ''}`);
    const [request] = this.held.splice(index, 1);
    const answer = this.answer(request);
    this.deliver(answer);
    return answer;
  }

  /** Answer every held request, oldest first. */
  replyAll(): HostMessage[] {
    const answers: HostMessage[] = [];
    while (this.held.length) answers.push(this.reply()!);
    return answers;
  }

  /** Apply a request to the host's state and build its answer without delivering it (to deliver out of order). */
  answer(request: RequestMessage): HostMessage {
    const protocol = PROTOCOL_VERSION;
    if (request.type === 'telemetry/events') {
      const failure = this.#failNextEvents;
      this.#failNextEvents = undefined;
      if (failure) return { type: 'telemetry/error', protocol, ...this.#instanceField(), inReplyTo: request.id, ...failure };
      const source = this.eventSource(request.category);
      if (!this.pagedEvents) return { type: 'telemetry/events', protocol, inReplyTo: request.id, events: source } satisfies EventsMessage;
      const { before, limit } = request;
      const page = selectEvents(source, request.category, { ...(before !== undefined && { before }), ...(limit !== undefined && { limit }) });
      const paged: EventsMessage = { type: 'telemetry/events', protocol, inReplyTo: request.id, events: page.events, more: page.more };
      return page.before === undefined ? paged : { ...paged, before: page.before };
    }
    if (request.type === 'telemetry/export') {
      const answer = this.exportAnswer;
      if ('code' in answer) return { type: 'telemetry/error', protocol, ...this.#instanceField(), inReplyTo: request.id, ...answer };
      // Not a HostMessage (an extension's answer): delivered as any message is.
      return { type: 'telemetry/exported', protocol, inReplyTo: request.id, ...answer } as unknown as HostMessage;
    }
    if (request.type === 'telemetry/set') {
      const failure = this.#failNext ?? (this.state.managedBy ? { code: 'locked', message: '' } : undefined);
      this.#failNext = undefined;
      if (failure) return { type: 'telemetry/error', protocol, ...this.#instanceField(), inReplyTo: request.id, ...failure };
      if (request.enabled !== undefined && request.enabled !== this.state.enabled) this.change({ enabled: request.enabled });
      if (request.accountLinked !== undefined && request.accountLinked !== this.state.accountLinked) {
        this.change({ accountLinked: request.accountLinked });
      }
    }
    return this.stateMessage(request.id);
  }

  /** Change the host's state (rev grows) without telling the webview. */
  change(patch: Partial<TelemetryState>): void {
    this.state = normalizeState({ ...this.state, changedAt: new Date().toISOString(), ...patch });
    this.rev++;
  }

  /** Change the host's state and push it to the webview unasked (no `inReplyTo`). */
  push(patch: Partial<TelemetryState> = {}): StateMessage {
    this.change(patch);
    const message = this.stateMessage();
    this.deliver(message);
    return message;
  }

  /** A state message with the host's current state and rev. */
  stateMessage(inReplyTo?: string): StateMessage {
    return {
      type: 'telemetry/state',
      protocol: PROTOCOL_VERSION,
      ...this.#instanceField(),
      rev: this.rev,
      ...(inReplyTo === undefined ? {} : { inReplyTo }),
      state: structuredClone(this.state),
    };
  }

  /** Deliver a host message now, through a real window `message` event. */
  deliver(message: HostMessage): void {
    this.api.deliver(structuredClone(message));
  }

  /** Resolves once no automatic answer is scheduled. */
  async idle(): Promise<void> {
    while (this.#timers.size) await new Promise((resolve) => setTimeout(resolve, Math.max(this.delay, 1)));
  }

  dispose(): void {
    this.#disposed = true;
    for (const timer of this.#timers) this.#scheduler.clearTimeout(timer);
    this.#timers.clear();
    this.api.onPost = undefined;
  }

  #instanceField(): { instance?: string } {
    return this.instance === undefined ? {} : { instance: this.instance };
  }

  #onRequest(message: unknown): void {
    if (this.#disposed || !isWebviewMessage(message)) return;
    this.received.push(message);
    if (message.type === 'telemetry/open') return void this.opened.push(message.target);
    if (this.silent) return;
    if (this.manual) {
      this.held.push(message);
      return;
    }
    // Answer a task later, as a real postMessage would: never inside the webview's own call.
    const timer = this.#scheduler.setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#disposed && !this.silent) this.deliver(this.answer(message));
    }, this.delay);
    this.#timers.add(timer);
  }
}
