// The panel's events lists and export, in the optional parts' chunk: a connection makes them when a list or the export
// is first asked for, which only the extensions' UI (in the same chunk) can do.
import type { TelemetryCategory, TelemetryEventsEntry } from '../../protocol/protocol.js';
import type { TelemetryClient, TelemetryExport, TelemetryRequestError } from '../../webview/telemetry-client.js';
import { withNewerEvents } from '../../webview/events-pages.js';

/** The export the user last asked for: under way, written (where, how many), or not (the error's code and words). */
export type TelemetryExportStatus =
  | { status: 'exporting' }
  | ({ status: 'written' } & TelemetryExport)
  | { status: 'failed'; code: string; message: string };

/**
 * What one connection knows of each category's events (pages, newest first, added as the user asks for older ones) and
 * of the last export. An answer to an earlier list of a category never changes a later one.
 */
export class EventsLists {
  /** The events of each category the panel asked for, as far as known; replaced on every change. */
  events: Partial<Record<TelemetryCategory, TelemetryEventsEntry>> = {};
  /** The export the user last asked for; undefined before any. */
  exportStatus?: TelemetryExportStatus;
  /** The latest list of each category: only its requests may settle the category. */
  readonly #lists = new Map<TelemetryCategory, symbol>();
  /** Each category's cursor to the page older than the events shown. */
  readonly #olderCursors = new Map<TelemetryCategory, string>();

  constructor(
    private readonly client: TelemetryClient,
    private readonly changed: () => void,
    private readonly noAnswerText: () => string,
  ) {}

  /**
   * Asks for the newest page of a category's events. `refresh`: the list is shown already and keeps showing, with the
   * events the host sent since added when they come (the host said its log changed); the older pages it shows stay.
   */
  requestEvents(category: TelemetryCategory, refresh: boolean): void {
    const shown = refresh && this.events[category]?.status === 'ready';
    const list = shown ? this.#lists.get(category)! : Symbol(category);
    this.#lists.set(category, list);
    if (!shown) {
      this.#olderCursors.delete(category);
      if (!refresh || !this.events[category]) this.#set(category, list, { status: 'loading', events: [], message: '' });
    }
    this.client.requestEventsPage(category).then(
      (page) => {
        if (this.#lists.get(category) !== list) return;
        const current = this.events[category]!;
        const merged = shown ? withNewerEvents(current.events, page.events, !page.more) : undefined;
        if (merged) return this.#set(category, list, { ...current, events: merged });
        // A new list, or more was sent than a page holds: the list starts again from the newest page.
        const fresh = Symbol(category);
        this.#lists.set(category, fresh);
        this.#setCursor(category, page.before);
        this.#set(category, fresh, { status: 'ready', events: page.events, message: '', more: page.more });
      },
      (error: TelemetryRequestError) => {
        // A list shown stays shown when a refresh fails: what it shows was sent all the same.
        if (!shown) this.#set(category, list, { status: 'error', events: [], message: this.#errorText(error) });
      },
    );
  }

  /** Asks for the page older than the events a category's list shows, and adds it below them. */
  requestOlderEvents(category: TelemetryCategory): void {
    const entry = this.events[category];
    const before = this.#olderCursors.get(category);
    if (entry?.status !== 'ready' || !entry.more || entry.older === 'loading' || before === undefined) return;
    const list = this.#lists.get(category)!;
    this.#set(category, list, { ...entry, older: 'loading' });
    this.client.requestEventsPage(category, { before }).then(
      (page) => {
        if (this.#lists.get(category) !== list) return;
        this.#setCursor(category, page.before);
        const current = this.events[category]!;
        this.#set(category, list, { ...current, events: [...page.events, ...current.events], more: page.more, message: '', older: undefined });
      },
      (error: TelemetryRequestError) => this.#set(category, list, { ...this.events[category]!, older: 'error', message: this.#errorText(error) }),
    );
  }

  /** Asks the host to write everything it sent to a file the user picks; one export at a time. */
  exportEvents(): void {
    if (this.exportStatus?.status === 'exporting') return;
    const settle = (status: TelemetryExportStatus) => {
      this.exportStatus = status;
      this.changed();
    };
    settle({ status: 'exporting' });
    this.client.exportEvents().then(
      (written) => settle({ status: 'written', ...written }),
      (error: TelemetryRequestError) => settle({ status: 'failed', code: error.code, message: this.#errorText(error) }),
    );
  }

  #set(category: TelemetryCategory, list: symbol, entry: TelemetryEventsEntry): void {
    if (this.#lists.get(category) !== list) return;
    this.events = { ...this.events, [category]: entry };
    this.changed();
  }

  #setCursor(category: TelemetryCategory, before: string | undefined): void {
    if (before === undefined) this.#olderCursors.delete(category);
    else this.#olderCursors.set(category, before);
  }

  /** The host's words; the panel's own for silence; none for a code without words. */
  #errorText(error: TelemetryRequestError): string {
    return error.code === 'timeout' ? this.noAnswerText() : error.message === error.code ? '' : error.message;
  }
}
