/**
 * Reads a `<cs-telemetry-settings>` panel and acts on it as a user does, so that browser tests, play functions and
 * the webview page's helper never reach through its shadow roots themselves:
 *
 *   const panel = new PanelHarness(element);
 *   panel.badgeStatus; panel.badgeText; panel.switch.checked; panel.alertText; panel.historyText;
 *   panel.switch.click(); panel.retry(); panel.link('Privacy statement').click();
 *   panel.dataTypes.showWhatWasSent('Token usage'); panel.dataTypes.eventsList('Token usage').statusText;
 *   await panel.updated();
 *
 * Reads a panel in another frame too (the webview page's iframe): nothing here compares classes across windows.
 */
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import type { CsTelemetryStatusBadge } from '../../src/components/telemetry-status-badge/telemetry-status-badge.js';
import { BadgeHarness } from './badge-harness.js';
import { DataTypesHarness } from './data-types-harness.js';
import { PART, TAG } from './selectors.js';
import { SwitchHarness } from './switch-harness.js';
import { shadowRootOf } from './shadow-root.js';
import { words } from './words.js';

export class PanelHarness {
  constructor(readonly element: CsTelemetrySettings) {}

  /** The panel in `container` (a story's canvas, a page's document). */
  static in(container: ParentNode): PanelHarness {
    const element = container.querySelector(TAG.panel);
    if (!element) throw new Error(`No <${TAG.panel}> here`);
    return new PanelHarness(element);
  }

  get root(): ShadowRoot {
    return shadowRootOf(this.element, 'panel');
  }

  /** Whether the panel has rendered its parts yet. */
  get rendered(): boolean {
    return !!this.element.shadowRoot?.querySelector(TAG.badge);
  }

  /** Every word the panel shows itself (its data types list and switch controls have words of their own). */
  get text(): string {
    return words(this.root);
  }

  /** The section, which carries the language shown as its `lang`. */
  get section(): HTMLElement | null {
    return this.root.querySelector('section');
  }

  get headingText(): string {
    return words(this.root.querySelector(PART.heading));
  }

  /** The purpose statement under the heading. */
  get purposeText(): string {
    return words(this.root.querySelector(PART.purpose));
  }

  /** The notes shown under the switch (loading, locked, editor-wide off), in order. */
  get notes(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.note')];
  }

  get badge(): CsTelemetryStatusBadge {
    const badge = this.root.querySelector(TAG.badge);
    if (!badge) throw new Error('The panel has not rendered its badge yet');
    return badge;
  }

  get badgeRoot(): ShadowRoot {
    return new BadgeHarness(this.badge).root;
  }

  /** The badge's `status` (`loading`, `on`, `off`, `saving`, `error`); undefined before the panel rendered. */
  get badgeStatus(): string | null | undefined {
    return this.element.shadowRoot?.querySelector(TAG.badge)?.getAttribute('status');
  }

  /** The badge's words, e.g. "On, with your account". */
  get badgeText(): string {
    return new BadgeHarness(this.badge).text;
  }

  /** The badge's drawn box (role="img"), which carries its accessible name. */
  get badgeBase(): HTMLElement {
    return new BadgeHarness(this.badge).base;
  }

  get badgeLocked(): boolean {
    return this.badge.hasAttribute('locked');
  }

  /** The main switch, "Allow Anonymous Telemetry". */
  get switch(): SwitchHarness {
    const element = this.root.querySelector(TAG.switch);
    if (!element) throw new Error('The panel has not rendered its switch yet');
    return new SwitchHarness(element);
  }

  /** The live region that reports failures: always there, empty when all is well. */
  get alert(): HTMLElement {
    const alert = this.root.querySelector<HTMLElement>(PART.alert);
    if (!alert) throw new Error('The panel has not rendered its alert region yet');
    return alert;
  }

  get alertText(): string {
    return words(this.element.shadowRoot?.querySelector(PART.alert));
  }

  /** The Retry button beside the alert's words, or null when Retry cannot help. */
  get retryButton(): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>('[part=retry]');
  }

  retry(): void {
    const button = this.retryButton;
    if (!button) throw new Error('The panel offers no Retry');
    button.click();
  }

  /** The line saying when and by what the setting last changed, or null when the host does not tell. */
  get history(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(PART.history);
  }

  get historyText(): string {
    return words(this.history);
  }

  /** The links the host offers to open (Privacy statement, How telemetry works), as buttons. */
  get links(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>(PART.linkButton)];
  }

  /** The link button whose words are `name`. */
  link(name: string): HTMLButtonElement {
    const link = this.links.find((button) => words(button) === name);
    if (!link) throw new Error(`No link "${name}"`);
    return link;
  }

  /** "Export what was sent…", shown when the host offers `export`. */
  get exportButton(): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>(PART.exportButton);
  }

  /** How the last export ended, in the panel's words (a polite live region). */
  get exportStatusText(): string {
    return words(this.root.querySelector(PART.exportStatus));
  }

  /** The list of what is collected, with the account item and "Show what was sent". */
  get dataTypes(): DataTypesHarness {
    const element = this.root.querySelector(TAG.dataTypes);
    if (!element) throw new Error('The panel has not rendered its data types yet');
    return new DataTypesHarness(element);
  }

  /** Resolves once the panel and the elements it renders have finished updating. */
  async updated(): Promise<void> {
    await this.element.updateComplete;
    await Promise.all([this.switch.updateComplete, this.badge.updateComplete, this.dataTypes.updated()]);
  }
}
