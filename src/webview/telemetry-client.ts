import {
  PROTOCOL_VERSION,
  isErrorMessage,
  isEventsMessage,
  isForeignProtocolMessage,
  isPlainObject,
  isStateMessage,
  isTelemetryState,
  normalizeState,
  type NormalizedTelemetryState,
  type LinkTarget,
  type StateMessage,
  type TelemetryCategory,
  type TelemetryEvent,
  type TelemetryState,
  type WebviewMessage,
} from '../protocol/protocol.js';
import type { Clock } from '../internal/clock.js';
import { listenToHost } from './host-messages.js';
import { saveStateEntry, type VsCodeApi } from './vscode-api.js';

export type TelemetryPhase = 'loading' | 'ready' | 'unreachable' | 'incompatible';

/** Why the last request failed, when it did. */
export interface TelemetryProblem {
  kind: 'save-failed' | 'unreachable' | 'incompatible';
  /** The error code from the host, or `timeout`. */
  code: string;
  /** The host's own words, shown as text; empty when the host said nothing. */
  message: string;
  /** For `save-failed`: the value the user asked for, which Retry asks for again. */
  wanted?: boolean;
  /** For `save-failed`: which switch failed to save. */
  field?: SetField;
  /** For `incompatible`: the protocol version the host speaks. */
  hostProtocol?: number;
}

/**
 * How sure the panel is that `host` is what the host holds now: `confirmed` by its latest word; `last-known` after a
 * request went unanswered (or a new host instance answered without its state), until the host's state comes; `unknown`
 * once a read failed after a save went unanswered, so the host may hold either value.
 */
export type TelemetryCertainty = 'confirmed' | 'last-known' | 'unknown';

/** What the panel shows; replaced, never mutated, on every change. */
export interface TelemetryView {
  phase: TelemetryPhase;
  /** What the switch shows: the user's latest intent while saving, otherwise the host's setting; null before any is known. */
  enabled: boolean | null;
  /** A set is on its way and unanswered. */
  saving: boolean;
  /**
   * What the account switch shows: the user's latest intent while saving, otherwise the host's; null when the host
   * does not offer the switch or nothing is known yet.
   */
  accountLinked: boolean | null;
  /** A set of the account switch is on its way and unanswered. */
  accountSaving: boolean;
  /** The host's state as last confirmed (or as saved by an earlier page, until the host answers). */
  host: NormalizedTelemetryState | null;
  /** Whether `host` is known to be current; the panel claims only what this allows. */
  certainty: TelemetryCertainty;
  problem: TelemetryProblem | null;
}

/** The timers a client waits by: the part of the elements' `Clock` it needs. */
export type Scheduler = Pick<Clock, 'setTimeout' | 'clearTimeout'>;

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
   * state message, or it is ignored. Shown as confirmed unless the saved state is newer.
   */
  initialState?: unknown;
}

/** The two switches a set can change. */
export type SetField = 'enabled' | 'accountLinked';

/** An error from the host for a request, or `timeout` when it did not answer. */
export class TelemetryRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message || code);
    this.name = 'TelemetryRequestError';
  }
}

/** A hello; `tries`: how many automatic hellos came before it since the host last answered (none when absent). */
interface HelloRequest {
  type: typeof HELLO;
  tries?: number;
}

interface GetRequest {
  type: typeof GET;
}

/** A set of one switch: the main one (`enabled`) or the account's; a pending set of one never supersedes the other's. */
interface SetRequest {
  type: typeof SET;
  field: SetField;
  /** The value asked for. */
  wanted: boolean;
}

interface EventsRequest {
  type: typeof EVENTS;
  category: TelemetryCategory;
  settle: { resolve(events: TelemetryEvent[]): void; reject(error: Error): void };
}

/** A request as it is asked for, one type per kind, each with only its fields. */
type Request = HelloRequest | GetRequest | SetRequest | EventsRequest;

/** A request sent and not yet answered: its number in this page's count, and the timer of its time limit. */
type Outstanding = Request & { number: number; timer: unknown };

/**
 * The shape saved with the webview API's `setState`, so a reloaded page paints the last confirmed state at once.
 * With the host's `instance`, so that a reload tells whether this or the state embedded in the page is newer.
 */
interface SavedState {
  csTelemetry: { rev: number; state: TelemetryState; instance?: string };
}

export const DEFAULT_TIMEOUT = 5000;

/** Hellos sent by themselves after a hello or get went unanswered, each waiting twice as long as the one before. */
export const AUTO_HELLOS = 3;

/**
 * Hellos sent in a row to check a host whose states look stale (a restarted host without an instance id): the first
 * at once, then after the timeout, then twice that. The row ends when the host's states come in order again.
 */
export const STALE_CHECKS = 3;

/** Instance ids of hosts replaced by a newer one, kept so that their late messages are not taken for a new host. */
const RETIRED_INSTANCES = 16;

/** What a panel shows before anything is known. */
export const LOADING_VIEW: TelemetryView = {
  phase: 'loading',
  enabled: null,
  saving: false,
  accountLinked: null,
  accountSaving: false,
  host: null,
  certainty: 'unknown',
  problem: null,
};

const SET = 'telemetry/set';
const EVENTS = 'telemetry/events';
const HELLO = 'telemetry/hello';
const GET = 'telemetry/get';

/** How many automatic hellos came before a request: its time limit doubles with each. */
const automaticHellos = (request: Request) => (request.type === HELLO && request.tries) || 0;

/**
 * The webview's end of protocol v1: says hello, sends the user's choices, and keeps what is shown true to the host.
 * Optimistic: a flip shows at once; the reply settles it; an error or silence shows the host's real state again.
 */
export class TelemetryClient {
  #api: VsCodeApi;
  #timeout: number;
  #scheduler: Scheduler;
  #unlisten: () => void;
  #listeners = new Set<(view: TelemetryView) => void>();
  // Random per page, so that replies addressed to an earlier page (before a reload) are never taken as ours.
  #prefix = String(Math.random()).slice(2);
  #nextId = 0;
  /** Requests not yet answered, by id; only the latest set is kept, since the last intent wins. */
  #outstanding = new Map<string, Outstanding>();
  /** The first request number of the host's current count of `rev`: replies to earlier ones belong to an older count. */
  #countStart = 0;
  #rev = -Infinity;
  /** The host instance of the last accepted state; undefined for a host that sends no id. */
  #instance: string | undefined;
  /** Instances a newer one replaced, oldest first: a dead adapter's late messages are stale, whatever their rev. */
  #retired = new Set<string>();
  /** Checks of stale-looking states sent in the current row (see STALE_CHECKS). */
  #checks = 0;
  /** A check waiting out its back-off. */
  #checkTimer: unknown;
  /**
   * Sets answered by a stale-looking state: still shown as saving until the hello sent to check (by number) is
   * answered, since that reply may be a restarted host's truth or an overtaken one.
   */
  #held = new Map<SetField, number>();
  /** A set went unanswered and no state came since: the host may hold either value. */
  #setInDoubt = false;
  /**
   * The last request number sent before a state was last accepted: silence on a read up to it is a lost message, since
   * the host's current word came after it.
   */
  #heard = 0;
  #view = LOADING_VIEW;
  #ignored = 0;
  #disposed = false;

  constructor(options: TelemetryClientOptions) {
    this.#api = options.api;
    this.#timeout = options.timeout ?? DEFAULT_TIMEOUT;
    // The window's own timers, looked up at each call.
    this.#scheduler = options.scheduler ?? globalThis;
    const embedded = options.initialState;
    // A state the host pushed: one in reply to a request (of no page yet) is no embed.
    let initial = isStateMessage(embedded) && embedded.inReplyTo === undefined ? embedded : undefined;
    try {
      // Paint what the last page confirmed at once; the hello below brings the truth.
      const saved = this.#api.getState();
      const { rev, state, instance } = (isPlainObject(saved) && isPlainObject(saved.csTelemetry) && saved.csTelemetry) || {};
      // As new as the embed or newer: the same host's word since (a reload of this page), which rev counts.
      const newer = !initial || (instance === initial.instance && (rev as number) >= initial.rev);
      if (typeof rev === 'number' && isTelemetryState(state) && newer) {
        initial = undefined;
        const host = normalizeState(state);
        // An earlier page's word, not this host's: good to paint, not yet confirmed.
        const certainty = 'last-known';
        this.#view = { ...this.#view, phase: 'ready', enabled: host.enabled, accountLinked: host.accountLinked ?? null, host, certainty };
      }
    } catch {
      // A saved state that cannot be read is no saved state.
    }
    // The host's word as it built the page, by the adapter that answers the hello: as current as a push just come.
    if (initial) this.receive(initial);
    const api = this.#api;
    const receive = (data: unknown) => this.receive(data);
    this.#unlisten = options.listen
      ? options.listen(receive)
      : api.onDidReceiveMessage
        ? api.onDidReceiveMessage(receive)
        : listenToHost(options.window ?? window, receive);
    this.#send({ type: HELLO });
  }

  get view(): TelemetryView {
    return this.#view;
  }

  /** Messages dropped as malformed, foreign or of an unknown type. */
  get ignoredMessages(): number {
    return this.#ignored;
  }

  /** Requests still waiting for a reply (each holds one timer). */
  get pendingRequests(): number {
    return this.#outstanding.size;
  }

  subscribe(listener: (view: TelemetryView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
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
    this.#checks = 0; // the user asks: a new row of checks may follow
    this.#send({ type: HELLO });
    // A value not known now is not shown as ready: the switch waits for the host's answer.
    this.#update({ phase: this.#view.host && this.#view.certainty !== 'unknown' ? 'ready' : 'loading', problem: null });
  }

  /**
   * The recent events of one category, oldest first, as the host sent them. Rejects with a `TelemetryRequestError`
   * on the host's error, on silence (`timeout`), or when the host does not offer events (`not-offered`).
   * Events are kept out of the view, which is the setting's state: the panel keeps the lists it asked for.
   */
  requestEvents(category: TelemetryCategory): Promise<TelemetryEvent[]> {
    if (this.#disposed) return Promise.reject(new TelemetryRequestError('disposed', ''));
    if (!this.#view.host?.offers.includes('events')) return Promise.reject(new TelemetryRequestError('not-offered', ''));
    return new Promise((resolve, reject) => this.#send({ type: EVENTS, category, settle: { resolve, reject } }));
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
    if (isEventsMessage(data)) {
      const request = this.#outstanding.get(data.inReplyTo);
      // Only an answer to an events request of this page still awaited; anything else is someone else's.
      if (request?.type !== EVENTS) return void this.#ignored++;
      this.#forget(data.inReplyTo);
      request.settle.resolve(data.events);
    } else if (error || isStateMessage(data)) {
      const id = data.inReplyTo;
      const request = id === undefined ? undefined : this.#outstanding.get(id);
      if (id !== undefined) {
        // Addressed to another page, or to a request no longer awaited that was sent before the count of `rev` began again.
        const [prefix, number] = id.split('-');
        if (!request && (prefix !== this.#prefix || +number < this.#countStart)) return;
        this.#forget(id);
      }
      // A state cannot answer an events request: the promise must still settle.
      if (request?.type === EVENTS && !error) return request.settle.reject(new TelemetryRequestError('bad-reply', ''));
      if (!error) return this.#onState(data, request);
      // An error for a superseded request changes nothing: the latest intent still stands.
      if (request) this.#fail(request, data.code, data.message, this.#isNewInstance(data.instance));
    } else if (isForeignProtocolMessage(data)) {
      this.#forget();
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

  /** Keeps the last confirmed state with the page, so that a reloaded page paints it at once. */
  #save(saved: SavedState['csTelemetry']): void {
    try {
      saveStateEntry(this.#api, 'csTelemetry', saved);
    } catch {
      // Without a saved state a reloaded page shows "Checking…" until the host answers: slower, never wrong.
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#forget();
    this.#unlisten();
  }

  #onState(message: StateMessage, request: Outstanding | undefined): void {
    // A dead adapter's late word: a newer instance has spoken since, so this tells nothing current.
    const retired = message.instance !== undefined && this.#retired.has(message.instance);
    const newInstance = !retired && this.#isNewInstance(message.instance);
    if (request?.type === HELLO && !retired) {
      // A hello starts a new count: forget the reads sent before it, except the user's pending intent. A later hello
      // stays awaited: it may be the check of a held set.
      this.#countStart = request.number;
      this.#forget(({ type, number }) => type === GET || (type === HELLO && number < request.number));
      // A lower rev of the same host is a restart without an id, or a reply overtaken by a newer state: a get tells which.
      if (message.rev < this.#rev && !newInstance) this.#send({ type: GET });
      else this.#checks = 0; // the host answered in step with what was shown
      for (const [field, check] of this.#held) if (check <= request.number) this.#held.delete(field);
      this.#rev = -Infinity;
    }
    // A new instance starts a new count of `rev`, so its first word is current whatever its rev.
    const stale = retired || (!newInstance && message.rev < this.#rev);
    const host = stale ? this.#view.host : normalizeState(message.state);
    if (!stale) {
      if (message.instance !== undefined) {
        if (newInstance && this.#instance !== undefined) this.#retire(this.#instance);
        this.#instance = message.instance;
      }
      // The host's own states (a push, a set's reply) in order again: a later stale-looking one may be a new
      // restart, worth a new row of checks. The replies to the checks' own reads do not count.
      const organic = request === undefined || request.type === SET;
      if (organic && !newInstance && this.#checkTimer === undefined) this.#checks = 0;
      this.#rev = message.rev;
      this.#save({ rev: message.rev, state: host!, instance: message.instance });
      if (host!.managedBy) {
        this.#dropSet('enabled');
        this.#dropSet('accountLinked');
      }
      this.#setInDoubt = false;
      this.#heard = this.#nextId;
    } else if (request?.type === SET) {
      // The reply to the user's set cannot be placed: keep it saving until a hello tells what the host holds now.
      this.#held.set(request.field, this.#checkHost(true));
      return;
    } else {
      // Unasked, or a reply to a read, that looks older than what is shown: a host that restarted without an id
      // looks like this, so ask, within bounds; the shown state stands meanwhile. While a set is held (its check may
      // have been answered by a replaced instance), ask at once: any later hello's answer settles it.
      this.#checkHost(this.#held.size > 0);
      return;
    }
    const problem = this.#view.problem;
    this.#update({
      phase: 'ready',
      host,
      certainty: 'confirmed',
      ...this.#shown(host),
      // A problem outlives a state only while it is still true: a late reply may bring what the failed save asked for.
      problem: this.#view.phase === 'ready' && problem?.wanted !== host?.[problem?.field ?? 'enabled'] ? problem : null,
    });
  }

  /** An instance id other than the one of the last accepted state, and not one a newer instance replaced. */
  #isNewInstance(instance: string | undefined): boolean {
    return instance !== undefined && instance !== this.#instance && !this.#retired.has(instance);
  }

  #retire(instance: string): void {
    this.#retired.add(instance);
    // Oldest first: a host that keeps changing its id cannot grow the set without end.
    if (this.#retired.size > RETIRED_INSTANCES) this.#retired.delete(this.#retired.values().next().value!);
  }

  /**
   * Says hello to learn what the host holds after a stale-looking state; returns the hello's number, 0 when none went
   * out now. `now` (for the user's set) goes at once; otherwise a check already waiting will do, and a row of checks
   * backs off and is bounded.
   */
  #checkHost(now: boolean): number {
    if (!now && (this.#checkTimer !== undefined || this.#checks >= STALE_CHECKS)) return 0;
    const wait = now || this.#checks === 0 ? 0 : this.#timeout << (this.#checks - 1);
    this.#checks++;
    this.#scheduler.clearTimeout(this.#checkTimer);
    this.#checkTimer = undefined;
    if (!wait) return this.#send({ type: HELLO });
    this.#checkTimer = this.#scheduler.setTimeout(() => {
      this.#checkTimer = undefined;
      this.#send({ type: HELLO });
    }, wait);
    return 0;
  }

  /**
   * A request failed. A save: show the host's state as last known, read it again, and explain. A hello or get: the
   * host cannot be read, by silence or by an error, so what is shown may be stale; after a save in doubt, unknown.
   * `newInstance`: the error came from a host instance whose state is not known yet.
   */
  #fail(request: Outstanding, code: string, message: string, newInstance = false): void {
    if (request.type === EVENTS) return request.settle.reject(new TelemetryRequestError(code, message));
    if (request.type !== SET) {
      // Sets held for this hello's answer will not get it: their outcome is not known.
      const held = [...this.#held].filter(([, check]) => request.type === HELLO && check <= request.number).map(([field]) => field);
      // The host's current state came after this read went out: it is reachable, and nothing is left to read.
      if (code === 'timeout' && request.number <= this.#heard && !held.length) return;
      // Silence may be one lost message: say hello again by itself, a bounded number of times, backing off.
      const tries = automaticHellos(request);
      if (code === 'timeout' && tries < AUTO_HELLOS) this.#send({ type: HELLO, tries: tries + 1 });
      for (const field of held) this.#held.delete(field);
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
    this.#send({ type: GET });
    const { field, wanted } = request;
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
    this.#send({ type: SET, field, wanted });
  }

  /** Sends a request and awaits its answer for as long as its time limit. */
  #send(request: Request): number {
    const number = ++this.#nextId;
    const id = `${this.#prefix}-${number}`;
    const outstanding: Outstanding = { ...request, number, timer: 0 };
    outstanding.timer = this.#scheduler.setTimeout(() => {
      this.#forget(id);
      this.#fail(outstanding, 'timeout', '');
    }, this.#timeout << automaticHellos(request));
    this.#outstanding.set(id, outstanding);
    try {
      this.#api.postMessage(
        request.type === HELLO
          ? { type: HELLO, id, protocol: PROTOCOL_VERSION }
          : request.type === SET
            ? { type: SET, id, [request.field]: request.wanted }
            : request.type === EVENTS
              ? { type: EVENTS, id, category: request.category }
              : { type: GET, id },
      );
    } catch {
      // Reported as any lost message is: by the request's timeout.
    }
    return number;
  }

  /**
   * Forgets one request by id, those a test picks, or all of them, and stops their timers. Forgetting all (disposed,
   * or a host of another protocol) also stops a waiting check and rejects the events requests, which no reply will
   * settle now.
   */
  #forget(which?: string | ((request: Outstanding) => boolean)): void {
    for (const [id, request] of this.#outstanding) {
      if (which === undefined || which === id || (typeof which === 'function' && which(request))) {
        this.#scheduler.clearTimeout(request.timer);
        this.#outstanding.delete(id);
        if (which === undefined && request.type === EVENTS) request.settle.reject(new TelemetryRequestError('cancelled', ''));
      }
    }
    if (which === undefined) {
      this.#held.clear();
      this.#scheduler.clearTimeout(this.#checkTimer);
      this.#checkTimer = undefined;
    }
  }

  /** Forgets the pending set of one switch, sent or held for a check. */
  #dropSet(field: SetField): void {
    this.#forget((request) => request.type === SET && request.field === field);
    this.#held.delete(field);
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

  /** A set of the switch is unanswered, or waits for a check. */
  #pending(field: SetField): boolean {
    return this.#held.has(field) || [...this.#outstanding.values()].some((request) => request.type === SET && request.field === field);
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
    const changed = Object.entries(patch).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(view[key as keyof TelemetryView]),
    );
    if (!changed.length) return;
    const next: TelemetryView = { ...view, ...Object.fromEntries(changed) };
    this.#view = next;
    for (const listener of this.#listeners) listener(next);
  }
}
