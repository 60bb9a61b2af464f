import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { TelemetryEvent } from '../../protocol/protocol.js';
import { browserClock, clockFor } from '../../internal/clock.js';
import { spinnerIcon, warningIcon } from '../../internal/icons.js';
import { dateTimeFormat } from '../../internal/locale-format.js';
import { intlLocale } from '../../internal/i18n/locale.js';
import { telemetryEventsStyles } from './telemetry-events.styles.js';
import { CsElement } from '../../internal/cs-element.js';

export type TelemetryEventsStatus = 'loading' | 'ready' | 'error' | 'off';

/** The most rows one update adds: a long list is rendered a chunk per animation frame, never all in one task. */
export const EVENTS_CHUNK = 100;

/** Rows in the first update: more than the list's box shows, so it looks complete at once on any machine. */
export const EVENTS_FIRST_CHUNK = 10;

/**
 * Rows after the first chunk come in groups of this many, each group one box that skips layout and paint while out
 * of view: the browser tracks 100 boxes for 1000 rows, not 1000, so a frame that adds rows does not pay for every row
 * already there. Later chunks are whole groups.
 */
export const EVENTS_GROUP = 10;

/**
 * Rows after the first EVENTS_BLOCK come in blocks of this many (a page of the host's), each block one box of groups
 * that skips style, layout and paint while out of view: 20,000 rows are 20 boxes to the browser and to each frame's
 * render, not 2,000 groups, so a frame that adds rows costs the same at the last page as at the first.
 */
export const EVENTS_BLOCK = 1000;

/** The script time one chunk aims for, in ms: a new row costs about as much again in style and layout, so a frame stays short even on a slow CPU. */
const CHUNK_BUDGET = 4;

// Declared with every cs-* event; re-exported so the element's module still names the event it fires.
export type { CsEventsOlderEvent, CsEventsRetryEvent } from '../events.js';

/**
 * @tagname cs-telemetry-events
 * @summary The recent telemetry events of one kind, newest first: time, name and every field sent, as plain text.
 *
 * @fires cs-events-retry - The user asked to load the events again after an error. Bubbles and is composed.
 * @fires cs-events-older - The user asked for the events older than those shown ("Show older", or scrolled to the
 *   end of the rows, while `more`). Bubbles and is composed. Answer by setting `events` to the older ones followed by those shown, and `more`.
 *
 * @csspart status - The line saying what state the list is in (loading, empty, off, error, or how many events).
 * @csspart list - The list of events.
 * @csspart event - Each event.
 * @csspart retry - The Retry button shown after an error.
 * @csspart show-older - The "Show older" button, while older events are kept than those shown.
 * @csspart older-status - The line saying older events are loading, or could not be loaded.
 *
 * @cssprop [--cs-telemetry-events-max-height=320px] - The list scrolls beyond this height.
 * @cssprop [--vscode-editor-font-family=monospace] - Event names and fields.
 * @cssprop [--vscode-settings-rowHoverBackground=#80808033] - The lines between events.
 * @cssprop [--vscode-button-secondaryBackground=#313131] - The Retry button.
 */
export class CsTelemetryEvents extends CsElement {
  static override styles = telemetryEventsStyles;
  static override properties = {
    status: { reflect: true },
    events: { attribute: false },
    message: {},
    label: {},
    more: { type: Boolean },
    older: {},
    shown: { state: true },
  };

  /** `loading`, `ready` (show `events`), `error` (show `message` and Retry) or `off` (telemetry is off). */
  status: TelemetryEventsStatus = 'loading';

  /** The events, oldest first, as the host sends them. */
  events: readonly TelemetryEvent[] = [];

  /** For `error`: the host's own words, shown as text after the panel's. */
  message = '';

  /** The accessible name of the list's region, e.g. "Token usage: events sent". */
  label = '';

  /** Older events are kept than those shown: the list offers "Show older". */
  more = false;

  /** A page of older events is being read (`loading`) or could not be (`error`, with `message`). */
  older?: 'loading' | 'error';

  /** How many rows are in the DOM; grows a chunk per frame until every event is. */
  private shown = 0;

  /** The rows of each chunk rendered so far, [start, end): appended only, so a rendered chunk is never rendered again. */
  #chunks: [number, number][] = [];
  #updateStarted = 0;
  /** Schedules the next chunk's frame: the page's, or the one an ancestor provides (a test steps frames by hand). */
  #clock = browserClock;

  #newestFirst: readonly TelemetryEvent[] = [];
  #frame = 0;
  /** Counts the lists shown: rows rendered for one list are kept while older events are added below them. */
  #list = 0;
  /** "Show older" had the focus before this update: if it goes (the oldest are shown), the list takes the focus. */
  #olderFocused = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#updateStarted = performance.now();
    if (changed.has('events')) {
      const shown = this.#newestFirst;
      const next = [...this.events].reverse();
      this.#newestFirst = next;
      // Older events added below those shown keep the rows rendered; any other change starts the list again.
      const older = shown.length > 0 && next.length >= shown.length && shown.every((event, i) => next[i] === event);
      if (!older) {
        this.shown = Math.min(EVENTS_FIRST_CHUNK, next.length);
        this.#chunks = [];
        this.#list++;
      }
    }
    // Read from the focus, not by a query: a query for the button walks every row before it, at every chunk's frame.
    this.#olderFocused = (this.renderRoot as ShadowRoot).activeElement?.getAttribute('part') === 'show-older';
    // A chunk ends where a block does: the next rows go into the next block.
    let end = this.#chunks.at(-1)?.[1] ?? 0;
    while (this.shown > end) {
      const next = Math.min(this.shown, EVENTS_FIRST_CHUNK + (this.#blockOf(end) + 1) * EVENTS_BLOCK);
      this.#chunks.push([end, next]);
      end = next;
    }
  }

  protected override updated(): void {
    if (this.#olderFocused && !this.#offersOlder()) {
      this.renderRoot.querySelector<HTMLElement>('[part=list]')?.focus();
    }
    this.#watchEnd();
    if (this.status !== 'ready' || this.shown >= this.#newestFirst.length) return;
    // The next chunk is sized by how long this one took, so a slow machine gets smaller chunks and no long task.
    const [start, end] = this.#chunks.at(-1) ?? [0, 0];
    const perRow = (performance.now() - this.#updateStarted) / Math.max(end - start, 1);
    const fit = Math.floor(CHUNK_BUDGET / Math.max(perRow, 0.01) / EVENTS_GROUP) * EVENTS_GROUP;
    const next = Math.min(EVENTS_CHUNK, Math.max(EVENTS_GROUP, fit));
    // A new list or status restarts the count, so a frame from an older one must not add to it.
    const frame = ++this.#frame;
    const add = () => {
      if (frame === this.#frame) this.shown = Math.min(this.shown + next, this.#newestFirst.length);
    };
    // The first chunk paints in a frame of its own: a chunk asked for now would be added before that frame paints.
    this.#clock.requestFrame(this.#chunks.length === 1 ? () => this.#clock.requestFrame(add) : add);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = clockFor(this);
    // Loads the locale's date data while the page is idle, so the first rows never pay for it.
    (globalThis.requestIdleCallback ?? setTimeout)(() => dateTimeFormat());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#frame++;
    this.#endObserver?.disconnect();
    this.#endObserver = undefined;
  }

  #endObserver?: IntersectionObserver;

  /**
   * Scrolling to the end of the rows asks for the older ones, as "Show older" does: only once every row loaded is
   * rendered, and not after a failure (then the button asks, so a failing host is not asked again by scrolling).
   */
  #watchEnd(): void {
    this.#endObserver?.disconnect();
    if (this.older || this.shown < this.#newestFirst.length) return;
    // The list's last child, not found by a query: a query for it walks every row before it.
    const end = this.renderRoot.querySelector('[part=list]')?.lastElementChild;
    if (!end?.classList.contains('end')) return;
    this.#endObserver ??= new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && this.#showOlder(),
      // Near the end, not at its last pixel: scroll positions are rounded, and the next page can start a row early.
      { root: this.renderRoot.querySelector('[part=list]'), rootMargin: '0px 0px 64px 0px' },
    );
    this.#endObserver.observe(end);
  }

  override render() {
    const label = this.label || msg('Events sent', { id: 'events.label' });
    return html`<section aria-label=${label}>
      <p part="status" role="status">${this.#statusLine()}</p>
      ${this.status === 'error'
        ? html`<button part="retry" @click=${this.#retry}>${msg('Retry', { id: 'events.retry' })}</button>`
        : nothing}
      ${this.status === 'ready' && this.#newestFirst.length ? [this.#renderList(label), this.#renderOlder()] : nothing}
    </section>`;
  }

  /** Whether the list shows "Show older". */
  #offersOlder(): boolean {
    return this.status === 'ready' && this.#newestFirst.length > 0 && this.more;
  }

  #renderOlder() {
    if (!this.#offersOlder()) return nothing;
    const loading = this.older === 'loading';
    return html`<p part="older-status" role="status">
        ${loading ? [spinnerIcon, html`<span>${msg('Loading older events…', { id: 'events.older-loading' })}</span>`] : nothing}
        ${this.older === 'error'
          ? [warningIcon, html`<span>${msg('Could not load older events.', { id: 'events.older-error' })} ${this.message}</span>`]
          : nothing}
      </p>
      <button part="show-older" aria-disabled=${loading ? 'true' : 'false'} @click=${this.#showOlder}>
        ${msg('Show older', { id: 'events.show-older' })}
      </button>`;
  }

  // Stays focusable while a page loads (aria-disabled), so the keyboard's place is kept for the next press.
  #showOlder = (): void => {
    if (this.older === 'loading') return;
    this.dispatchEvent(new Event('cs-events-older', { bubbles: true, composed: true }));
  };

  #statusLine() {
    switch (this.status) {
      case 'off':
        return msg('Telemetry is off, so nothing is sent.', { id: 'events.off' });
      case 'error':
        return [
          warningIcon,
          html`<span>${msg('Could not load the events.', { id: 'events.error' })} ${this.message}</span>`,
        ];
      case 'ready': {
        const count = this.#newestFirst.length.toLocaleString(intlLocale());
        if (!this.#newestFirst.length) return msg('Nothing of this kind was sent recently.', { id: 'events.empty' });
        if (this.more) return msg(str`The newest ${count} events sent, newest first; older ones are kept.`, { id: 'events.count-more' });
        // Says the whole count once, not as each chunk lands, so a screen reader is not told every frame.
        return this.#newestFirst.length === 1
          ? msg('1 event sent recently, newest first.', { id: 'events.count-one' })
          : msg(str`${count} events sent recently, newest first.`, { id: 'events.count' });
      }
      default:
        return [spinnerIcon, html`<span>${msg('Loading recent events…', { id: 'events.loading' })}</span>`];
    }
  }

  #renderList(label: string) {
    // Focusable and named: a list taller than its box scrolls, and a keyboard must be able to scroll it. A list by
    // role, not <ol>: the groups of rows (see EVENTS_GROUP) are boxes no <ol> may hold; a reader sees through them.
    return html`<div part="list" role="list" tabindex="0" aria-label=${label}>
      ${this.renderRows(this.#newestFirst, dateTimeFormat())}${this.more ? html`<div class="end" aria-hidden="true"></div>` : nothing}
    </div>`;
  }

  /**
   * The rows inside the list, newest first; `npm run bench` overrides it with a virtualized list to weigh the two.
   * @internal
   */
  protected renderRows(newestFirst: readonly TelemetryEvent[], format: Intl.DateTimeFormat): unknown {
    // Each chunk is rendered once: later frames add a chunk without walking the rows already there.
    // While older events are kept, the rows cannot say how many there are in all: -1, "not known", in ARIA.
    const count = this.more ? -1 : newestFirst.length;
    const rows = (start: number, end: number) =>
      newestFirst.slice(start, end).map((event, i) => eventRow(event, format, start + i, count));
    const chunk = ([start, end]: [number, number]) =>
      guard([this.#list, start, end, format], () => {
        if (start < EVENTS_FIRST_CHUNK) return rows(start, end);
        const groups = [];
        for (let from = start; from < end; from += EVENTS_GROUP) {
          groups.push(html`<div class="group">${rows(from, Math.min(from + EVENTS_GROUP, end))}</div>`);
        }
        return groups;
      });
    // The first EVENTS_BLOCK rows in the list itself; later ones in a box per block, re-rendered only while it fills.
    const blocks: [number, number][][] = [];
    for (const range of this.#chunks) (blocks[this.#blockOf(range[0])] ??= []).push(range);
    const [first = [], ...later] = blocks;
    return [
      first.map(chunk),
      later.map((ranges, i) =>
        guard([this.#list, i, ranges.at(-1)![1], format], () => html`<div class="block">${ranges.map(chunk)}</div>`),
      ),
    ];
  }

  /** The block of row `index`: 0 for the first chunk and the EVENTS_BLOCK rows after it. */
  #blockOf(index: number): number {
    return Math.trunc((index - EVENTS_FIRST_CHUNK) / EVENTS_BLOCK);
  }

  #retry(): void {
    this.dispatchEvent(new Event('cs-events-retry', { bubbles: true, composed: true }));
  }
}

/**
 * One event as a list row: its time, its name and its fields, all as text. `index` of `count`, newest first: the
 * browser leaves the rows of a group out of view out of its accessibility tree, so each row says where it stands.
 * @internal
 */
export function eventRow(event: TelemetryEvent, format: Intl.DateTimeFormat, index: number, count: number) {
  const time = new Date(event.time);
  const valid = !Number.isNaN(time.getTime());
  // Host data only ever lands in text bindings: never parsed as HTML.
  return html`<div role="listitem" part="event" aria-posinset=${index + 1} aria-setsize=${count}>
    <time datetime=${valid ? time.toISOString() : nothing}>${valid ? format.format(time) : event.time}</time
    ><span class="name">${event.name}</span>
    ${Object.keys(event.data).length
      ? html`<dl>
          ${Object.entries(event.data).map(
            ([key, value]) => html`<dt>${key}</dt>
              <dd>${typeof value === 'string' ? value : JSON.stringify(value)}</dd>`,
          )}
        </dl>`
      : nothing}
  </div>`;
}
