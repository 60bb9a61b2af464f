import {
  PROTOCOL_VERSION,
  isErrorMessage,
  isForeignProtocolMessage,
  isHostMessage,
  isPlainObject,
  isTelemetryState,
  normalizeState,
  type ErrorMessage,
  type StateMessage,
  type TelemetryState,
  type WebviewMessage,
} from './protocol.js';
import { listenToHost } from './host-channel.js';
import type { VsCodeApi } from './vscode-api.js';

export type TelemetryPhase = 'loading' | 'ready' | 'unreachable' | 'incompatible';

/** Why the last request failed, when it did. */
export interface TelemetryProblem {
  kind: 'save-failed' | 'read-failed' | 'unreachable' | 'incompatible';
  /** The error code from the host, or `timeout`. */
  code: string;
  /** The host's own words, shown as text; empty when the host said nothing. */
  message: string;
  /** For `save-failed`: the value the user asked for, which Retry asks for again. */
  wanted?: boolean;
  /** For `incompatible`: the protocol version the host speaks. */
  hostProtocol?: number;
}

/** What the panel shows; replaced, never mutated, on every change. */
export interface TelemetryView {
  phase: TelemetryPhase;
  /** What the switch shows: the user's latest intent while saving, otherwise the host's setting; null before any is known. */
  enabled: boolean | null;
  /** A set is on its way and unanswered. */
  saving: boolean;
  /** The host's state as last confirmed (or as saved by an earlier page, until the host answers). */
  host: Required<TelemetryState> | null;
  problem: TelemetryProblem | null;
}

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TelemetryClientOptions {
  api: VsCodeApi;
  /** The window whose `message` events carry host messages (default: `window`). */
  window?: Window;
  /** How long a request may go unanswered, in ms (default 5000). */
  timeout?: number;
  scheduler?: Scheduler;
  /** Receives raw host data; the default listens to `window` and keeps only messages from the host. */
  listen?: (listener: (data: unknown) => void) => () => void;
}

interface Outstanding {
  kind: WebviewMessage['type'];
  timer: unknown;
  enabled?: boolean;
}

/** The shape saved with the webview API's `setState`, so a reloaded page paints the last confirmed state at once. */
interface SavedState {
  csTelemetry: { rev: number; state: TelemetryState };
}

export const DEFAULT_TIMEOUT = 5000;

const pagePrefix = (): string => {
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (n) => n.toString(36)).join('');
};

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
  #prefix = pagePrefix();
  #nextId = 0;
  /** Requests not yet answered, by id; only the latest set is kept, since the last intent wins. */
  #outstanding = new Map<string, Outstanding>();
  /** Ids sent since the current count of `rev` began; replies to any other id are not ours. */
  #sentIds = new Set<string>();
  #rev: number | null = null;
  #view: TelemetryView = { phase: 'loading', enabled: null, saving: false, host: null, problem: null };
  #ignored = 0;
  #warned = false;
  #disposed = false;

  constructor(options: TelemetryClientOptions) {
    this.#api = options.api;
    this.#timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.#scheduler = options.scheduler ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
    };
    const listen =
      options.listen ?? ((listener) => listenToHost(options.window ?? window, listener));
    this.#restoreSavedState();
    this.#unlisten = listen((data) => this.receive(data));
    this.#send('telemetry/hello');
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
    if (this.#disposed || this.#view.phase === 'incompatible' || this.#view.host?.managedBy) return;
    for (const [id, request] of this.#outstanding) {
      if (request.kind === 'telemetry/set') this.#forget(id);
    }
    this.#send('telemetry/set', enabled);
    this.#update({ enabled, saving: true, problem: null });
  }

  /** Retry after a problem: ask again for a failed save, otherwise say hello again. */
  retry(): void {
    if (this.#disposed) return;
    const problem = this.#view.problem;
    if (problem?.kind === 'save-failed' && problem.wanted !== undefined && !this.#view.host?.managedBy) {
      this.setEnabled(problem.wanted);
      return;
    }
    this.#send('telemetry/hello');
    if (this.#view.phase === 'unreachable' || this.#view.phase === 'incompatible') {
      this.#update({ phase: this.#view.host ? 'ready' : 'loading', problem: null });
    } else {
      this.#update({ problem: null });
    }
  }

  /** Entry point for raw data from the host; public so that tests and custom transports can feed it. */
  receive(data: unknown): void {
    if (this.#disposed) return;
    if (isHostMessage(data)) {
      const inReplyTo = data.inReplyTo;
      if (inReplyTo !== undefined && !this.#sentIds.has(inReplyTo)) return; // addressed to another page
      if (isErrorMessage(data)) this.#onError(data);
      else this.#onState(data);
      return;
    }
    if (isForeignProtocolMessage(data)) {
      this.#clearOutstanding();
      this.#update({
        phase: 'incompatible',
        saving: false,
        enabled: this.#view.host?.enabled ?? null,
        problem: { kind: 'incompatible', code: 'protocol', message: '', hostProtocol: data.protocol },
      });
      return;
    }
    this.#ignore();
  }

  dispose(): void {
    this.#disposed = true;
    this.#clearOutstanding();
    this.#unlisten();
    this.#listeners.clear();
  }

  #onState(message: StateMessage): void {
    const request = message.inReplyTo === undefined ? undefined : this.#outstanding.get(message.inReplyTo);
    if (request?.kind === 'telemetry/hello') {
      // A hello starts a new count: replies to anything sent before it belong to an older count.
      for (const id of this.#sentIds) if (id !== message.inReplyTo) this.#sentIds.delete(id);
      for (const [id, other] of this.#outstanding) if (other.kind !== 'telemetry/set') this.#forget(id);
      this.#rev = null;
    }
    if (request) this.#forget(message.inReplyTo!);
    const newer = this.#rev === null || message.rev > this.#rev;
    const answersLatestSet = request?.kind === 'telemetry/set';
    if (!newer && !(answersLatestSet && message.rev === this.#rev)) {
      if (answersLatestSet) this.#settle();
      return;
    }
    this.#rev = message.rev;
    const host = normalizeState(message.state);
    this.#api.setState({ csTelemetry: { rev: message.rev, state: host } } satisfies SavedState);
    if (host.managedBy) this.#forgetSets();
    const saving = this.#hasPendingSet();
    this.#update({
      phase: 'ready',
      host,
      saving,
      enabled: saving ? this.#view.enabled : host.enabled,
      problem: this.#view.phase === 'ready' ? this.#view.problem : null,
    });
  }

  #onError(message: ErrorMessage): void {
    const request = this.#outstanding.get(message.inReplyTo);
    if (!request) return; // an answer to a superseded request: the latest intent still stands
    this.#forget(message.inReplyTo);
    if (request.kind === 'telemetry/set') {
      this.#fail('save-failed', message.code, message.message, request.enabled);
    } else {
      this.#fail('read-failed', message.code, message.message);
    }
  }

  #onTimeout(id: string): void {
    const request = this.#outstanding.get(id);
    if (!request) return;
    this.#forget(id);
    if (request.kind === 'telemetry/set') {
      this.#fail('save-failed', 'timeout', '', request.enabled);
    } else {
      this.#update({
        phase: 'unreachable',
        saving: this.#hasPendingSet(),
        problem: { kind: 'unreachable', code: 'timeout', message: '' },
      });
    }
  }

  /** A request failed: show the host's state as last known, read it again, and explain. */
  #fail(kind: 'save-failed' | 'read-failed', code: string, message: string, wanted?: boolean): void {
    if (kind === 'save-failed') {
      this.#send('telemetry/get');
    }
    const host = this.#view.host;
    this.#update({
      saving: false,
      enabled: host?.enabled ?? null,
      problem: { kind, code, message, ...(wanted === undefined ? {} : { wanted }) },
    });
  }

  /** The latest set was answered with a state no newer than what is shown: show the host's state. */
  #settle(): void {
    if (this.#hasPendingSet()) return;
    this.#update({ saving: false, enabled: this.#view.host?.enabled ?? this.#view.enabled });
  }

  #send(type: WebviewMessage['type'], enabled?: boolean): void {
    const id = `${this.#prefix}-${++this.#nextId}`;
    const message: WebviewMessage =
      type === 'telemetry/hello'
        ? { type, id, protocol: PROTOCOL_VERSION }
        : type === 'telemetry/set'
          ? { type, id, enabled: enabled! }
          : { type, id };
    const timer = this.#scheduler.setTimeout(() => this.#onTimeout(id), this.#timeout);
    this.#outstanding.set(id, { kind: type, timer, ...(enabled === undefined ? {} : { enabled }) });
    this.#sentIds.add(id);
    try {
      this.#api.postMessage(message);
    } catch (error) {
      console.error('[cs-telemetry] postMessage to the host failed', error);
    }
  }

  #forget(id: string): void {
    const request = this.#outstanding.get(id);
    if (!request) return;
    this.#scheduler.clearTimeout(request.timer);
    this.#outstanding.delete(id);
  }

  #forgetSets(): void {
    for (const [id, request] of this.#outstanding) if (request.kind === 'telemetry/set') this.#forget(id);
  }

  #clearOutstanding(): void {
    for (const id of [...this.#outstanding.keys()]) this.#forget(id);
  }

  #hasPendingSet(): boolean {
    for (const request of this.#outstanding.values()) if (request.kind === 'telemetry/set') return true;
    return false;
  }

  #ignore(): void {
    this.#ignored++;
    if (!this.#warned) {
      this.#warned = true;
      console.warn('[cs-telemetry] Ignored a message that is not a valid telemetry protocol v1 message; further ones are counted, not logged.');
    }
  }

  #restoreSavedState(): void {
    let saved: unknown;
    try {
      saved = this.#api.getState();
    } catch {
      return;
    }
    if (!isPlainObject(saved) || !isPlainObject(saved.csTelemetry)) return;
    const { rev, state } = saved.csTelemetry;
    if (typeof rev !== 'number' || !Number.isFinite(rev) || !isTelemetryState(state)) return;
    const host = normalizeState(state);
    this.#view = { phase: 'ready', enabled: host.enabled, saving: false, host, problem: null };
  }

  #update(patch: Partial<TelemetryView>): void {
    const next = { ...this.#view, ...patch };
    if (sameView(next, this.#view)) return;
    this.#view = next;
    for (const listener of this.#listeners) listener(next);
  }
}

function sameView(a: TelemetryView, b: TelemetryView): boolean {
  return (
    a.phase === b.phase &&
    a.enabled === b.enabled &&
    a.saving === b.saving &&
    JSON.stringify(a.host) === JSON.stringify(b.host) &&
    JSON.stringify(a.problem) === JSON.stringify(b.problem)
  );
}
