import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { isTelemetryCategory, type SentCount, type TelemetryAccount, type TelemetryCategory, type TelemetryEvent } from '../../protocol/protocol.js';
import { chevronIcon, warningIcon } from '../../internal/icons.js';
import { holdFor, partFailedText } from '../../internal/lazy-part.js';
import { extensionsPart } from '../extensions-part.js';
import { defaultDataTypes, type TelemetryDataType } from './data-types.js';
import { dataTypesStyles } from './telemetry-data-types.styles.js';

/** What the list knows of one category's recent events. */
export interface TelemetryEventsEntry {
  status: 'loading' | 'ready' | 'error';
  events: readonly TelemetryEvent[];
  /** For `error`: the host's words. */
  message: string;
}

// Declared with every cs-* event; re-exported so the element's module still names the events it fires.
export type { CsAccountLinkedChangeEvent, CsEventsRequestEvent } from '../events.js';

/** The extensions' UI the list needs for what it shows: the account switch's, the events disclosure's. */
export const dataTypesParts = (accountLinked: boolean | null | undefined, eventsOffered: boolean) =>
  accountLinked !== undefined || eventsOffered ? [extensionsPart] : [];

/**
 * @tagname cs-telemetry-data-types
 * @summary The plain list of data collected while telemetry is on; each item expands for detail, and can show what
 * was sent.
 *
 * @fires cs-events-request - The user opened (or retried) "Show what was sent" for a category while telemetry is on;
 *   `detail.category`. Bubbles and is composed. Answer by setting `events`.
 * @fires cs-account-linked-change - The user flipped the account switch; `detail.accountLinked` is the value wanted.
 *   Bubbles and is composed. The switch keeps showing `accountLinked` until that property changes.
 *
 * @csspart heading - The list's heading.
 * @csspart item - Each item.
 * @csspart toggle - Each item's expander button.
 * @csspart account - The line naming the signed-in account.
 * @csspart account-switch - The "Include my account details" switch, when offered.
 * @csspart events-toggle - Each item's "Show what was sent" button, when offered.
 * @csspart events - Each item's list of events, while shown.
 * @csspart sent-count - Each item's count of events sent in the last 7 days and kept, when the host tells it.
 * @csspart part-failed - The note shown when the code of an extension it shows could not be loaded.
 *
 * @cssprop [--vscode-settings-rowHoverBackground=#80808033] - The line between items.
 * @cssprop [--vscode-descriptionForeground=#9d9d9d] - Descriptions and details.
 * @cssprop [--vscode-editorWarning-foreground=#cca700] - The bar beside the signed-in account line: the data is not anonymous then.
 * @cssprop [--vscode-textLink-foreground=#4daafc] - The "Show what was sent" buttons.
 */
export class CsTelemetryDataTypes extends LitElement {
  static override styles = dataTypesStyles;
  static override properties = {
    items: { attribute: false },
    account: { attribute: false },
    accountLinked: { attribute: false },
    accountSaving: { type: Boolean, attribute: 'account-saving' },
    locked: { type: Boolean },
    eventsOffered: { type: Boolean, attribute: 'events-offered' },
    telemetryOff: { type: Boolean, attribute: 'telemetry-off' },
    events: { attribute: false },
    counts: { attribute: false },
    expanded: { state: true },
    eventsOpen: { state: true },
  };

  /** The items to list; unset, the five kinds Code Studio collects, in the active locale. */
  items?: readonly TelemetryDataType[];

  /** The signed-in account, shown as text on the `account` item; null when signed out. */
  account: TelemetryAccount | null = null;

  /**
   * The account switch's value. Undefined: the host does not offer the switch, so none is shown. Null: not known
   * yet, so the switch is shown off and disabled.
   */
  accountLinked?: boolean | null;

  /** A change of the account switch is being saved. */
  accountSaving = false;

  /** A policy manages telemetry: the account switch is disabled. */
  locked = false;

  /** The host can tell what was sent: each telemetry category gets a "Show what was sent" button. */
  eventsOffered = false;

  /** Telemetry is off, so nothing is sent: an opened list says so without asking. */
  telemetryOff = false;

  /** The recent events of each category, as far as known. */
  events: Partial<Record<TelemetryCategory, TelemetryEventsEntry>> = {};

  /**
   * Per data type, how many events the editor's sent log holds (sent in the last 7 days, kept in all), shown under
   * each item while `eventsOffered`. Unset or missing for a type: no count line.
   */
  counts: Partial<Record<TelemetryCategory, SentCount>> = {};

  /** Ids of the items the user has expanded. */
  private expanded = new Set<string>();

  /** Categories whose events the user has opened. */
  private eventsOpen = new Set<TelemetryCategory>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  // Held until the parts of the extensions it shows are in, so that they never arrive after the rest and push it down.
  protected override scheduleUpdate(): void | Promise<unknown> {
    return holdFor(
      () => dataTypesParts(this.accountLinked, this.eventsOffered),
      () => super.scheduleUpdate(),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Telemetry came back on while lists were open: they had said "off", now they can ask.
    if (changed.get('telemetryOff') === true && !this.telemetryOff) for (const category of this.eventsOpen) this.#request(category);
  }

  override render() {
    const items = this.items ?? defaultDataTypes();
    const failed = dataTypesParts(this.accountLinked, this.eventsOffered).some((part) => part.failed);
    return html`
      <h3 id="heading" part="heading">${msg('What is collected when telemetry is on', { id: 'data.heading' })}</h3>
      ${failed ? html`<p class="dim" part="part-failed">${warningIcon}<span>${partFailedText()}</span></p>` : nothing}
      <ul aria-labelledby="heading">
        ${items.map((item, index) => this.#renderItem(item, index))}
      </ul>
    `;
  }

  #renderItem(item: TelemetryDataType, index: number) {
    const expanded = this.expanded.has(item.id);
    const isAccount = item.id === 'account';
    const account = isAccount && this.accountLinked !== undefined ? extensionsPart.module : undefined;
    const events = this.eventsOffered && isTelemetryCategory(item.id) ? extensionsPart.module : undefined;
    const category = item.id as TelemetryCategory;
    return html`<li part="item">
      <button
        part="toggle"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="detail-${index}"
        @click=${() => this.#toggle(item.id)}
      >
        ${chevronIcon}<span>${item.title}</span>
      </button>
      <p class="dim">${item.description}</p>
      ${isAccount ? this.#renderAccount(account) : nothing}
      ${account ? account.renderAccountSwitch(this.accountLinked ?? null, this.locked, this.accountSaving, this.#onAccountChange) : nothing}
      <div id="detail-${index}" ?hidden=${!expanded}>
        <p class="dim">${account ? account.consentDetail() : item.detail}</p>
        ${item.howSent ? html`<p class="dim">${item.howSent}</p>` : nothing}
      </div>
      ${events && this.counts[category] ? events.renderSentCount(this.counts[category]) : nothing}
      ${events
        ? events.renderEventsDisclosure(
            item.title,
            index,
            this.eventsOpen.has(category),
            this.telemetryOff ? 'off' : (this.events[category]?.status ?? 'loading'),
            this.events[category],
            () => this.#toggleEvents(category),
            () => this.#request(category),
          )
        : nothing}
    </li>`;
  }

  #renderAccount(accountSwitch: typeof extensionsPart.module) {
    const account = this.account;
    if (!account) return html`<p class="dim">${msg('You are signed out: this applies only when you sign in.', { id: 'data.account.signed-out' })}</p>`;
    // Switched off, the account is named but not sent: saying "attached" would be untrue.
    if (this.accountLinked === false && accountSwitch) return accountSwitch.renderNotAttached(account);
    return html`<p class="account" part="account">
      ${msg(html`Attached now: <b>${account.loginName}</b> (<b>${account.email}</b>). These identify you.`, {
        id: 'data.account.attached',
      })}
    </p>`;
  }

  #toggle(id: string): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(id)) expanded.add(id);
    this.expanded = expanded;
  }

  #toggleEvents(category: TelemetryCategory): void {
    const open = new Set(this.eventsOpen);
    if (!open.delete(category)) {
      open.add(category);
      this.#request(category);
    }
    this.eventsOpen = open;
  }

  #request(category: TelemetryCategory): void {
    // Nothing is sent while telemetry is off, so there is nothing to ask the host for.
    if (this.telemetryOff) return;
    this.dispatchEvent(new CustomEvent('cs-events-request', { detail: { category }, bubbles: true, composed: true }));
  }

  #onAccountChange = (event: Event): void => {
    event.stopPropagation();
    // The switch shows only `accountLinked`: its own flip is undone, and the owner decides by setting the property.
    event.preventDefault();
    if (typeof this.accountLinked !== 'boolean') return;
    this.dispatchEvent(
      new CustomEvent('cs-account-linked-change', { detail: { accountLinked: !this.accountLinked }, bubbles: true, composed: true }),
    );
  };
}
