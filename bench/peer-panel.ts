// The same telemetry section built from @vscode-elements/elements, the library VS Code webview authors reach for:
// vscode-badge for the status, vscode-checkbox in toggle mode for the switch, vscode-collapsible for each data type,
// with the same texts and states as <cs-telemetry-settings> and the same bridge (TelemetryController, so the same
// client, protocol guards and context), so that the two bundles differ only in their elements.
// Built only for `npm run bench`, never shipped.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import { LitElement, css, html, nothing } from 'lit';
import type { TelemetryView } from '../src/webview/telemetry-client.js';
import type { VsCodeApi } from '../src/webview/vscode-api.js';
import { TelemetryController } from '../src/components/telemetry-settings/telemetry-controller.js';
import { defaultDataTypes } from '../src/components/telemetry-data-types/data-types.js';

// The panel's words for its badge (badgeStatus in telemetry-settings.ts, not imported: its module brings the panel).
function badgeText(view: TelemetryView): string {
  if (view.saving) return 'Saving…';
  if (view.phase === 'loading') return view.problem ? 'Unknown' : 'Checking…';
  if (view.phase !== 'ready' || view.enabled === null) return 'Unknown';
  return view.enabled && view.host?.editorTelemetryEnabled !== false ? 'On' : 'Off';
}

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

  override render() {
    const view = this.view;
    const host = view.host;
    const locked = host?.managedBy === 'policy';
    const account = host?.account ?? null;
    const problem = this.#problemText(view);
    return html`
      <section>
        <header>
          <h2>Telemetry</h2>
          <vscode-badge>${badgeText(view)}${locked ? ', managed by your organization' : ''}</vscode-badge>
        </header>
        <p>
          Code Studio collects ${account ? '' : 'anonymous '}usage data to improve product quality and user experience.
          It helps the team understand feature usage, find performance issues and prioritise enhancements.
        </p>
        <vscode-checkbox
          toggle
          label="Allow Anonymous Telemetry"
          .checked=${view.enabled === true}
          ?disabled=${view.phase !== 'ready' || view.enabled === null || locked}
          @change=${this.#onChange}
        ></vscode-checkbox>
        <p>
          Takes effect at once; change it at any time.${account
            ? ' While you are signed in, your login name and email are sent with this data, so it is not anonymous.'
            : ''}
        </p>
        ${view.phase === 'loading' && !view.problem ? html`<p class="note">Reading your setting from Code Studio…</p>` : nothing}
        ${locked ? html`<p class="note">Managed by your organization: a policy sets this setting.</p>` : nothing}
        ${view.phase === 'ready' && host?.editorTelemetryEnabled === false
          ? html`<p class="note">The editor's telemetry is off, so Code Studio sends nothing, whatever this switch says.</p>`
          : nothing}
        <div role="alert">
          ${problem ? html`<span>${problem}</span><button @click=${() => this.#controller.client?.retry()}>Retry</button>` : nothing}
        </div>
        <h3>What is collected when telemetry is on</h3>
        ${defaultDataTypes().map(
          (item) => html`<vscode-collapsible heading=${item.title}>
            <p>${item.description}</p>
            ${item.id !== 'account'
              ? nothing
              : account
                ? html`<p>Attached now: <b>${account.loginName}</b> (<b>${account.email}</b>). These identify you.</p>`
                : html`<p>You are signed out: this applies only when you sign in.</p>`}
            <p>${item.detail}</p>
          </vscode-collapsible>`,
        )}
        <h3>Never collected</h3>
        <p>Your code, your prompts, your files.</p>
      </section>
    `;
  }

  #problemText({ problem, host }: TelemetryView): string {
    const onOff = host ? (host.enabled ? 'on.' : 'off.') : '';
    switch (problem?.kind) {
      case 'save-failed':
        return `Could not save.${onOff && ` It is still ${onOff}`} ${problem.code === 'timeout' ? 'Code Studio did not answer in time.' : problem.message || problem.code}`;
      case 'unreachable':
        return problem.code === 'timeout'
          ? `Can't reach Code Studio to read or change this setting.${onOff && ` It was last ${onOff}`}`
          : `Could not read your setting. ${problem.message || problem.code}`;
      case 'incompatible':
        return `Code Studio needs an update: the editor speaks settings protocol ${problem.hostProtocol}, this page 1.`;
    }
    return '';
  }

  #onChange(): void {
    this.#controller.client?.setEnabled(!this.view.enabled);
  }
}

customElements.define('peer-telemetry-settings', PeerTelemetrySettings);
