import type { StateMessage } from '../protocol/protocol.js';
import type { Scheduler } from './request-tracker.js';

/**
 * Checks sent in a row for words that could not be placed: the first at once, then after the timeout, then twice
 * that; later ones keep the longest wait. The row starts again once the host's states come in order.
 */
export const STALE_CHECKS = 3;

/** Instances remembered (their count of `rev`, or that they were replaced), so a host changing ids grows nothing. */
const REMEMBERED_INSTANCES = 16;

/** What the sequencer knows of the request a state answers. */
export interface AnsweredRequest {
  type: string;
  number: number;
}

/**
 * How to show a state: `placed` when it is the host's current word by the rules in docs/protocol.md ("Host
 * instance"), with `shown` the message to show (a hello's answerer's newest word may have come before its answer); `get`
 * when a hello's answer from a host without an id looks older than what is shown (a reply overtaken by a push, or a
 * restart), which a get tells apart.
 */
export type Placement = { placed: true; get: boolean; shown: StateMessage } | { placed: false };

export interface HostSequencerOptions {
  scheduler: Scheduler;
  timeout: number;
  /** Sends a hello to check what the host holds. */
  sendHello(): void;
  /** Whether a hello posted after request `number` (or still waiting to go) is on its way: its answer will tell. */
  helloAfter(number: number): boolean;
}

/**
 * Which host words are current: the `rev` count of each instance, which instance is live, the checks (hellos) that
 * settle a doubt, and the sets whose reply could not be placed, held until a check answers. The instance that answers
 * a hello is the live one; a state from another instance retires nothing by itself.
 */
export class HostSequencer {
  readonly #options: HostSequencerOptions;
  /** The last placed state of each instance ('' for a host that sends no id), oldest first. */
  readonly #revs = new Map<string, StateMessage>();
  /** Instances a hello was answered by another since: their words are a reason to check, not news. */
  readonly #retired = new Set<string>();
  /** The instance of the latest answered hello; null before any. */
  #live: string | null = null;
  /** The instance of the last placed state: the count the view follows. */
  #current: string | undefined;
  /** The first request number of the current count: a reply to an earlier one, no longer awaited, is old news. */
  #countStart = 0;
  #checks = 0;
  #checkTimer: unknown;
  /** A word could not be placed and the hello on its way then has not answered yet: if it fails, check again. */
  #doubt = false;
  /** Sets whose reply could not be placed, by field: each waits for a hello posted after this request number. */
  readonly #held = new Map<string, number>();

  constructor(options: HostSequencerOptions) {
    this.#options = options;
  }

  get countStart(): number {
    return this.#countStart;
  }

  /** The fields whose sets wait for a check. */
  isHeld(field: string): boolean {
    return this.#held.has(field);
  }

  /** An instance whose state is not known yet: its error comes without its state. */
  isUnknownInstance(instance: string | undefined): boolean {
    return instance !== undefined && !this.#revs.has(instance);
  }

  /** Decides whether `message` is shown, and learns from it; `reply`: the awaited request it answers, if any. */
  place(message: StateMessage, reply: AnsweredRequest | undefined): Placement {
    const key = message.instance ?? '';
    const last = this.#revs.get(key);
    const older = last !== undefined && message.rev < last.rev;
    if (reply?.type === 'telemetry/hello') {
      // A hello starts a new count, and its answerer is the live instance: every other one is retired. An answer older
      // than the same instance's last word was overtaken: that word is its newest. Without an id, a get tells.
      const named = message.instance !== undefined;
      const overtaken = older && !named && key === this.#current;
      for (const other of this.#revs.keys()) if (other !== key) remember(this.#retired, other);
      this.#retired.delete(key);
      this.#live = key;
      this.#countStart = reply.number;
      this.#doubt = false;
      for (const [field, mark] of this.#held) if (mark < reply.number) this.#held.delete(field);
      if (!overtaken) this.#resetChecks();
      const shown = older && named ? last : message;
      this.#accept(key, shown);
      return { placed: true, get: overtaken, shown };
    }
    // A retired instance's word, or one older than its own count's last: not news, but a reason to ask who is live.
    if (this.#retired.has(key) || older) return { placed: false };
    // The host's own states in order again: a later doubt starts a new row of checks. Answers to the checks' own reads
    // do not count.
    const organic = reply === undefined || reply.type === 'telemetry/set';
    if (organic && this.#checkTimer === undefined && (key === this.#live || this.#live === null)) this.#checks = 0;
    this.#accept(key, message);
    // Another instance than the live one is shown if new by its own count; a hello tells which one is live.
    if (this.#live !== null && key !== this.#live) this.check(false);
    return { placed: true, get: false, shown: message };
  }

  /** A set's reply could not be placed: the set waits for a check posted from now, which is sent at once. */
  hold(field: string, lastNumber: number): void {
    this.#held.set(field, lastNumber);
    this.check(true, lastNumber);
  }

  /** Forgets a held set (superseded, dropped by a policy lock, or given up); true when one was held. */
  release(field: string): boolean {
    return this.#held.delete(field);
  }

  /** The held fields a failed hello (numbered `number`) will not settle: their outcome is not known. */
  unsettledBy(number: number): string[] {
    return [...this.#held].filter(([, mark]) => mark < number).map(([field]) => field);
  }

  /**
   * Asks the host what it holds with a hello, unless one on its way will tell. `urgent` (a held set) goes at once;
   * otherwise a check already waiting will do, and a row of checks backs off.
   */
  check(urgent: boolean, after = 0): void {
    const { scheduler, timeout, sendHello, helloAfter } = this.#options;
    if (helloAfter(after)) return void (this.#doubt = true);
    if (this.#checkTimer !== undefined && !urgent) return;
    scheduler.clearTimeout(this.#checkTimer);
    this.#checkTimer = undefined;
    const wait = urgent || this.#checks === 0 ? 0 : timeout << Math.min(this.#checks - 1, STALE_CHECKS - 1);
    this.#checks++;
    if (!wait) return sendHello();
    this.#checkTimer = scheduler.setTimeout(() => {
      this.#checkTimer = undefined;
      sendHello();
    }, wait);
  }

  /** A hello failed (silence or an error): a doubt it was to settle is still open, so check again, backing off. */
  helloFailed(): void {
    if (!this.#doubt) return;
    this.#doubt = false;
    this.check(false);
  }

  /** The user asks again: a new row of checks may follow. */
  resetChecks(): void {
    this.#resetChecks();
  }

  /** Stops a waiting check and forgets the held sets (disposed, or a host of another protocol). */
  stop(): void {
    this.#held.clear();
    this.#doubt = false;
    this.#options.scheduler.clearTimeout(this.#checkTimer);
    this.#checkTimer = undefined;
  }

  #resetChecks(): void {
    this.#checks = 0;
    this.#options.scheduler.clearTimeout(this.#checkTimer);
    this.#checkTimer = undefined;
  }

  #accept(key: string, message: StateMessage): void {
    this.#revs.delete(key);
    this.#revs.set(key, message);
    if (this.#revs.size > REMEMBERED_INSTANCES) this.#revs.delete(this.#revs.keys().next().value!);
    this.#current = key;
  }
}

/** Adds `value` to a bounded set, dropping the oldest. */
function remember(set: Set<string>, value: string): void {
  set.delete(value);
  set.add(value);
  if (set.size > REMEMBERED_INSTANCES) set.delete(set.values().next().value!);
}
