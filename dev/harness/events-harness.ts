/**
 * Reads a `<cs-telemetry-events>` list ("Show what was sent") and presses its Retry, as a user does:
 *
 *   const list = new EventsHarness(element);
 *   list.statusText; list.rows; list.names; list.retry(); list.showOlder();
 */
import type { CsTelemetryEvents } from '../../src/components/telemetry-events/telemetry-events.js';
import { PART } from './selectors.js';
import { shadowRootOf } from './shadow-root.js';
import { words } from './words.js';

export class EventsHarness {
  constructor(readonly element: CsTelemetryEvents) {}

  get root(): ShadowRoot {
    return shadowRootOf(this.element, 'events list');
  }

  /** The region the list is in, named by its label. */
  get section(): HTMLElement | null {
    return this.root.querySelector('section');
  }

  /** The line saying what state the list is in, a polite live region; null before the list's element is loaded. */
  get statusLine(): HTMLElement | null {
    return this.element.shadowRoot?.querySelector<HTMLElement>(PART.eventsStatus) ?? null;
  }

  get statusText(): string {
    return words(this.statusLine);
  }

  /** The scrolling list of events, or null while there is none. */
  get list(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(PART.eventsList);
  }

  /** The events shown, newest first (none before the list's element is loaded). */
  get rows(): HTMLElement[] {
    return [...(this.element.shadowRoot?.querySelectorAll<HTMLElement>(PART.event) ?? [])];
  }

  /** Each shown event's name, newest first. */
  get names(): (string | null)[] {
    return this.rows.map((row) => row.querySelector(PART.eventName)?.textContent ?? null);
  }

  get retryButton(): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>(PART.retry);
  }

  retry(): void {
    const button = this.retryButton;
    if (!button) throw new Error('The events list offers no Retry');
    button.click();
  }

  /** "Show older", while older events are kept than those shown. */
  get showOlderButton(): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>(PART.showOlder);
  }

  /** The line saying older events are loading or could not be loaded; empty otherwise. */
  get olderStatusText(): string {
    return words(this.root.querySelector(PART.olderStatus));
  }

  showOlder(): void {
    const button = this.showOlderButton;
    if (!button) throw new Error('The events list offers no Show older');
    button.click();
  }

  get updateComplete(): Promise<boolean> {
    return this.element.updateComplete;
  }
}
