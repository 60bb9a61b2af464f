import { html, nothing } from 'lit';
import { AsyncDirective, directive, type ChildPart } from 'lit/async-directive.js';
import { browserClock, clockFor, type Clock } from './clock.js';
import { intlLocale } from './i18n/locale.js';
import { formatDateTime } from './locale-format.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/** "5 minutes ago" for `time` seen at `now`, and how long until those words change (at least 1 s, at most an hour). */
export function relativeTimeText(time: number, now: number): { text: string; changesIn: number } {
  const diff = time - now;
  const distance = Math.abs(diff);
  const format = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' });
  // Under a minute is "now": counting seconds would change the words every second for no one's benefit.
  const [unit, size] = UNITS.find(([, size]) => distance >= size) ?? ['second', MINUTE];
  const count = unit === 'second' ? 0 : Math.trunc(distance / size);
  // Past times grow away from now; future ones (a skewed clock) shrink towards it.
  const changesIn = diff <= 0 ? size - (distance % size) : distance % size || size;
  return {
    text: format.format(diff < 0 ? -count : count, unit),
    changesIn: Math.min(Math.max(changesIn, SECOND), HOUR),
  };
}

/**
 * A `<time>` reading "5 minutes ago", with the absolute time as its tooltip, that keeps itself true as time passes:
 * it sets only its own text, on a timer due when the words would change, and stops the timer when disconnected.
 * It reads the time from the clock of the element it renders in.
 */
class RelativeTimeDirective extends AsyncDirective {
  #time = NaN;
  #timer: unknown;
  #clock?: Clock;

  render(iso: string) {
    this.#time = Date.parse(iso);
    return this.#paint();
  }

  override update(part: ChildPart, [iso]: [string]) {
    // Asked of the rendering element, which is in the document: at the first render this part is not yet.
    this.#clock ??= clockFor(part.options!.host as Element);
    return this.render(iso);
  }

  override disconnected(): void {
    this.#stop();
  }

  override reconnected(): void {
    this.setValue(this.#paint());
  }

  #paint() {
    this.#stop();
    if (Number.isNaN(this.#time)) return nothing;
    const date = new Date(this.#time);
    const clock = this.#clock ?? browserClock;
    const { text, changesIn } = relativeTimeText(this.#time, clock.now());
    if (this.isConnected) {
      this.#timer = clock.setTimeout(() => {
        this.#timer = undefined;
        this.setValue(this.#paint());
      }, changesIn);
    }
    return html`<time datetime=${date.toISOString()} title=${formatDateTime(date)}>${text}</time>`;
  }

  #stop(): void {
    if (this.#timer !== undefined) this.#clock?.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

export const relativeTime = directive(RelativeTimeDirective);
