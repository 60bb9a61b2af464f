/**
 * Reads a `<cs-telemetry-data-types>` list and acts on it as a user does: its items, the account item and its
 * switch, and each item's "Show what was sent" with the events list it opens.
 *
 *   const list = new DataTypesHarness(element);
 *   list.item('Token usage'); list.accountText; list.accountSwitch?.click();
 *   list.showWhatWasSent('Token usage'); list.eventsList('Token usage').statusText;
 */
import type { CsTelemetryDataTypes } from '../../src/components/telemetry-data-types/telemetry-data-types.js';
import { EventsHarness } from './events-harness.js';
import { PART, TAG } from './selectors.js';
import { SwitchHarness } from './switch-harness.js';
import { shadowRootOf } from './shadow-root.js';
import { words } from './words.js';

export class DataTypesHarness {
  constructor(readonly element: CsTelemetryDataTypes) {}

  get root(): ShadowRoot {
    return shadowRootOf(this.element, 'data types list');
  }

  /** Every word the list shows. */
  get text(): string {
    return words(this.root);
  }

  get items(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(PART.item)];
  }

  /** The item whose title is `title`, e.g. "Token usage". */
  item(title: string): HTMLElement {
    const item = this.items.find((li) => li.querySelector(PART.itemToggle)?.textContent?.trim() === title);
    if (!item) throw new Error(`No data type titled "${title}"`);
    return item;
  }

  /** Each item's title button, which shows its detail. */
  get toggles(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>(PART.itemToggle)];
  }

  /** The account item: the last of the five kinds Code Studio collects. */
  get accountItem(): HTMLElement | undefined {
    return this.items.at(-1);
  }

  /** The line naming the signed-in account, or null when signed out. */
  get account(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(PART.account);
  }

  get accountText(): string {
    return words(this.account);
  }

  /** The account item's own switch ("Include my account details"), or null when the host offers none. */
  get accountSwitch(): SwitchHarness | null {
    const element = this.root.querySelector(TAG.switch);
    return element && new SwitchHarness(element);
  }

  /** Every "Show what was sent" button, in item order (none unless the host offers events). */
  get eventsToggles(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>(PART.eventsToggle)];
  }

  /** The "Show what was sent" button of the item titled `title`. */
  eventsToggle(title: string): HTMLButtonElement {
    const toggle = this.item(title).querySelector<HTMLButtonElement>(PART.eventsToggle);
    if (!toggle) throw new Error(`"${title}" offers no "Show what was sent"`);
    return toggle;
  }

  /** Clicks "Show what was sent" on the item titled `title` (again: hides it). */
  showWhatWasSent(title: string): void {
    this.eventsToggle(title).click();
  }

  /** Every events list, in item order, shown or hidden. */
  get eventsLists(): EventsHarness[] {
    return [...this.root.querySelectorAll(TAG.events)].map((element) => new EventsHarness(element));
  }

  /** The events list of the item titled `title`. */
  eventsList(title: string): EventsHarness {
    const element = this.item(title).querySelector(TAG.events);
    if (!element) throw new Error(`"${title}" has no events list`);
    return new EventsHarness(element);
  }

  /** Resolves once the list and the elements it renders have finished updating. */
  async updated(): Promise<void> {
    await this.element.updateComplete;
    await Promise.all([...this.eventsLists.map((list) => list.updateComplete), this.accountSwitch?.updateComplete]);
  }
}
