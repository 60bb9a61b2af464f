import { LitElement, html, nothing } from 'lit';
import type { TelemetryAccount } from '../../bridge/protocol.js';
import { chevronIcon } from '../icons.js';
import { DEFAULT_DATA_TYPES, type TelemetryDataType } from './data-types.js';
import { dataTypesStyles } from './telemetry-data-types.styles.js';

/**
 * @tagname cs-telemetry-data-types
 * @summary The plain list of data collected while telemetry is on; each item expands for detail.
 *
 * @csspart heading - The list's heading.
 * @csspart item - Each item.
 * @csspart toggle - Each item's expander button.
 * @csspart account - The line naming the signed-in account.
 *
 * @cssprop [--vscode-settings-rowHoverBackground=#80808033] - The line between items.
 * @cssprop [--vscode-descriptionForeground=#9d9d9d] - Descriptions and details.
 * @cssprop [--vscode-editorWarning-foreground=#cca700] - The bar beside the signed-in account line: the data is not anonymous then.
 */
export class CsTelemetryDataTypes extends LitElement {
  static override styles = dataTypesStyles;
  static override properties = {
    items: { attribute: false },
    account: { attribute: false },
    expanded: { state: true },
  };

  /** The items to list; defaults to the five kinds Code Studio collects. */
  items: readonly TelemetryDataType[] = DEFAULT_DATA_TYPES;

  /** The signed-in account, shown as text on the `account` item; null when signed out. */
  account: TelemetryAccount | null = null;

  /** Ids of the items the user has expanded. */
  private expanded = new Set<string>();

  override render() {
    return html`
      <h3 id="heading" part="heading">What is collected when telemetry is on</h3>
      <ul aria-labelledby="heading">
        ${this.items.map((item, index) => this.#renderItem(item, index))}
      </ul>
    `;
  }

  #renderItem(item: TelemetryDataType, index: number) {
    const expanded = this.expanded.has(item.id);
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
      ${item.id === 'account' ? this.#renderAccount() : nothing}
      <p class="dim" id="detail-${index}" ?hidden=${!expanded}>${item.detail}</p>
    </li>`;
  }

  #renderAccount() {
    const account = this.account;
    if (!account) return html`<p class="dim">You are signed out: this applies only when you sign in.</p>`;
    return html`<p class="account" part="account">
      Attached now: <b>${account.loginName}</b> (<b>${account.email}</b>). These identify you.
    </p>`;
  }

  #toggle(id: string): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(id)) expanded.add(id);
    this.expanded = expanded;
  }
}
