/**
 * The history of the setting (`changedAt`/`changedBy` and the value they describe): kept in memory always, and in the
 * `history` memento when given, which adapters in other windows share. Its rules say whose record wins when several
 * adapters saw one change: only the adapter that made a write records it as the user's.
 */
import { isPlainObject, isTime, type ChangedBy, type ManagedBy, type TelemetryState } from '../protocol/protocol.js';
import { describe, startAndLog, type Log } from './log.js';
import type { TelemetryHostOptions } from './options.js';

/** Memento key prefix of the history record; the full key of the setting follows it. */
export const HISTORY_KEY_PREFIX = 'codeStudio.telemetrySettings.history:';

/** What last changed the setting, as kept in memory and in the `history` memento. */
interface HistoryRecord {
  changedAt: string | null;
  changedBy: Exclude<ChangedBy, 'policy' | 'default'>;
  /** The value the change left; absent in records of adapter 0.2.0, whose value is unknown. */
  value?: boolean;
}

const isHistoryRecord = (value: unknown): value is HistoryRecord =>
  isPlainObject(value) &&
  (value.changedBy === 'user' || value.changedBy === 'settings-file') &&
  (value.changedAt === null || isTime(value.changedAt)) &&
  (value.value === undefined || typeof value.value === 'boolean');

const sameRecord = (a: HistoryRecord, b: HistoryRecord) =>
  a.changedAt === b.changedAt && a.changedBy === b.changedBy && a.value === b.value;

/**
 * Whether `candidate`, found in the shared memento, was recorded after `known`, the record this adapter held: it is
 * another record, and not an older one (a record without a time cannot be older).
 */
const recordedAfter = (candidate: HistoryRecord, known: HistoryRecord | undefined) =>
  !known ||
  (!sameRecord(candidate, known) &&
    (candidate.changedAt === null ||
      known.changedAt === null ||
      Date.parse(candidate.changedAt) >= Date.parse(known.changedAt)));

/** One adapter's view of the history of the setting at `section.key`. */
export class SettingHistory {
  /** Read at each use, as the caller left them. */
  readonly #options: Pick<TelemetryHostOptions, 'history' | 'now'>;
  readonly #key: string;
  readonly #log: Log;
  #storeProblemLogged = false;
  #record: HistoryRecord | undefined;
  /** This adapter's own record of its last write. */
  #ownRecord: HistoryRecord | undefined;
  /** Set when this adapter recorded a change it did not make: the record it held before, to compare others with. */
  #secondHand: { before: HistoryRecord | undefined } | undefined;
  /** The effective value last seen, so that a configuration event that changes nothing records nothing. */
  #knownValue: boolean;
  /** A write from the panel under way: its own configuration event must count as 'user', not 'settings-file'. */
  #ownWrite: { value: boolean; recorded: boolean } | undefined;
  #lastManagedBy: ManagedBy | null | undefined;
  #policySince: string | null = null;

  /** Reads the memento, then the setting with `readValue`, and reconciles the two. */
  constructor(options: Pick<TelemetryHostOptions, 'history' | 'now'>, fullKey: string, log: Log, readValue: () => boolean) {
    this.#options = options;
    this.#key = `${HISTORY_KEY_PREFIX}${fullKey}`;
    this.#log = log;
    this.#record = this.#readStored();
    this.#knownValue = readValue();
    this.reconcile(this.#knownValue);
  }

  /** A write from the panel is about to start. */
  writing(value: boolean): void {
    this.#ownWrite = { value, recorded: false };
  }

  /** The write failed: the value did not change. */
  writeFailed(): void {
    this.#ownWrite = undefined;
  }

  /** The write of `written` landed and the setting reads `actual`; its configuration event may come before, after or never. */
  written(written: boolean, actual: boolean): void {
    if (actual === written && !this.#ownWrite?.recorded) this.#recordOwnWrite(actual);
    this.#knownValue = actual;
    this.#ownWrite = undefined;
  }

  /** A configuration event: the setting now reads `value`. */
  seen(value: boolean): void {
    if (value === this.#knownValue) return;
    if (this.#ownWrite && this.#ownWrite.value === value) {
      if (!this.#ownWrite.recorded) this.#recordOwnWrite(value);
      this.#ownWrite.recorded = true;
    } else {
      this.#recordChangeSeen(value);
    }
    this.#knownValue = value;
  }

  /** Keeps the record true to `value`, the setting now; run before each state and at connect. */
  reconcile(value: boolean): void {
    const stored = this.#readStored();
    if (this.#record?.value !== undefined && this.#record.value !== value) {
      // Changed where this adapter did not see it (while no panel was open): by hand, at a time nobody knows.
      this.#knownValue = value;
      this.#secondHand = undefined;
      if (stored?.value === value && recordedAfter(stored, this.#record)) {
        this.#record = stored;
      } else {
        this.#record = { changedAt: null, changedBy: 'settings-file', value };
        this.#save(this.#record);
      }
      return;
    }
    if (!this.#record || !stored || stored.value !== value || sameRecord(stored, this.#record)) return;
    if (this.#secondHand && stored.changedBy === 'user' && recordedAfter(stored, this.#secondHand.before)) {
      // The adapter that made the write recorded it after this one had seen it second-hand.
      this.#record = stored;
      this.#secondHand = undefined;
    } else if (this.#record === this.#ownRecord && stored.changedBy === 'settings-file') {
      // Another adapter saw this one's write second-hand and saved over its record: put the truth back.
      this.#save(this.#record);
    }
  }

  /**
   * `changedAt`/`changedBy` for a state under `managedBy`: the policy's while one applies, else the record, else what
   * `isSetInSettings` says of settings.json.
   */
  report(managedBy: ManagedBy | null, isSetInSettings: () => boolean): Pick<TelemetryState, 'changedAt' | 'changedBy'> {
    // A policy coming in while this adapter watches has a known time; one already there when it started has none.
    if (managedBy && this.#lastManagedBy === null) this.#policySince = this.#nowIso();
    if (!managedBy) this.#policySince = null;
    this.#lastManagedBy = managedBy;
    if (managedBy) return { changedAt: this.#policySince, changedBy: 'policy' };
    if (this.#record) return { changedAt: this.#record.changedAt, changedBy: this.#record.changedBy };
    // Set in settings.json before anything was recorded: who and when are unknown.
    return { changedAt: null, changedBy: isSetInSettings() ? null : 'default' };
  }

  #recordOwnWrite(value: boolean): void {
    this.#record = this.#ownRecord = { changedAt: this.#nowIso(), changedBy: 'user', value };
    this.#secondHand = undefined;
    this.#save(this.#record);
  }

  /** A change of the value that this adapter did not make: the adapter that made it may have recorded it already. */
  #recordChangeSeen(value: boolean): void {
    const before = this.#record;
    const stored = this.#readStored();
    if (stored?.value === value && recordedAfter(stored, before)) {
      this.#record = stored;
      this.#secondHand = undefined;
      return;
    }
    this.#record = { changedAt: this.#nowIso(), changedBy: 'settings-file', value };
    this.#secondHand = { before };
    this.#save(this.#record);
  }

  /** The record in the memento now; it is read again before each decision, as another adapter may have written it. */
  #readStored(): HistoryRecord | undefined {
    const store = this.#options.history;
    if (!store) return undefined;
    let problem: string;
    try {
      const stored = store.get<unknown>(this.#key);
      if (stored === undefined || isHistoryRecord(stored)) return stored;
      problem = 'ignored a malformed history record';
    } catch (error) {
      problem = `could not read the history of the setting: ${describe(error)}`;
    }
    // Once, not with every state.
    if (!this.#storeProblemLogged) this.#log(problem);
    this.#storeProblemLogged = true;
    return undefined;
  }

  #save(record: HistoryRecord): void {
    const store = this.#options.history;
    if (store) startAndLog(this.#log, () => store.update(this.#key, record), 'save the history of the setting');
  }

  #nowIso(): string | null {
    try {
      return (this.#options.now?.() ?? new Date()).toISOString();
    } catch (error) {
      this.#log(`the clock gave no valid time: ${describe(error)}`);
      return null;
    }
  }
}
