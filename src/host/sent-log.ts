/**
 * The sent log: every event the collector accepted, exactly as uploaded, one JSON line each (`time`, `category`,
 * `name`, `data`), kept in the outbox's folder within an age and a size, the oldest dropped first, and read back after
 * a restart. "Show what was sent" reads it.
 */
import { isTelemetryEvent } from '../protocol/events-messages.js';
import { TELEMETRY_CATEGORIES, type TelemetryCategory, type TelemetryEvent } from '../protocol/protocol.js';
import { appendText, fileStamp, join, parseLines, readText, toLines, writeWhole } from './outbox-files.js';
import { describe, type Log } from './log.js';

export const SENT_LOG_FILE = 'telemetry-sent.jsonl';
export const DEFAULT_RETENTION_DAYS = 90;
export const DEFAULT_RETENTION_BYTES = 10 * 1024 * 1024;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SentLogRetention {
  days: number;
  bytes: number;
}

export class SentLog {
  readonly #file: string;
  readonly #retention: SentLogRetention;
  readonly #log: Log;
  readonly #now: () => Date;
  /** The events and the lines' total length, as of the file stamp they were read at. */
  #events: TelemetryEvent[] = [];
  #bytes = 0;
  #stamp: string | undefined = 'unread';

  constructor(folder: string, retention: SentLogRetention, now: () => Date, log: Log) {
    this.#file = join(folder, SENT_LOG_FILE);
    this.#retention = retention;
    this.#now = now;
    this.#log = log;
    this.#refresh();
    this.#trim();
  }

  /** Appends what the collector accepted; returns the data types whose record changed. */
  append(events: readonly TelemetryEvent[]): Set<TelemetryCategory> {
    this.#refresh();
    const text = toLines(events);
    appendText(this.#file, text);
    this.#events.push(...events.map(copy));
    this.#bytes += Buffer.byteLength(text);
    this.#stamp = fileStamp(this.#file);
    const changed = new Set(events.map((event) => event.category));
    for (const category of this.#trim()) changed.add(category);
    return changed;
  }

  /** What was sent of `category`, oldest first, as copies. */
  read(category: TelemetryCategory): TelemetryEvent[] {
    this.#refresh();
    return this.#events.filter((event) => event.category === category).map(copy);
  }

  /** Everything kept, every data type, oldest first, as copies: what an export writes. */
  readAll(): TelemetryEvent[] {
    this.#refresh();
    return this.#events.map(copy);
  }

  /** Per data type, how many events were sent since `since`, and how many are kept in all. */
  counts(since: Date): Record<TelemetryCategory, { lastWeek: number; kept: number }> {
    this.#refresh();
    const from = since.getTime();
    const counts = Object.fromEntries(TELEMETRY_CATEGORIES.map((category) => [category, { lastWeek: 0, kept: 0 }])) as Record<
      TelemetryCategory,
      { lastWeek: number; kept: number }
    >;
    for (const event of this.#events) {
      const count = counts[event.category];
      count.kept++;
      if (Date.parse(event.time) >= from) count.lastWeek++;
    }
    return counts;
  }

  /** Reads the file again when another gate (of another editor process, or an earlier session) changed it. */
  #refresh(): void {
    const stamp = fileStamp(this.#file);
    if (stamp === this.#stamp) return;
    let text = '';
    try {
      text = readText(this.#file);
    } catch (error) {
      this.#log(`could not read the sent log: ${describe(error)}`);
    }
    const { values, malformed } = parseLines(text);
    this.#events = values.filter(isTelemetryEvent);
    const unreadable = malformed + values.length - this.#events.length;
    if (unreadable > 0) this.#log(`skipped ${unreadable} unreadable line(s) of the sent log`);
    this.#bytes = Buffer.byteLength(text);
    this.#stamp = stamp;
  }

  /** Drops the oldest events past the retention's age or size; returns the data types that lost some. */
  #trim(): Set<TelemetryCategory> {
    const oldest = this.#now().getTime() - this.#retention.days * DAY_MS;
    let drop = 0;
    let bytes = this.#bytes;
    while (drop < this.#events.length) {
      const event = this.#events[drop]!;
      if (Date.parse(event.time) >= oldest && bytes <= this.#retention.bytes) break;
      bytes -= Buffer.byteLength(`${JSON.stringify(event)}\n`);
      drop++;
    }
    const changed = new Set(this.#events.slice(0, drop).map((event) => event.category));
    if (drop === 0 && bytes === this.#bytes) return changed;
    this.#events = this.#events.slice(drop);
    const text = toLines(this.#events);
    writeWhole(this.#file, text);
    this.#bytes = Buffer.byteLength(text);
    this.#stamp = fileStamp(this.#file);
    return changed;
  }
}

const copy = (event: TelemetryEvent): TelemetryEvent => ({ ...event, data: { ...event.data } });
