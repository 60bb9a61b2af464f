import type { Clock } from '../internal/clock.js';

/** The timers and time a client waits by: the part of the elements' `Clock` it needs (`now` defaults to `Date.now`). */
export type Scheduler = Pick<Clock, 'setTimeout' | 'clearTimeout'> & Partial<Pick<Clock, 'now'>>;

/** The most messages a client sends in any SEND_WINDOW ms, whatever the host sends and however fast the user clicks. */
export const SEND_LIMIT = 4;
export const SEND_WINDOW = 1000;

/** A request as the tracker holds it once posted: its number in this page's count and its id on the wire. */
export type Posted<R> = R & { number: number; id: string };

export interface RequestTrackerOptions<R> {
  scheduler: Scheduler;
  /** Posts a request under its id; a throw counts as a lost message, reported by the time limit. */
  post(request: Posted<R>): void;
  /** How long a posted request may wait for its answer, in ms. */
  timeLimit(request: R): number;
  /** A posted request's time limit ran out; it is forgotten already. */
  onTimeout(request: Posted<R>): void;
  /**
   * Requests of one key replace each other while they wait for a free slot: the last one asked for is sent. Undefined:
   * never replaced.
   */
  key(request: R): string | undefined;
  /** A request that waited was replaced, or forgotten with everything: it will get no answer. */
  onDropped?(request: R): void;
}

/**
 * The client's requests: numbers and ids, time limits, forgetting, and the bound on sending. A request asked for
 * while SEND_LIMIT went out in the last SEND_WINDOW ms waits for a free slot, in order, replaced by a later one of
 * the same key, so that no sequence of host messages makes the client send without bound.
 */
export class RequestTracker<R extends object> {
  readonly #options: RequestTrackerOptions<R>;
  // Random per page, so that replies addressed to an earlier page (before a reload) are never taken as ours.
  readonly #prefix = String(Math.random()).slice(2);
  #lastNumber = 0;
  readonly #posted = new Map<string, { request: Posted<R>; timer: unknown }>();
  #waiting: R[] = [];
  /** When the last SEND_LIMIT messages went out, oldest first. */
  readonly #sentAt: number[] = [];
  #slotTimer: unknown;

  constructor(options: RequestTrackerOptions<R>) {
    this.#options = options;
  }

  /** The number of the last request posted (0 before any): requests posted later have higher numbers. */
  get lastNumber(): number {
    return this.#lastNumber;
  }

  /** Requests posted and unanswered, and those waiting for a slot. */
  get size(): number {
    return this.#posted.size + this.#waiting.length;
  }

  /** Sends now if a slot is free, else when one is; a waiting request of the same key is replaced. */
  send(request: R): void {
    const key = this.#options.key(request);
    if (key !== undefined) {
      for (const waiting of this.#waiting.filter((other) => this.#options.key(other) === key)) this.#drop(waiting);
    }
    this.#waiting.push(request);
    this.#flush();
  }

  /** The posted request `id` answers, when `fits` takes the answer: forgotten now. Undefined when none is awaited. */
  take(id: string, fits: (request: Posted<R>) => boolean = () => true): Posted<R> | undefined {
    const entry = this.#posted.get(id);
    if (!entry || !fits(entry.request)) return undefined;
    this.#options.scheduler.clearTimeout(entry.timer);
    this.#posted.delete(id);
    return entry.request;
  }

  /** This page's number of `id`, or undefined for an id another page (or no page) sent. */
  numberOf(id: string): number | undefined {
    const [prefix, number] = id.split('-');
    return prefix === this.#prefix && Number.isSafeInteger(+number!) ? +number! : undefined;
  }

  /** Whether a request that `which` picks is posted and unanswered, or waiting. */
  has(which: (request: R) => boolean): boolean {
    return this.#waiting.some(which) || [...this.#posted.values()].some(({ request }) => which(request));
  }

  /** Forgets the requests `which` picks, posted or waiting (all without `which`), and returns them. */
  forget(which: (request: R) => boolean = () => true): R[] {
    const forgotten: R[] = [];
    for (const [id, { request, timer }] of this.#posted) {
      if (!which(request)) continue;
      this.#options.scheduler.clearTimeout(timer);
      this.#posted.delete(id);
      forgotten.push(request);
    }
    const [dropped, kept] = [this.#waiting.filter(which), this.#waiting.filter((request) => !which(request))];
    this.#waiting = kept;
    if (!kept.length) this.#stopSlotTimer();
    return [...forgotten, ...dropped];
  }

  #drop(request: R): void {
    this.#waiting = this.#waiting.filter((other) => other !== request);
    this.#options.onDropped?.(request);
  }

  #now(): number {
    return this.#options.scheduler.now?.() ?? Date.now();
  }

  /** Posts what waits while slots are free; otherwise wakes when the oldest slot frees. */
  #flush(): void {
    const { scheduler } = this.#options;
    while (this.#waiting.length) {
      const now = this.#now();
      if (this.#sentAt.length >= SEND_LIMIT) {
        const free = this.#sentAt[0]! + SEND_WINDOW;
        if (free > now) {
          if (this.#slotTimer === undefined) {
            this.#slotTimer = scheduler.setTimeout(() => {
              this.#slotTimer = undefined;
              this.#flush();
            }, free - now);
          }
          return;
        }
        this.#sentAt.shift();
      }
      this.#sentAt.push(now);
      this.#post(this.#waiting.shift()!);
    }
    this.#stopSlotTimer();
  }

  #stopSlotTimer(): void {
    this.#options.scheduler.clearTimeout(this.#slotTimer);
    this.#slotTimer = undefined;
  }

  #post(request: R): void {
    const { scheduler, timeLimit, onTimeout, post } = this.#options;
    const number = ++this.#lastNumber;
    const posted: Posted<R> = { ...request, number, id: `${this.#prefix}-${number}` };
    const timer = scheduler.setTimeout(() => {
      this.#posted.delete(posted.id);
      onTimeout(posted);
    }, timeLimit(request));
    this.#posted.set(posted.id, { request: posted, timer });
    try {
      post(posted);
    } catch {
      // Reported as any lost message is: by the time limit.
    }
  }
}
