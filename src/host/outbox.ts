/**
 * The outbox: what the gate let through waits in a queue on disk and is uploaded in batches, each event checked
 * against the consent of the moment before every try; what the collector accepted goes to the sent log. Failed
 * uploads are retried a bounded number of times with growing waits; an upload that never answers is given up rather
 * than tried again, so no event reaches the collector twice. A deletion request, once asked for, is retried until
 * delivered, across restarts.
 */
import type { TelemetryCategory, TelemetryEvent } from '../protocol/protocol.js';
import { describe, type Log } from './log.js';
import { ensureFolder, join, readText, remove, writeWhole } from './outbox-files.js';
import { OutboxQueue, type Claim, type QueuedEvent } from './outbox-queue.js';
import { SentLog, type SentLogRetention } from './sent-log.js';

/** The team's transport: resolves once the collector accepted the batch, rejects (or never settles) when it did not. */
export type TelemetryUpload = (events: TelemetryEvent[], context: { signal: AbortSignal }) => Promise<void> | PromiseLike<void>;

export interface OutboxOptions {
  folder: string;
  upload: TelemetryUpload;
  interval: number;
  maxEvents: number;
  retry: { attempts: number; delay: number; maxDelay: number };
  timeout: number;
  retention: SentLogRetention;
  /** Whether `entry` may leave now: asked for every event before every try. */
  allowed: (entry: QueuedEvent) => boolean;
  /** Nothing may be uploaded now (`DO_NOT_TRACK`, or the notice not yet answered): what waits stays queued. */
  held: () => boolean;
  now: () => Date;
  log: Log;
  /** The sent log of these data types changed. */
  sentChanged: (categories: Set<TelemetryCategory>) => void;
}

const DELETION_FILE = 'telemetry-deletion-request.json';
const STATE_FILE = 'telemetry-outbox-state.json';

type Outcome = 'delivered' | 'failed' | 'unknown';

export class Outbox {
  readonly #options: OutboxOptions;
  readonly #queue: OutboxQueue;
  readonly sentLog: SentLog;
  readonly #deletionFile: string;
  readonly #stateFile: string;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #wake: (() => void) | undefined;
  #running: Promise<void> = Promise.resolve();
  #claim: Claim | undefined;
  #attempt: AbortController | undefined;
  #deletionFailures = 0;
  /** Read from disk once (null: not yet), then kept. */
  #lastEnabled: boolean | undefined | null = null;
  #disposed = false;

  constructor(options: OutboxOptions) {
    this.#options = options;
    ensureFolder(options.folder);
    const owner = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.#queue = new OutboxQueue(options.folder, owner, options.log);
    this.sentLog = new SentLog(options.folder, options.retention, options.now, options.log);
    this.#deletionFile = join(options.folder, DELETION_FILE);
    this.#stateFile = join(options.folder, STATE_FILE);
  }

  /** Queues one event; a full batch is uploaded at once, else within the interval. */
  add(entry: QueuedEvent): void {
    if (this.#disposed) return;
    this.#queue.add(entry);
    if (this.#queue.size >= this.#options.maxEvents) this.#schedule(0);
    else this.#schedule(this.#options.interval);
  }

  /** Removes, at once and on disk, every waiting event no longer allowed, in the queue and in a batch between tries. */
  purge(): void {
    const allowed = this.#options.allowed;
    let removed = this.#queue.purge(allowed);
    const claim = this.#claim;
    if (claim) {
      const kept = claim.events.filter(allowed);
      removed += claim.events.length - kept.length;
      if (kept.length < claim.events.length) {
        // Gone from the batch for good, even if consent comes back before its next try.
        claim.events = kept;
        if (claim.attempting) {
          // An upload under way cannot be called back: it is asked to stop.
          this.#attempt?.abort();
          claim.save();
        } else if (kept.length === 0) {
          claim.done();
          this.#claim = undefined;
        } else claim.save();
      }
    }
    if (removed > 0) this.#options.log(`discarded ${removed} queued event(s) that may no longer be sent`);
  }

  /** Uploads what waits, if allowed, and resolves when done (given up counts as done). */
  flush(): Promise<void> {
    if (this.#disposed) return this.#running;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = this.#running.then(() => this.#drain());
    return this.#running;
  }

  /** Asks the collector, once, to delete what it holds from this machine; kept on disk until delivered. */
  requestDeletion(event: TelemetryEvent): void {
    // One request stands for every switch to off until it is delivered.
    if (readText(this.#deletionFile)) return;
    writeWhole(this.#deletionFile, JSON.stringify({ attempting: false, event }));
    this.#deletionFailures = 0;
    this.#schedule(0);
  }

  /**
   * At start: a deletion request not yet delivered (one left by an earlier session included) is sent now, and what an
   * earlier session queued goes with the next batch.
   */
  resume(): void {
    if (this.#readDeletion()) this.#schedule(0);
    else if (this.#queue.size > 0) this.#schedule(this.#options.interval);
  }

  /** The last value of the setting this folder saw, so that a switch to off while no gate ran is still noticed. */
  get lastEnabled(): boolean | undefined {
    if (this.#lastEnabled === null) {
      try {
        const value: unknown = JSON.parse(readText(this.#stateFile) || '{}').enabled;
        this.#lastEnabled = typeof value === 'boolean' ? value : undefined;
      } catch {
        this.#lastEnabled = undefined;
      }
    }
    return this.#lastEnabled;
  }

  set lastEnabled(enabled: boolean) {
    if (this.lastEnabled === enabled) return;
    this.#lastEnabled = enabled;
    writeWhole(this.#stateFile, JSON.stringify({ enabled }));
  }

  /**
   * Starts nothing more. What waits stays on disk for the next gate on the folder; a batch under way finishes first.
   * Resolves once the folder is let go: until then the caller must keep purging on a change of consent, since a batch
   * that fails now is left on disk for the next gate.
   */
  dispose(): Promise<void> {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#wake?.();
    const release = () => this.#queue.release();
    if (!this.#claim?.attempting) {
      release();
      return Promise.resolve();
    }
    return this.#running.then(release, release);
  }

  #schedule(delay: number): void {
    if (this.#disposed) return;
    if (this.#timer !== undefined && delay > 0) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, delay);
    // A waiting batch must not keep a process (a test, a CLI) alive; the extension host lives on anyway.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  async #drain(): Promise<void> {
    if (this.#options.held()) return;
    await this.#sendDeletion();
    while (!this.#disposed && !this.#options.held()) {
      this.purge();
      const claim = this.#queue.claim(this.#options.maxEvents);
      if (!claim) return;
      this.#claim = claim;
      try {
        await this.#send(claim);
      } finally {
        this.#claim = undefined;
      }
    }
  }

  /** One batch: tries until delivered, given up, or nothing of it is allowed any more. */
  async #send(claim: Claim): Promise<void> {
    const { attempts, delay, maxDelay } = this.#options.retry;
    for (let attempt = 1; ; attempt++) {
      const allowed = claim.events.filter(this.#options.allowed);
      if (allowed.length < claim.events.length) {
        this.#options.log(`discarded ${claim.events.length - allowed.length} queued event(s) that may no longer be sent`);
      }
      if (allowed.length === 0) return claim.done();
      claim.events = allowed;
      claim.attempting = true;
      claim.save();
      // An event's time is when it was sent: this try's.
      const time = this.#options.now().toISOString();
      const events = allowed.map((entry) => ({ ...entry.event, time }));
      const outcome = await this.#try(events);
      if (outcome === 'delivered') {
        this.#record(events);
        return claim.done();
      }
      if (outcome === 'unknown') {
        this.#options.log(
          `gave up a batch of ${events.length} event(s): the upload did not answer, and it is not tried again so that nothing reaches the collector twice`,
        );
        return claim.done();
      }
      claim.attempting = false;
      claim.save();
      if (attempt >= attempts) {
        this.#options.log(`gave up a batch of ${events.length} event(s) after ${attempt} failed upload(s); it is not recorded as sent`);
        return claim.done();
      }
      // Left on disk between tries: a gate disposed now leaves it to the next one, which puts it back in the queue.
      if (!(await this.#wait(Math.min(delay * 2 ** (attempt - 1), maxDelay)))) return;
    }
  }

  /** The deletion request, if one waits: one try per drain; a failure tries again later, with no bound. */
  async #sendDeletion(): Promise<void> {
    const waiting = this.#readDeletion();
    if (!waiting || this.#disposed) return;
    writeWhole(this.#deletionFile, JSON.stringify({ attempting: true, event: waiting }));
    const outcome = await this.#try([waiting]);
    if (outcome === 'failed' || outcome === 'unknown') {
      writeWhole(this.#deletionFile, JSON.stringify({ attempting: false, event: waiting }));
      this.#deletionFailures++;
      const { delay, maxDelay } = this.#options.retry;
      this.#options.log('the deletion request was not delivered; it is tried again');
      this.#schedule(Math.min(delay * 2 ** (this.#deletionFailures - 1), maxDelay));
      return;
    }
    remove(this.#deletionFile);
    this.#deletionFailures = 0;
    this.#record([waiting]);
  }

  #readDeletion(): TelemetryEvent | undefined {
    try {
      const text = readText(this.#deletionFile);
      return text ? (JSON.parse(text) as { event: TelemetryEvent }).event : undefined;
    } catch (error) {
      this.#options.log(`could not read the waiting deletion request: ${describe(error)}`);
      return undefined;
    }
  }

  #record(events: TelemetryEvent[]): void {
    try {
      this.#options.sentChanged(this.sentLog.append(events));
    } catch (error) {
      this.#options.log(`could not write the sent log: ${describe(error)}`);
    }
  }

  /**
   * One upload within the time limit. Past the limit it is asked to stop (its `signal`) and given as long again to
   * settle: resolved late still counts as delivered, and one that never settles is `unknown`, never tried again.
   */
  async #try(events: TelemetryEvent[]): Promise<Outcome> {
    const controller = new AbortController();
    this.#attempt = controller;
    const copies = events.map((event) => ({ ...event, data: { ...event.data } }));
    let upload: Promise<Outcome>;
    try {
      upload = Promise.resolve(this.#options.upload(copies, { signal: controller.signal })).then(
        (): Outcome => 'delivered',
        (error: unknown): Outcome => {
          this.#options.log(`an upload of ${events.length} event(s) failed: ${describe(error)}`);
          return 'failed';
        },
      );
    } catch (error) {
      this.#options.log(`an upload of ${events.length} event(s) failed: ${describe(error)}`);
      return 'failed';
    }
    const limit = () => {
      let timer: ReturnType<typeof setTimeout>;
      return {
        done: new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.#options.timeout))),
        clear: () => clearTimeout(timer),
      };
    };
    try {
      const first = limit();
      const outcome = await Promise.race([upload, first.done]);
      first.clear();
      if (outcome !== 'late') return outcome;
      this.#options.log(`an upload of ${events.length} event(s) did not answer within ${this.#options.timeout} ms; asked it to stop`);
      controller.abort();
      const second = limit();
      const late = await Promise.race([upload, second.done]);
      second.clear();
      return late === 'late' ? 'unknown' : late;
    } finally {
      this.#attempt = undefined;
    }
  }

  /** Waits `ms` unless disposed first; false when disposed. */
  #wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        resolve(!this.#disposed);
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve(false);
      };
    });
  }
}
