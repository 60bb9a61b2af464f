// The consent gate behind the demo's editor: what `createTelemetryGate` gives the adapter (TelemetryHostGate), kept in
// memory. The real gate's outbox writes its sent log with Node's fs, which a browser does not have; this one keeps the
// same record in an array and answers every question from it, so the panel's counts, list and export agree.
import type { TelemetryHostGate, TelemetryHostOptions } from '../src/host/options.js';
import { readTelemetrySetting } from '../src/host/setting.js';
import { levelAllows, readEditorTelemetryLevel } from '../src/host/telemetry-level.js';
import { isNoticeAnswered } from '../src/host/telemetry-notice.js';
import {
  SENT_COUNT_DAYS,
  TELEMETRY_CATEGORIES,
  type SentCount,
  type TelemetryCategory,
  type TelemetryEvent,
} from '../src/protocol/protocol.js';
import type { EventEmitter } from './fake-vscode.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the sent log keeps an event, as the real gate's default. */
export const RETENTION_DAYS = 90;

/** An event the editor's telemetry hands the gate: its time is when it leaves. */
export type DemoEventInput = Pick<TelemetryEvent, 'category' | 'name' | 'data'>;

export interface DemoGateOptions {
  /** The editor's `vscode`: its settings and telemetry level decide what may leave. */
  vscode: TelemetryHostOptions['vscode'];
  /** The setting's full section and key. */
  section: string;
  key: string;
  /** The sent log, oldest first: shared with the gate of the next start, as the real one is kept on disk. */
  log: TelemetryEvent[];
  /** Where the notice's answer is kept; without it there is no notice to wait for. */
  notice?: { get(key: string): unknown };
  /** `DO_NOT_TRACK` in the extension host's environment, read once at start as the real gate reads it. */
  doNotTrack: boolean;
  /** Fired with a data type when its record changed (the editor's own emitter, shared with its adapters). */
  eventsChanged: EventEmitter<TelemetryCategory>;
  account: NonNullable<TelemetryHostGate['account']>;
  onDidChangeAccount: NonNullable<TelemetryHostGate['onDidChangeAccount']>;
  /** Whether the account's details may go with the data (the account switch); undefined: not offered, they go. */
  accountLinked?: TelemetryHostOptions['accountLinked'];
  now?: () => number;
  /** Reading a data type's events fails while this says so (the demo's "unreadable" control). */
  unreadable?: () => boolean;
}

export class DemoGate implements TelemetryHostGate {
  readonly doNotTrack: boolean;
  readonly account: TelemetryHostGate['account'];
  readonly onDidChangeAccount: TelemetryHostGate['onDidChangeAccount'];
  readonly accountLinked: TelemetryHostGate['accountLinked'];
  readonly #options: DemoGateOptions;
  readonly #now: () => number;
  /** What waits for the notice's answer, with the time it was handed over. */
  readonly #waiting: TelemetryEvent[] = [];
  readonly #noticeListeners = new Set<() => unknown>();

  constructor(options: DemoGateOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.doNotTrack = options.doNotTrack;
    this.account = options.account;
    this.onDidChangeAccount = options.onDidChangeAccount;
    this.accountLinked = options.accountLinked;
  }

  /** What was sent of `category`, oldest first, as copies. */
  readonly events = (category: TelemetryCategory): TelemetryEvent[] => {
    if (this.#options.unreadable?.()) throw new Error('The sent log could not be read.');
    return this.#kept().filter((event) => event.category === category).map(copy);
  };

  /** The whole sent log, every data type, oldest first, as copies. */
  readonly exportEvents = (): TelemetryEvent[] => this.#kept().map(copy);

  /** Per data type, how many were sent in the last 7 days and how many are kept, counted from the log now. */
  readonly sentCounts = (): Record<TelemetryCategory, SentCount> => {
    const since = this.#now() - SENT_COUNT_DAYS * DAY_MS;
    const counts = Object.fromEntries(TELEMETRY_CATEGORIES.map((category) => [category, { lastWeek: 0, kept: 0 }])) as Record<
      TelemetryCategory,
      SentCount
    >;
    for (const event of this.#kept()) {
      const count = counts[event.category];
      count.kept++;
      if (Date.parse(event.time) >= since) count.lastWeek++;
    }
    return counts;
  };

  readonly onDidChangeEvents = (listener: (category: TelemetryCategory) => unknown) => this.#options.eventsChanged.event(listener);

  get noticePending(): boolean {
    const notice = this.#options.notice;
    return notice !== undefined && !isNoticeAnswered(notice);
  }

  readonly onDidChangeNotice = (listener: () => unknown) => {
    this.#noticeListeners.add(listener);
    return { dispose: () => void this.#noticeListeners.delete(listener) };
  };

  /**
   * The editor's telemetry hands the gate these events. Each leaves only if it may at this moment (the setting, the
   * editor's level, DO_NOT_TRACK, the account switch); while the notice is pending it waits. Returns how many left.
   */
  send(inputs: readonly DemoEventInput[]): number {
    if (this.doNotTrack) return 0;
    const events = inputs.map((input) => ({ ...input, time: new Date(this.#now()).toISOString(), data: { ...input.data } }));
    if (this.noticePending) {
      this.#waiting.push(...events);
      return 0;
    }
    return this.#upload(events);
  }

  /** As `showTelemetryNotice` tells the real gate: what waited goes now if it may (Turn Off wrote the setting off). */
  noticeAnswered(): void {
    if (this.noticePending) return;
    this.#upload(this.#waiting.splice(0));
    for (const listener of [...this.#noticeListeners]) listener();
  }

  /** The log starts again from `events` (the demo's control): every data type's record changed. */
  replaceLog(events: readonly TelemetryEvent[]): void {
    this.#options.log.splice(0, Infinity, ...events);
    for (const category of TELEMETRY_CATEGORIES) this.#options.eventsChanged.fire(category);
  }

  #upload(events: TelemetryEvent[]): number {
    const leaving = events.filter((event) => this.#allowed(event.category));
    this.#options.log.push(...leaving);
    for (const category of new Set(leaving.map((event) => event.category))) this.#options.eventsChanged.fire(category);
    return leaving.length;
  }

  #allowed(category: TelemetryCategory): boolean {
    const { vscode, section, key } = this.#options;
    if (this.doNotTrack || !readTelemetrySetting(vscode.workspace.getConfiguration(section), key)) return false;
    if (!levelAllows(readEditorTelemetryLevel(vscode), 'usage')) return false;
    if (category !== 'account') return true;
    const account = this.account?.();
    if (!account || 'then' in account) return false;
    const linked = this.accountLinked?.get() ?? true;
    return linked === true;
  }

  /** The log within its retention, oldest first; older events are dropped as the real sent log drops them. */
  #kept(): TelemetryEvent[] {
    const log = this.#options.log;
    const oldest = this.#now() - RETENTION_DAYS * DAY_MS;
    let drop = 0;
    while (drop < log.length && Date.parse(log[drop]!.time) < oldest) drop++;
    if (drop > 0) log.splice(0, drop);
    return log;
  }
}

const copy = (event: TelemetryEvent): TelemetryEvent => ({ ...event, data: { ...event.data } });
