import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { isTelemetryCategory, type TelemetryAccount, type TelemetryCategory, type TelemetryEvent } from '../../protocol/protocol.js';
import { chevronIcon } from '../../internal/icons.js';
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

/** Registers <cs-telemetry-events> once: loaded only by a page whose host offers events. */
let eventsElement: Promise<unknown> | undefined;
const loadEventsElement = () =>
  (eventsElement ??= import('../telemetry-events/define.js').catch((error) => {
    eventsElement = undefined; // asked again by the next list that needs it
    console.warn('[cs-telemetry] Could not load the events list', error);
  }));

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

  /** Ids of the items the user has expanded. */
  private expanded = new Set<string>();

  /** Categories whose events the user has opened. */
  private eventsOpen = new Set<TelemetryCategory>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(): void {
    if (this.eventsOffered) void loadEventsElement();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Telemetry came back on while lists were open: they had said "off", now they can ask.
    if (changed.get('telemetryOff') === true && !this.telemetryOff) for (const category of this.eventsOpen) this.#request(category);
  }

  override render() {
    const items = this.items ?? defaultDataTypes();
    return html`
      <h3 id="heading" part="heading">${msg('What is collected when telemetry is on', { id: 'data.heading' })}</h3>
      <ul aria-labelledby="heading">
        ${items.map((item, index) => this.#renderItem(item, index))}
      </ul>
    `;
  }

  #renderItem(item: TelemetryDataType, index: number) {
    const expanded = this.expanded.has(item.id);
    const isAccount = item.id === 'account';
    const consent = isAccount && this.accountLinked !== undefined;
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
      ${isAccount ? this.#renderAccount() : nothing}
      ${consent ? this.#renderAccountSwitch() : nothing}
      <p class="dim" id="detail-${index}" ?hidden=${!expanded}>
        ${consent
          ? msg('They identify you, so this data is not anonymous while they are included. Turn off the switch above to stop sending them.', {
              id: 'data.account.detail-consent',
            })
          : item.detail}
      </p>
      ${this.eventsOffered && isTelemetryCategory(item.id) ? this.#renderEvents(item, item.id, index) : nothing}
    </li>`;
  }

  #renderAccount() {
    const account = this.account;
    if (!account) return html`<p class="dim">${msg('You are signed out: this applies only when you sign in.', { id: 'data.account.signed-out' })}</p>`;
    // Switched off, the account is named but not sent: saying "attached" would be untrue.
    if (this.accountLinked === false) {
      return html`<p class="dim" part="account">
        ${msg(html`Signed in as <b>${account.loginName}</b> (<b>${account.email}</b>). Not sent while the switch below is off.`, {
          id: 'data.account.not-attached',
        })}
      </p>`;
    }
    return html`<p class="account" part="account">
      ${msg(html`Attached now: <b>${account.loginName}</b> (<b>${account.email}</b>). These identify you.`, {
        id: 'data.account.attached',
      })}
    </p>`;
  }

  #renderAccountSwitch() {
    return html`<cs-switch
      part="account-switch"
      .checked=${this.accountLinked === true}
      ?disabled=${this.locked || this.accountLinked === null}
      @change=${this.#onAccountChange}
      >${msg('Include my account details (login name and email)', { id: 'data.account.switch' })}<span slot="help"
        >${this.accountSaving ? msg('Saving…', { id: 'data.account.saving' }) : ''}</span
      ></cs-switch
    >`;
  }

  #renderEvents(item: TelemetryDataType, category: TelemetryCategory, index: number) {
    const open = this.eventsOpen.has(category);
    const entry = this.events[category];
    return html`<button
        class="link"
        part="events-toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="events-${index}"
        @click=${() => this.#toggleEvents(category)}
      >
        ${chevronIcon}<span>${msg('Show what was sent', { id: 'data.events.toggle' })}</span>
      </button>
      <cs-telemetry-events
        id="events-${index}"
        part="events"
        ?hidden=${!open}
        status=${this.telemetryOff ? 'off' : (entry?.status ?? 'loading')}
        .events=${entry?.events ?? []}
        message=${entry?.message ?? ''}
        label=${msg(str`${item.title}: events sent`, { id: 'data.events.label' })}
        @cs-events-retry=${() => this.#request(category)}
      ></cs-telemetry-events>`;
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

  #onAccountChange(event: Event): void {
    event.stopPropagation();
    // The switch shows only `accountLinked`: its own flip is undone, and the owner decides by setting the property.
    event.preventDefault();
    if (typeof this.accountLinked !== 'boolean') return;
    this.dispatchEvent(
      new CustomEvent('cs-account-linked-change', { detail: { accountLinked: !this.accountLinked }, bubbles: true, composed: true }),
    );
  }
}
