import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import {
  isTelemetryCategory,
  type SentCount,
  type TelemetryAccount,
  type TelemetryCategory,
  type TelemetryEventsEntry,
} from '../../protocol/protocol.js';
import { chevronIcon, warningIcon } from '../../internal/icons.js';
import { holdFor, partFailedText } from '../../internal/lazy-part.js';
import { dataTypesParts, optionalPart } from '../optional-part.js';
import { dataTypeSummaries } from './data-type-summaries.js';
import type { TelemetryDataType } from './data-types.js';
import { detailsPart } from './details-part.js';
import { dataTypesStyles } from './telemetry-data-types.styles.js';
import { CsElement } from '../../internal/cs-element.js';

// Declared with the protocol, where the controller and the disclosure find it too; re-exported for the element's users.
export type { TelemetryEventsEntry };

// Declared with every cs-* event; re-exported so the element's module still names the events it fires.
export type { CsAccountLinkedChangeEvent, CsEventsRequestEvent } from '../events.js';


/**
 * @tagname cs-telemetry-data-types
 * @summary The plain list of data collected while telemetry is on; each item expands for detail, and can show what
 * was sent.
 *
 * @fires cs-events-request - The user opened (or retried) "Show what was sent" for a category while telemetry is on,
 *   or its open list heard from `eventsChanged` that the log changed (`detail.refresh`), or the user asked for older
 *   events (`detail.older`: "Show older", while the category's entry has `more`); `detail.category`. Bubbles and is
 *   composed. Answer by setting `events`.
 * @fires cs-account-linked-change - The user flipped the account switch; `detail.accountLinked` is the value wanted.
 *   Bubbles, is composed and cancelable: `preventDefault()` flips the switch back. Every render shows `accountLinked`.
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
export class CsTelemetryDataTypes extends CsElement {
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
    eventsChanged: { attribute: false },
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

  /** A count per category that moves when its log changed: an open list asks again (`refresh`). */
  eventsChanged: Partial<Record<TelemetryCategory, number>> = {};

  /**
   * Per data type, how many events the editor's sent log holds (sent in the last 7 days, kept in all), shown under
   * each item while `eventsOffered`. Unset or missing for a type: no count line.
   */
  counts: Partial<Record<TelemetryCategory, SentCount>> = {};

  /** Ids of the items the user has expanded. */
  private expanded = new Set<string>();

  /** Categories whose events the user has opened. */
  private eventsOpen = new Set<TelemetryCategory>();


  // Held until the parts of the extensions it shows are in, so that they never arrive after the rest and push it down;
  // an item of the default list expanded before its words are in opens with them.
  protected override scheduleUpdate(): void | Promise<unknown> {
    return holdFor(
      () => [...dataTypesParts(this.accountLinked, this.eventsOffered), ...(!this.items && this.expanded.size ? [detailsPart] : [])],
      () => super.scheduleUpdate(),
    );
  }

  protected override firstUpdated(): void {
    // The expanded items' words are in no first frame: fetched once it is painted.
    requestAnimationFrame(() => setTimeout(() => void detailsPart.ready().then(() => this.requestUpdate())));
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Telemetry came back on while lists were open: they had said "off", now they can ask.
    if (changed.get('telemetryOff') === true && !this.telemetryOff) for (const category of this.eventsOpen) this.#request(category);
    // The log of an open list changed: the list is live while open.
    else if (changed.has('eventsChanged')) {
      const before = changed.get('eventsChanged') ?? {};
      for (const category of this.eventsOpen) if (this.eventsChanged[category] !== before[category]) this.#request(category, true);
    }
  }

  override render() {
    const items = this.items ?? this.#defaultItems();
    const failed = [...dataTypesParts(this.accountLinked, this.eventsOffered), detailsPart].some((part) => part.failed);
    return html`
      <h3 id="heading" part="heading">${msg('What is collected when telemetry is on', { id: 'data.heading' })}</h3>
      ${failed ? html`<p class="dim" part="part-failed">${warningIcon}<span>${partFailedText()}</span></p>` : nothing}
      <ul aria-labelledby="heading">
        ${items.map((item, index) => this.#renderItem(item, index))}
      </ul>
    `;
  }

  /** The five kinds, with their expanded words once those are in. */
  #defaultItems(): TelemetryDataType[] {
    const details = detailsPart.module?.dataTypeDetails();
    return dataTypeSummaries().map((summary) => ({ ...summary, detail: '', ...details?.[summary.id] }));
  }

  #renderItem(item: TelemetryDataType, index: number) {
    const expanded = this.expanded.has(item.id);
    const isAccount = item.id === 'account';
    const account = isAccount && this.accountLinked !== undefined ? optionalPart.module : undefined;
    const events = this.eventsOffered && isTelemetryCategory(item.id) ? optionalPart.module : undefined;
    const category = item.id as TelemetryCategory;
    return html`<li part="item">
      <button
        part="toggle"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="detail-${index}"
        @click=${() => this.#toggle(item.id)}
      >
        ${chevronIcon}<span id="title-${index}">${item.title}</span>
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
            () => this.#request(category, false, true),
          )
        : nothing}
    </li>`;
  }

  #renderAccount(accountSwitch: typeof optionalPart.module) {
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

  #request(category: TelemetryCategory, refresh = false, older = false): void {
    // Nothing is sent while telemetry is off, so there is nothing to ask the host for.
    if (this.telemetryOff) return;
    const detail = { category, refresh, ...(older && { older }) };
    this.dispatchEvent(new CustomEvent('cs-events-request', { detail, bubbles: true, composed: true }));
  }

  // The owner decides, as for the panel's own switch: the flip stands unless the owner cancels the event, and the
  // next render shows `accountLinked` whatever the switch showed.
  #onAccountChange = (event: Event): void => {
    event.stopPropagation();
    if (typeof this.accountLinked !== 'boolean') return event.preventDefault();
    const change = new CustomEvent('cs-account-linked-change', {
      detail: { accountLinked: !this.accountLinked },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(change)) event.preventDefault();
  };
}
