/**
 * The outbox's queue on disk: events waiting to be uploaded, one JSON line each, and the batch being uploaded, taken
 * out of the queue into a claim file of its own. Taking a batch is a rename, so two gates on one folder (two editor processes)
 * never take the same events; a claim left by a gate that is gone is put back when nothing of it may have left, and
 * dropped when it may have (an upload was under way): an event is uploaded at most once.
 */
import { isTelemetryEvent } from '../protocol/events-messages.js';
import { isPlainObject, type TelemetryEvent } from '../protocol/protocol.js';
import {
  appendText,
  join,
  parseLines,
  readText,
  remove,
  takeAside,
  toLines,
  writeWhole,
} from './outbox-files.js';
import { readdirSync } from 'node:fs';
import type { Log } from './log.js';

/** One event waiting in the outbox, with what its consent depends on, checked again at each upload. */
export interface QueuedEvent {
  /** Usage needs level `all`; an error report `error` or `all`. */
  kind: 'usage' | 'error';
  /** It carries the account's login name or email, which may go only while identity is allowed. */
  identity: boolean;
  event: TelemetryEvent;
}

const isQueuedEvent = (value: unknown): value is QueuedEvent =>
  isPlainObject(value) &&
  (value.kind === 'usage' || value.kind === 'error') &&
  typeof value.identity === 'boolean' &&
  isTelemetryEvent(value.event);

/** A claim file: whose it is, and whether an upload of it was under way (then it may have reached the collector). */
interface ClaimRecord {
  pid: number;
  owner: string;
  attempting: boolean;
  events: QueuedEvent[];
}

const QUEUE_FILE = 'telemetry-queue.jsonl';
const CLAIM_PREFIX = 'telemetry-sending-';

/** Gates of this process that may still upload: a claim of one of them is not an orphan. */
const liveOwners = new Set<string>();

const processAlive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A batch taken out of the queue for upload. */
export class Claim {
  readonly #file: string;
  readonly #owner: string;
  events: QueuedEvent[];
  attempting = false;

  constructor(file: string, owner: string, events: QueuedEvent[]) {
    this.#file = file;
    this.#owner = owner;
    this.events = events;
    this.save();
  }

  /** Writes what it holds now, before an upload starts (`attempting`) and after one failed. */
  save(): void {
    const record: ClaimRecord = { pid: process.pid, owner: this.#owner, attempting: this.attempting, events: this.events };
    writeWhole(this.#file, JSON.stringify(record));
  }

  /** Uploaded, given up or purged: it is gone from disk. */
  done(): void {
    remove(this.#file);
  }
}

export class OutboxQueue {
  readonly #folder: string;
  readonly #file: string;
  readonly #owner: string;
  readonly #log: Log;
  #claims = 0;
  #malformedLogged = false;
  /** How many events wait in the queue file, as this gate last saw it. */
  size = 0;

  constructor(folder: string, owner: string, log: Log) {
    this.#folder = folder;
    this.#file = join(folder, QUEUE_FILE);
    this.#owner = owner;
    this.#log = log;
    liveOwners.add(owner);
    this.#recoverOrphans();
    this.size = this.#read(readText(this.#file)).length;
  }

  /** This gate will upload nothing more: its claims left on disk are orphans for the next gate on the folder. */
  release(): void {
    liveOwners.delete(this.#owner);
  }

  add(entry: QueuedEvent): void {
    appendText(this.#file, toLines([entry]));
    this.size++;
  }

  /** Removes, on disk, every waiting event `keep` says no to; returns how many it removed. */
  purge(keep: (entry: QueuedEvent) => boolean): number {
    // A batch a disposed gate left between tries is waiting too.
    this.#recoverOrphans();
    const aside = takeAside(this.#file, `${this.#file}.${this.#owner}.purge`);
    if (!aside) {
      this.size = 0;
      return 0;
    }
    const entries = this.#read(readText(aside));
    const kept = entries.filter(keep);
    if (kept.length > 0) appendText(this.#file, toLines(kept));
    remove(aside);
    this.size = this.#read(readText(this.#file)).length;
    return entries.length - kept.length;
  }

  /** Takes up to `max` events, oldest first, out of the queue into a claim; undefined when none wait. */
  claim(max: number): Claim | undefined {
    this.#recoverOrphans();
    const aside = takeAside(this.#file, `${this.#file}.${this.#owner}.take`);
    if (!aside) {
      this.size = 0;
      return undefined;
    }
    const entries = this.#read(readText(aside));
    const batch = entries.slice(0, max);
    const claim = batch.length > 0 ? new Claim(join(this.#folder, `${CLAIM_PREFIX}${this.#owner}-${++this.#claims}.json`), this.#owner, batch) : undefined;
    // The rest goes back in front of anything another editor process added meanwhile.
    const rest = entries.slice(max);
    if (rest.length > 0) {
      const added = takeAside(this.#file, `${this.#file}.${this.#owner}.added`);
      appendText(this.#file, toLines(rest));
      if (added) {
        appendText(this.#file, readText(added));
        remove(added);
      }
    }
    remove(aside);
    this.size = rest.length;
    return claim;
  }

  #read(text: string): QueuedEvent[] {
    const { values, malformed } = parseLines(text);
    const entries = values.filter(isQueuedEvent);
    if ((malformed > 0 || entries.length < values.length) && !this.#malformedLogged) {
      this.#malformedLogged = true;
      this.#log(`dropped ${malformed + values.length - entries.length} unreadable line(s) of the telemetry queue`);
    }
    return entries;
  }

  /** Claims of gates that are gone: put back when no upload of them was under way, else dropped (at most once). */
  #recoverOrphans(): void {
    let names: string[];
    try {
      names = readdirSync(this.#folder).filter((name) => name.startsWith(CLAIM_PREFIX) && name.endsWith('.json'));
    } catch {
      return;
    }
    const back: QueuedEvent[] = [];
    for (const name of names) {
      const file = join(this.#folder, name);
      let record: Partial<ClaimRecord>;
      try {
        record = JSON.parse(readText(file)) as Partial<ClaimRecord>;
      } catch {
        remove(file);
        continue;
      }
      const owner = typeof record.owner === 'string' ? record.owner : '';
      const pid = typeof record.pid === 'number' ? record.pid : -1;
      const gone = pid === process.pid ? !liveOwners.has(owner) : !processAlive(pid);
      if (!gone) continue;
      const events = Array.isArray(record.events) ? record.events.filter(isQueuedEvent) : [];
      if (record.attempting) {
        this.#log(
          `did not upload ${events.length} event(s) again: an upload of them was under way when the last session ended, so the collector may have them already`,
        );
      } else {
        back.push(...events);
      }
      remove(file);
    }
    if (back.length === 0) return;
    const aside = takeAside(this.#file, `${this.#file}.${this.#owner}.recover`);
    appendText(this.#file, toLines(back));
    if (aside) {
      appendText(this.#file, readText(aside));
      remove(aside);
    }
  }
}
