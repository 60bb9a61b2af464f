import {
  PROTOCOL_VERSION,
  isErrorMessage,
  isForeignProtocolMessage,
  isStateMessage,
  normalizeState,
  type EventsRequestMessage,
  type ExportRequestMessage,
  type GetMessage,
  type HelloMessage,
  type LinkTarget,
  type SetMessage,
  type StateMessage,
  type TelemetryCategory,
  type TelemetryEvent,
  type WebviewMessage,
} from '../protocol/protocol.js';
import { listenToHost } from './host-messages.js';
import { HostSequencer } from './host-sequencer.js';
import { RequestTracker, type Posted, type Scheduler } from './request-tracker.js';
import { readSavedState, startingPoint, writeSavedState } from './saved-state.js';
import { LOADING_VIEW, TelemetryRequestError, type SetField, type TelemetryProblem, type TelemetryView } from './telemetry-view.js';
import type { VsCodeApi } from './vscode-api.js';
import type { EventsReader } from './events-reader.js';

export { LOADING_VIEW, TelemetryRequestError } from './telemetry-view.js';
export type { SetField, TelemetryCertainty, TelemetryPhase, TelemetryProblem, TelemetryView } from './telemetry-view.js';
export { SEND_LIMIT, SEND_WINDOW, type Scheduler } from './request-tracker.js';
export { STALE_CHECKS } from './host-sequencer.js';
export type { EventsReader } from './events-reader.js';

export interface TelemetryClientOptions {
  api: VsCodeApi;
  /** The window whose `message` events carry host messages (default: `window`). */
  window?: Window;
  /** How long a request may go unanswered, in ms (default 5000). */
  timeout?: number;
  scheduler?: Scheduler;
  /** Receives raw host data; the default listens to `window` and keeps only messages from the host. */
  listen?: (listener: (data: unknown) => void) => () => void;
  /**
   * The state message the host embedded in the page (see `readInitialState`), raw: it passes the same guard as any
   * state message, or it is ignored. Shown as confirmed unless the saved state is newer. Give it to the page's first
   * client only: a later one would show the page-load state as the host's current word.
   */
  initialState?: unknown;
  /**
   * Reads the extensions' replies: events and export (`readEvents` from events-reader.ts). Without it the client
   * neither asks for events or an export (`not-offered`) nor hears of them: the panel's bundle loads it with their UI.
   */
  readEvents?: EventsReader;
}

export const DEFAULT_TIMEOUT = 5000;

/** Hellos sent by themselves after a hello or get went unanswered, each waiting twice as long as the one before. */
export const AUTO_HELLOS = 3;

const HELLO = 'telemetry/hello';
const GET = 'telemetry/get';
const SET = 'telemetry/set';
const EVENTS = 'telemetry/events';
const EXPORT = 'telemetry/export';

/**
 * How long an export may wait for its answer, in ms: the host first asks the user for a file, and a person choosing
 * one takes longer than any message. After it the panel says the outcome is not known.
 */
export const EXPORT_TIMEOUT = 5 * 60_000;

/** One page of a category's events, oldest first; `more`: older ones exist, asked for with `before`. */
export interface TelemetryEventsPage {
  events: TelemetryEvent[];
  more: boolean;
  before?: string;
}

/** Where the host wrote the whole sent log, and how many events the file holds. */
export interface TelemetryExport {
  file: string;
  count: number;
}

/** A protocol request before it has an id. */
type Unsent<M> = M extends unknown ? Omit<M, 'id'> : never;
type Settle<T> = { resolve(value: T): void; reject(error: Error): void };
/** `tries`: how many automatic hellos came before this one since the host last answered. */
type Request =
  | (Unsent<HelloMessage> & { tries?: number })
  | Unsent<GetMessage>
  | Unsent<SetMessage>
  | (Unsent<EventsRequestMessage> & { settle: Settle<TelemetryEventsPage> })
  | (Unsent<ExportRequestMessage> & { settle: Settle<TelemetryExport> });

const fieldOf = (request: Unsent<SetMessage>): SetField => (request.enabled === undefined ? 'accountLinked' : 'enabled');
const isSetOf = (field: SetField) => (request: Request) => request.type === SET && fieldOf(request) === field;
const triesOf = (request: Request) => (request.type === HELLO && request.tries) || 0;

/** The message on the wire: the protocol's fields only. */
function wire(request: Posted<Request>): WebviewMessage {
  const { id } = request;
  if (request.type === HELLO) return { type: HELLO, id, protocol: PROTOCOL_VERSION };
  if (request.type === GET) return { type: GET, id };
  if (request.type === EVENTS) {
    const { category, before, limit } = request;
    return { type: EVENTS, id, category, ...(before !== undefined && { before }), ...(limit !== undefined && { limit }) };
  }
  if (request.type === EXPORT) return { type: EXPORT, id };
  return request.enabled === undefined ? { type: SET, id, accountLinked: request.accountLinked } : { type: SET, id, enabled: request.enabled };
}

/**
 * The webview's end of protocol v1: says hello, sends the user's choices, and keeps what is shown true to the host.
 * Optimistic: a flip shows at once; the reply settles it; an error or silence shows the host's real state again.
 * Composed of three parts: the requests (RequestTracker), which host words are current (HostSequencer), and the
 * state saved with the page (saved-state.ts); this class keeps the view.
 */
export class TelemetryClient {
  readonly #api: VsCodeApi;
  readonly #readEvents?: EventsReader;
  readonly #requests: RequestTracker<Request>;
  readonly #sequence: HostSequencer;
  readonly #unlisten: () => void;
  readonly #listeners = new Set<(view: TelemetryView) => void>();
  readonly #eventsListeners = new Set<(category: TelemetryCategory) => void>();
  /** A set went unanswered and no state came since: the host may hold either value. */
  #setInDoubt = false;
  /** The last request number posted before a state was last placed: silence on a read up to it is a lost message. */
  #heard = 0;
  #view = LOADING_VIEW;
  #ignored = 0;
  #disposed = false;

  constructor(options: TelemetryClientOptions) {
    const api = (this.#api = options.api);
    this.#readEvents = options.readEvents;
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    // The window's own timers, looked up at each call.
    const scheduler = options.scheduler ?? globalThis;
    this.#requests = new RequestTracker<Request>({
      scheduler,
      post: (request) => api.postMessage(wire(request)),
      timeLimit: (request) => (request.type === EXPORT ? EXPORT_TIMEOUT : timeout << triesOf(request)),
      onTimeout: (request) => this.#fail(request, 'timeout', ''),
      // A page of older events is its own request: a later newest page does not take its place.
      key: (request) => (request.type === SET ? `${SET}:${fieldOf(request)}` : request.type === EVENTS ? `${EVENTS}:${request.category}:${request.before}` : request.type),
      onDropped: (request) => 'settle' in request && request.settle.reject(new TelemetryRequestError('superseded', '')),
    });
    this.#sequence = new HostSequencer({
      scheduler,
      timeout,
      sendHello: () => this.#requests.send({ type: HELLO, protocol: PROTOCOL_VERSION }),
      helloAfter: (number) => this.#requests.has((request) => request.type === HELLO && !((request as Posted<Request>).number <= number)),
    });
    const start = startingPoint(options.initialState, readSavedState(api));
    if (start.saved) {
      // An earlier page's word, not this host's: good to paint at once, not yet confirmed; the hello brings the truth.
      const host = normalizeState(start.saved.state);
      this.#view = { ...LOADING_VIEW, phase: 'ready', enabled: host.enabled, accountLinked: host.accountLinked ?? null, host, certainty: 'last-known' };
    }
    // The host's word as it built the page, by the adapter that answers the hello: as current as a push just come.
    if (start.embed) this.receive(start.embed);
    const receive = (data: unknown) => this.receive(data);
    this.#unlisten = options.listen
      ? options.listen(receive)
      : api.onDidReceiveMessage
        ? api.onDidReceiveMessage(receive)
        : listenToHost(options.window ?? window, receive);
    this.#requests.send({ type: HELLO, protocol: PROTOCOL_VERSION });
  }

  get view(): TelemetryView {
    return this.#view;
  }

  /** Messages dropped as malformed, foreign or of an unknown type. */
  get ignoredMessages(): number {
    return this.#ignored;
  }

  /** Requests still waiting for a reply or for a slot to be sent in (each posted one holds a timer). */
  get pendingRequests(): number {
    return this.#requests.size;
  }

  subscribe(listener: (view: TelemetryView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `listener` with a category whose log the host says changed (events offered only): an open list asks again. */
  onEventsChanged(listener: (category: TelemetryCategory) => void): () => void {
    this.#eventsListeners.add(listener);
    return () => this.#eventsListeners.delete(listener);
  }

  /** The user flipped the switch: show it at once and ask the host. */
  setEnabled(enabled: boolean): void {
    if (this.#canSet()) this.#set('enabled', enabled);
  }

  /** The user flipped the account switch: the same rules as the main switch, with its own pending set. */
  setAccountLinked(accountLinked: boolean): void {
    if (this.#canSet() && this.#view.host?.accountLinked !== undefined) this.#set('accountLinked', accountLinked);
  }

  /** Retry after a problem: ask again for a failed save, otherwise say hello again. */
  retry(): void {
    const { wanted, field } = this.#view.problem ?? {};
    if (wanted !== undefined && !this.#view.host?.managedBy) {
      return field === 'accountLinked' ? this.setAccountLinked(wanted) : this.setEnabled(wanted);
    }
    if (this.#disposed) return;
    this.#sequence.resetChecks(); // the user asks: a new row of checks may follow
    this.#requests.send({ type: HELLO, protocol: PROTOCOL_VERSION });
    // A value not known now is not shown as ready: the switch waits for the host's answer.
    this.#update({ phase: this.#view.host && this.#view.certainty !== 'unknown' ? 'ready' : 'loading', problem: null });
  }

  /**
   * The recent events of one category, oldest first, as the host sent them: its newest page. Rejects with a
   * `TelemetryRequestError` on the host's error, on silence (`timeout`), when the host does not offer events
   * (`not-offered`), or when a later request of the category took its place before it went out (`superseded`). A reply
   * whose events are not all of the category asked for, or not in time order, is a `bad-reply`. A client made without
   * `readEvents` is `not-offered`.
   */
  requestEvents(category: TelemetryCategory): Promise<TelemetryEvent[]> {
    return this.requestEventsPage(category).then((page) => page.events);
  }

  /**
   * One page of a category's events, oldest first: the newest page, or with `before` (a page's cursor) the one older
   * than it; `limit` caps its length. Rejects as `requestEvents` does.
   */
  requestEventsPage(category: TelemetryCategory, page: { before?: string; limit?: number } = {}): Promise<TelemetryEventsPage> {
    return this.#ask('events', (settle) => ({ type: EVENTS, category, ...page, settle }));
  }

  /**
   * Asks the host to write the whole sent log to a file the user picks. Resolves with where, and how many events;
   * rejects with a `TelemetryRequestError`: `export-cancelled` (no file chosen), `export-failed`, `not-offered`, or
   * `timeout` after EXPORT_TIMEOUT (whether a file was written is then not known).
   */
  exportEvents(): Promise<TelemetryExport> {
    return this.#ask('export', (settle) => ({ type: EXPORT, settle }));
  }

  /** Sends a request of an extension the host offers, settled by its answer; without the offer, `not-offered`. */
  #ask<T>(offer: 'events' | 'export', request: (settle: Settle<T>) => Request): Promise<T> {
    if (this.#disposed) return Promise.reject(new TelemetryRequestError('disposed', ''));
    if (!this.#readEvents || !this.#view.host?.offers.includes(offer)) return Promise.reject(new TelemetryRequestError('not-offered', ''));
    return new Promise((resolve, reject) => this.#requests.send(request({ resolve, reject } as Settle<never>)));
  }

  /** Asks the host to open a link in the user's browser; only targets the host offers are asked for. */
  open(target: LinkTarget): void {
    if (this.#disposed || !this.#view.host?.offers.includes(target)) return;
    try {
      this.#api.postMessage({ type: 'telemetry/open', target } satisfies WebviewMessage);
    } catch {
      // Nothing to undo: an open has no reply, and the user can click again.
    }
  }

  /** Entry point for raw data from the host; public so that tests and custom transports can feed it. */
  receive(data: unknown): void {
    if (this.#disposed) return;
    const error = isErrorMessage(data);
    if (this.#readEvents?.(data)) {
      if (data.type === 'telemetry/events-changed') {
        if (this.#view.host?.offers.includes('events')) for (const listener of this.#eventsListeners) listener(data.category);
        return;
      }
      if (data.type === 'telemetry/exported') {
        const request = this.#requests.take(data.inReplyTo, (awaited) => awaited.type === EXPORT);
        if (request?.type !== EXPORT) return void this.#ignored++;
        return request.settle.resolve({ file: data.file, count: data.count });
      }
      // Only an answer to an events request of this page still awaited; anything else is someone else's.
      const request = this.#requests.take(data.inReplyTo, (awaited) => awaited.type === EVENTS);
      if (request?.type !== EVENTS) return void this.#ignored++;
      const { category, settle } = request;
      // A list must be what was asked for: events of the category, oldest first; a cursor only with older ones.
      const fits = data.events.every((event, i) => event.category === category && (i === 0 || Date.parse(data.events[i - 1]!.time) <= Date.parse(event.time)));
      if (fits) settle.resolve({ events: data.events, more: data.more === true, ...(data.more && data.before !== undefined && { before: data.before }) });
      else settle.reject(new TelemetryRequestError('bad-reply', ''));
    } else if (error || isStateMessage(data)) {
      const id = data.inReplyTo;
      const request = id === undefined ? undefined : this.#requests.take(id);
      if (id !== undefined && !request && (error || data.instance === undefined)) {
        // Addressed to another page, or to a request no longer awaited that was sent before the count of `rev` began
        // again: without an instance id its rev cannot be placed. With one, it is placed as any push by its count.
        const number = this.#requests.numberOf(id);
        if (number === undefined || number < this.#sequence.countStart) return;
      }
      // A state cannot answer an events or export request: the promise must still settle.
      if (request && 'settle' in request && !error) return request.settle.reject(new TelemetryRequestError('bad-reply', ''));
      if (!error) return this.#onState(data, request);
      // An error for a superseded request changes nothing: the latest intent still stands.
      if (request) this.#fail(request, data.code, data.message, this.#sequence.isUnknownInstance(data.instance));
    } else if (isForeignProtocolMessage(data)) {
      this.#stop();
      this.#update({
        phase: 'incompatible',
        ...this.#shown(),
        certainty: this.#view.host ? 'last-known' : 'unknown',
        problem: { kind: 'incompatible', code: 'protocol', message: '', hostProtocol: data.protocol },
      });
    } else if (this.#ignored++ === 0) {
      console.warn('[cs-telemetry] Ignoring messages that are not protocol v1');
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#stop();
    this.#unlisten();
  }

  #onState(message: StateMessage, request: Posted<Request> | undefined): void {
    const placement = this.#sequence.place(message, request);
    if (!placement.placed) {
      // The reply to the user's set cannot be placed: keep it saving until a hello tells what the host holds now.
      if (request?.type === SET) return this.#sequence.hold(fieldOf(request), this.#requests.lastNumber);
      // Not news, but a reason to ask, within bounds; the shown state stands meanwhile. While a set is held, ask at
      // once: any later hello's answer settles it.
      return this.#sequence.check(this.#sequence.isHeld('enabled') || this.#sequence.isHeld('accountLinked'));
    }
    if (request?.type === HELLO) {
      // A hello starts a new count: forget the reads sent before it, except the user's pending intent.
      this.#requests.forget((other) => other.type === GET || (other.type === HELLO && (other as Posted<Request>).number < request.number));
    }
    if (placement.get) this.#requests.send({ type: GET });
    const { shown } = placement;
    const host = normalizeState(shown.state);
    writeSavedState(this.#api, { rev: shown.rev, state: host, instance: shown.instance });
    if (host.managedBy) for (const field of ['enabled', 'accountLinked'] as const) this.#dropSet(field);
    this.#setInDoubt = false;
    this.#heard = this.#requests.lastNumber;
    const problem = this.#view.problem;
    this.#update({
      phase: 'ready',
      host,
      certainty: 'confirmed',
      ...this.#shown(host),
      // A problem outlives a state only while it is still true: a late reply may bring what the failed save asked for.
      problem: this.#view.phase === 'ready' && problem?.wanted !== host[problem?.field ?? 'enabled'] ? problem : null,
    });
  }

  /**
   * A request failed. A save: show the host's state as last known, read it again, and explain. A hello or get: the
   * host cannot be read, by silence or by an error, so what is shown may be stale; after a save in doubt, unknown.
   * `newInstance`: the error came from a host instance whose state is not known yet.
   */
  #fail(request: Posted<Request>, code: string, message: string, newInstance = false): void {
    if ('settle' in request) return request.settle.reject(new TelemetryRequestError(code, message));
    if (request.type !== SET) {
      // Sets held for this hello's answer will not get it: their outcome is not known.
      const held = request.type === HELLO ? this.#sequence.unsettledBy(request.number) : [];
      // A doubt this hello was to settle is still open.
      if (request.type === HELLO) this.#sequence.helloFailed();
      // The host's current state came after this read went out: it is reachable, and nothing is left to read.
      if (code === 'timeout' && request.number <= this.#heard && !held.length) return;
      // Silence may be one lost message: say hello again by itself, a bounded number of times, backing off.
      // A hello already on its way will tell as much.
      const tries = triesOf(request);
      if (code === 'timeout' && tries < AUTO_HELLOS && !this.#requests.has((other) => other.type === HELLO)) {
        this.#requests.send({ type: HELLO, protocol: PROTOCOL_VERSION, tries: tries + 1 });
      }
      for (const field of held) this.#sequence.release(field);
      const unknown = this.#setInDoubt || held.length > 0 || this.#view.certainty === 'unknown';
      this.#setInDoubt ||= held.length > 0;
      return this.#update({
        phase: 'unreachable',
        ...this.#shown(), // a set that was held shows the host's value again
        certainty: unknown ? 'unknown' : 'last-known',
        problem: { kind: 'unreachable', code, message },
      });
    }
    // Silence may hide a save that landed; an error from a new instance came without its state.
    const timeout = code === 'timeout';
    if (timeout) this.#setInDoubt = true;
    this.#requests.send({ type: GET });
    const field = fieldOf(request);
    const wanted = request.enabled ?? request.accountLinked;
    this.#update({
      ...this.#shown(),
      certainty: timeout || newInstance ? (this.#view.certainty === 'unknown' ? 'unknown' : 'last-known') : this.#view.certainty,
      problem: { kind: 'save-failed', code, message, wanted, field },
    });
  }

  /** Shows the user's intent for one switch at once, and asks the host for it; it supersedes that switch's pending set. */
  #set(field: SetField, wanted: boolean): void {
    this.#dropSet(field);
    // Shown before it is sent, so that a host answering inside postMessage settles it rather than being overwritten.
    const saving = field === 'enabled' ? 'saving' : 'accountSaving';
    this.#update({ [field]: wanted, [saving]: true, problem: this.#otherFieldProblem(field) });
    this.#requests.send(field === 'enabled' ? { type: SET, enabled: wanted } : { type: SET, accountLinked: wanted });
  }

  /** Forgets everything outstanding (disposed, or a host of another protocol): no reply will settle it now. */
  #stop(): void {
    for (const request of this.#requests.forget()) {
      if ('settle' in request) request.settle.reject(new TelemetryRequestError('cancelled', ''));
    }
    this.#sequence.stop();
  }

  /** Forgets the pending set of one switch, sent, waiting to be sent, or held for a check. */
  #dropSet(field: SetField): void {
    this.#requests.forget(isSetOf(field));
    this.#sequence.release(field);
  }

  /** What the switches show with `host` as the host's state: a pending set its intent, otherwise the host's value. */
  #shown(host = this.#view.host): Pick<TelemetryView, 'saving' | 'enabled' | 'accountSaving' | 'accountLinked'> {
    const saving = this.#pending('enabled');
    const accountSaving = this.#pending('accountLinked');
    return {
      saving,
      enabled: saving ? this.#view.enabled : (host?.enabled ?? null),
      accountSaving,
      accountLinked: accountSaving ? this.#view.accountLinked : (host?.accountLinked ?? null),
    };
  }

  /** A set of the switch is unanswered, waits to be sent, or waits for a check. */
  #pending(field: SetField): boolean {
    return this.#sequence.isHeld(field) || this.#requests.has(isSetOf(field));
  }

  #canSet(): boolean {
    return !this.#disposed && this.#view.phase !== 'incompatible' && !this.#view.host?.managedBy;
  }

  /** A new set clears every problem except a failed save of the other switch, which is still true. */
  #otherFieldProblem(field: SetField): TelemetryProblem | null {
    const problem = this.#view.problem;
    return problem?.kind === 'save-failed' && problem.field !== field ? problem : null;
  }

  /**
   * Applies the fields of `patch` that hold other data than the view's; a field holding the same keeps its old value,
   * so that a consumer comparing by identity sees no change. Listeners hear of a new view only when a field changed.
   * Every field is JSON, and the nested ones (host, problem) are small: each is compared as JSON.
   */
  #update(patch: Partial<TelemetryView>): void {
    const view = this.#view;
    const changed = Object.entries(patch).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(view[key as keyof TelemetryView]));
    if (!changed.length) return;
    const next: TelemetryView = { ...view, ...Object.fromEntries(changed) };
    this.#view = next;
    for (const listener of this.#listeners) listener(next);
  }
}
