import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { DEFAULT_TIMEOUT, type TelemetryView } from '../../bridge/telemetry-client.js';
import { PROTOCOL_VERSION } from '../../bridge/protocol.js';
import type { VsCodeApi } from '../../bridge/vscode-api.js';
import { lockIcon, shieldIcon, warningIcon } from '../icons.js';
import type { TelemetryBadgeStatus } from '../telemetry-status-badge/telemetry-status-badge.js';
import { TelemetryController } from './telemetry-controller.js';
import { telemetrySettingsStyles } from './telemetry-settings.styles.js';

/** The badge's answer to "is telemetry on?": nothing is sent while the editor-wide telemetry is off. */
export function badgeStatus(view: TelemetryView): TelemetryBadgeStatus {
  if (view.saving) return 'saving';
  if (view.phase === 'loading') return view.problem ? 'error' : 'loading';
  if (view.phase !== 'ready' || view.enabled === null) return 'error';
  return view.enabled && view.host?.editorTelemetryEnabled !== false ? 'on' : 'off';
}

/**
 * @summary Code Studio's telemetry settings section: the switch, its state in words, what is collected and what never is.
 * Inside a VS Code webview it connects to the editor by itself; elsewhere give it a `vscodeApi`.
 *
 * @slot - Extra content under the section; it can read the panel's state through `telemetryContext`.
 *
 * @csspart heading - The "Telemetry" heading.
 * @csspart badge - The status badge.
 * @csspart switch - The Allow Anonymous Telemetry switch.
 * @csspart alert - The live region that reports failures.
 * @csspart retry - The Retry button.
 * @csspart data-types - The list of collected data.
 * @csspart never-collected - The statement of what is never collected.
 *
 * @cssprop [--cs-telemetry-background=var(--vscode-editor-background, #1f1f1f)] - The section's background.
 * @cssprop [--cs-telemetry-max-width=720px] - The widest the section grows.
 */
export class CsTelemetrySettings extends LitElement {
  static override styles = telemetrySettingsStyles;
  static override properties = {
    vscodeApi: { attribute: false },
    timeout: { type: Number },
  };

  /** The webview API to talk through; defaults to the one the page acquired with `acquireVsCodeApi()`. */
  vscodeApi?: VsCodeApi;

  /** How long a request may go unanswered before the panel shows the host's last known state and an alert, in ms. */
  timeout = DEFAULT_TIMEOUT;

  #controller = new TelemetryController(this);

  /** What the panel shows now. */
  get view(): TelemetryView {
    return this.#controller.view;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('vscodeApi') && changed.get('vscodeApi') !== undefined) || (changed.has('timeout') && this.hasUpdated)) {
      this.#controller.reconnect();
    }
  }

  override render() {
    const view = this.view;
    const host = view.host;
    const locked = host?.managedBy === 'policy';
    const usable = view.phase === 'ready' && view.enabled !== null && !locked;
    const account = host?.account ?? null;
    return html`
      <section aria-labelledby="heading">
        <header>
          <h2 id="heading" part="heading">Telemetry</h2>
          <cs-telemetry-status-badge part="badge" status=${badgeStatus(view)} ?locked=${locked}></cs-telemetry-status-badge>
        </header>
        <p class="purpose">
          Code Studio collects ${account ? 'usage' : 'anonymous usage'} data to improve product quality and user experience.
          It helps the team understand how features are used, find performance issues and decide what to improve next.
        </p>
        <cs-switch part="switch" .checked=${view.enabled === true} ?disabled=${!usable} @change=${this.#onChange}>
          Allow Anonymous Telemetry
          <span slot="help">Takes effect at once. You can change it at any time.</span>
          ${account
            ? html`<span slot="help">While you are signed in, your login name and email are sent with this data, so it is not anonymous.</span>`
            : nothing}
        </cs-switch>
        ${this.#renderNotes(view, locked)}
        <div role="alert" part="alert" class="alert">${this.#renderProblem(view)}</div>
        <cs-telemetry-data-types part="data-types" .account=${account}></cs-telemetry-data-types>
        <div class="never" part="never-collected">
          <h3><span class="icon">${shieldIcon}</span>Never collected</h3>
          <p>Your code, your prompts, your files.</p>
        </div>
        <slot></slot>
      </section>
    `;
  }

  #renderNotes(view: TelemetryView, locked: boolean) {
    const notes = [];
    if (view.phase === 'loading' && !view.problem) notes.push(html`<p class="note">Reading your setting from Code Studio…</p>`);
    if (locked) {
      notes.push(html`<p class="note"><span class="icon">${lockIcon}</span>
        <span><strong>Managed by your organization.</strong> A policy sets this, so it can't be changed here.</span></p>`);
    }
    if (view.phase === 'ready' && view.host?.editorTelemetryEnabled === false) {
      notes.push(html`<p class="note warning"><span class="icon">${warningIcon}</span>
        <span>Telemetry is off for the whole editor, so Code Studio sends nothing, whatever this switch says.
        Your choice here is kept and applies if the editor's telemetry is turned on.</span></p>`);
    }
    return notes;
  }

  #renderProblem(view: TelemetryView) {
    const problem = view.problem;
    if (!problem) return nothing;
    const retry = html`<button part="retry" class="retry" @click=${() => this.#controller.retry()}>Retry</button>`;
    const shown = view.host ? `Your setting is still ${view.host.enabled ? 'on' : 'off'}.` : '';
    switch (problem.kind) {
      case 'save-failed': {
        const reason =
          problem.code === 'timeout'
            ? 'Code Studio did not answer in time.'
            : problem.code === 'locked'
              ? 'Your organization manages this setting.'
              : problem.message || `The editor reported "${problem.code}".`;
        return html`<span class="icon">${warningIcon}</span><span>Could not save. ${reason} ${shown}</span>
          ${problem.code === 'locked' ? nothing : retry}`;
      }
      case 'read-failed':
        return html`<span class="icon">${warningIcon}</span><span>Could not read your setting. ${problem.message || problem.code}</span>${retry}`;
      case 'unreachable':
        return problem.code === 'no-host'
          ? html`<span class="icon">${warningIcon}</span><span>Not connected to Code Studio. Open this page from Code Studio's settings.</span>`
          : html`<span class="icon">${warningIcon}</span><span>Can't reach Code Studio, so this setting can't be read or changed right now.
              ${view.host ? `It was last ${view.host.enabled ? 'on' : 'off'}.` : ''}</span>${retry}`;
      case 'incompatible':
        return html`<span class="icon">${warningIcon}</span><span><strong>Code Studio needs an update.</strong>
          This page speaks version ${PROTOCOL_VERSION} of the settings protocol and the editor speaks version
          ${problem.hostProtocol}. Update Code Studio, then open Settings again.</span>`;
    }
  }

  #onChange(event: Event): void {
    event.stopPropagation();
    const control = event.target as HTMLElementTagNameMap['cs-switch'];
    this.#controller.setEnabled(control.checked);
    // A flip the client refused (locked, not connected) leaves the view as it was, and the binding would not notice.
    control.checked = this.view.enabled === true;
  }
}
