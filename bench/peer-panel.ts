// The same telemetry section built from @vscode-elements/elements, the library VS Code webview authors reach for:
// vscode-badge for the status, vscode-checkbox in toggle mode for the switch, vscode-collapsible for each data type,
// with the same texts and states as <cs-telemetry-settings> and the same bridge (TelemetryController, so the same
// client, protocol guards and context), derivations (view.ts) and chunks (the alert's words on the first problem, the
// expanded items' words after first paint), so that the two bundles differ only in their elements.
// Built only for `npm run bench`, never shipped.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import { LitElement, css, html, nothing } from 'lit';
import type { TelemetryView } from '../src/webview/telemetry-client.js';
import type { VsCodeApi } from '../src/webview/vscode-api.js';
import { TelemetryController } from '../src/components/telemetry-settings/telemetry-controller.js';
import {
  badgeStatus,
  coreAlertOf,
  editorLevelText,
  isIdentified,
  isLocked,
  isReading,
  isSwitchUsable,
} from '../src/components/telemetry-settings/view.js';
import type { TelemetryBadgeStatus } from '../src/components/telemetry-status-badge/telemetry-status-badge.js';
import { dataTypeSummaries } from '../src/components/telemetry-data-types/data-type-summaries.js';
import { detailsPart } from '../src/components/telemetry-data-types/details-part.js';
import { alertPart } from '../src/components/telemetry-settings/alert-part.js';
import { holdFor } from '../src/internal/lazy-part.js';

/** The badge's words for each status, as <cs-telemetry-status-badge> says them in English. */
const BADGE_TEXT: Record<TelemetryBadgeStatus, string> = {
  loading: 'Checking…',
  on: 'On',
  'errors-only': 'Errors only',
  off: 'Off',
  saving: 'Saving…',
  error: 'Unknown',
};

export class PeerTelemetrySettings extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 720px;
      padding: 12px 16px;
      color: var(--vscode-foreground, #ccc);
      font-family: var(--vscode-font-family, system-ui, sans-serif);
      font-size: var(--vscode-font-size, 13px);
    }
    header {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .note {
      padding: 4px 8px;
      border-inline-start: 2px solid var(--vscode-descriptionForeground, #9d9d9d);
    }
  `;
  static override properties = { vscodeApi: { attribute: false }, timeout: { type: Number } };

  vscodeApi?: VsCodeApi;
  timeout = 5000;
  #controller = new TelemetryController(this);

  get view(): TelemetryView {
    return this.#controller.view;
  }

  // As ours: the alert's words are a chunk fetched on the first problem, and the update waits for them.
  protected override scheduleUpdate(): void | Promise<unknown> {
    return holdFor(
      () => (this.view.problem ? [alertPart] : []),
      () => super.scheduleUpdate(),
    );
  }

  // As ours: the expanded items' words are fetched after the first paint.
  protected override firstUpdated(): void {
    requestAnimationFrame(() => setTimeout(() => void detailsPart.ready().then(() => this.requestUpdate())));
  }

  override render() {
    const view = this.view;
    const locked = isLocked(view);
    const identified = isIdentified(view);
    const account = view.host?.account ?? null;
    const [problem, retry] = (alertPart.module?.alertOf ?? coreAlertOf)(view) ?? [];
    return html`
      <section>
        <header>
          <h2>Telemetry</h2>
          <vscode-badge>${BADGE_TEXT[badgeStatus(view)]}${locked ? ', managed by your organization' : ''}</vscode-badge>
        </header>
        <p>
          Code Studio collects ${identified ? '' : 'anonymous '}usage data to improve product quality and user experience.
          It helps the team understand feature usage, find performance issues and prioritise enhancements.
        </p>
        <vscode-checkbox
          toggle
          label="Allow Anonymous Telemetry"
          .checked=${view.enabled === true}
          ?disabled=${!isSwitchUsable(view)}
          @change=${this.#onChange}
        ></vscode-checkbox>
        <p>
          Takes effect at once; change it at any time.${identified
            ? ' While you are signed in, your login name and email are sent with this data, so it is not anonymous.'
            : ''}
        </p>
        ${isReading(view) ? html`<p class="note">Reading your setting from Code Studio…</p>` : nothing}
        ${locked ? html`<p class="note">Managed by your organization: a policy sets this setting.</p>` : nothing}
        ${editorLevelText(view) ? html`<p class="note">${editorLevelText(view)}</p>` : nothing}
        <div role="alert">
          ${problem ? html`<span>${problem}</span>` : nothing}
          ${retry ? html`<button @click=${() => this.#controller.retry()}>Retry</button>` : nothing}
        </div>
        <h3>What is collected when telemetry is on</h3>
        ${dataTypeSummaries().map(
          (item) => html`<vscode-collapsible heading=${item.title}>
            <p>${item.description}</p>
            ${item.id !== 'account'
              ? nothing
              : account
                ? html`<p>Attached now: <b>${account.loginName}</b> (<b>${account.email}</b>). These identify you.</p>`
                : html`<p>You are signed out: this applies only when you sign in.</p>`}
            <p>${detailsPart.module?.dataTypeDetails()[item.id]?.detail}</p>
          </vscode-collapsible>`,
        )}
        <h3>Never collected</h3>
        <p>Your code, your prompts, your files.</p>
      </section>
    `;
  }

  #onChange(): void {
    this.#controller.setEnabled(!this.view.enabled);
  }
}

customElements.define('peer-telemetry-settings', PeerTelemetrySettings);
