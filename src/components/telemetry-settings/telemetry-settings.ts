import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { DEFAULT_TIMEOUT, type TelemetryView } from '../../bridge/telemetry-client.js';
import { PROTOCOL_VERSION } from '../../bridge/protocol.js';
import type { VsCodeApi } from '../../bridge/vscode-api.js';
import { lockIcon, spinnerIcon, warningIcon } from '../icons.js';
import type { TelemetryBadgeStatus } from '../telemetry-status-badge/telemetry-status-badge.js';
import { TelemetryController } from './telemetry-controller.js';
import { telemetrySettingsStyles } from './telemetry-settings.styles.js';

const note = (icon: unknown, text: string, kind = '') => html`<p class="note ${kind}">${icon}<span>${text}</span></p>`;

/** The badge's answer to "is telemetry on?": nothing is sent while the editor-wide telemetry is off. */
export function badgeStatus(view: TelemetryView): TelemetryBadgeStatus {
  if (view.saving) return 'saving';
  if (view.phase === 'loading') return view.problem ? 'error' : 'loading';
  if (view.phase !== 'ready' || view.enabled === null) return 'error';
  return view.enabled && view.host?.editorTelemetryEnabled !== false ? 'on' : 'off';
}

/**
 * @tagname cs-telemetry-settings
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
 * @cssprop [--vscode-font-family=system-ui, sans-serif] - The font of every element (set by VS Code in a webview).
 * @cssprop [--vscode-font-size=13px] - The text size of every element.
 * @cssprop [--vscode-foreground=#ccc] - Text.
 * @cssprop [--vscode-editorWarning-foreground=#cca700] - The editor-wide-off note's accent.
 * @cssprop [--vscode-inputValidation-warningBackground=#352a05] - The editor-wide-off note's background.
 * @cssprop [--vscode-errorForeground=#f85149] - The alert's accent.
 * @cssprop [--vscode-inputValidation-errorBackground=#5a1d1d] - The alert's background.
 * @cssprop [--vscode-button-background=#0078d4] - The Retry button.
 * @cssprop [--vscode-button-hoverBackground=#026ec1] - The Retry button under the pointer.
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
    // Before the first update the controller has not connected yet, and will use these values when it does.
    if (this.hasUpdated && (changed.has('vscodeApi') || changed.has('timeout'))) {
      this.#controller.hostDisconnected(); // drops the connection; this same update makes the new one
    }
  }

  override render() {
    const view = this.view;
    const host = view.host;
    const locked = host?.managedBy === 'policy';
    const usable = view.phase === 'ready' && view.enabled !== null && !locked;
    const account = host?.account ?? null;
    const [problem, retry] = this.#problemText(view) ?? [];
    return html`
      <section aria-labelledby="heading">
        <header>
          <h2 id="heading" part="heading">Telemetry</h2>
          <cs-telemetry-status-badge part="badge" status=${badgeStatus(view)} ?locked=${locked}></cs-telemetry-status-badge>
        </header>
        <p class="purpose dim">
          Code Studio collects ${account ? '' : 'anonymous '}usage data to improve product quality and user experience.
          It helps the team understand feature usage, find performance issues and prioritise enhancements.
        </p>
        <cs-switch part="switch" .checked=${view.enabled === true} ?disabled=${!usable} @change=${this.#onChange}>
          Allow Anonymous Telemetry
          <span slot="help"
            >Takes effect at once; change it at any time.${account
              ? ' While you are signed in, your login name and email are sent with this data, so it is not anonymous.'
              : ''}</span
          >
        </cs-switch>
        ${view.phase === 'loading' && !view.problem ? note(spinnerIcon, 'Reading your setting from Code Studio…') : nothing}
        ${locked
          ? note(lockIcon, "Managed by your organization: a policy sets this setting.")
          : nothing}
        ${view.phase === 'ready' && host?.editorTelemetryEnabled === false
          ? note(
              warningIcon,
              "The editor's telemetry is off, so Code Studio sends nothing, whatever this switch says.",
              'warning',
            )
          : nothing}
        <div role="alert" part="alert" class=${problem ? 'note' : ''}>
          ${problem ? [warningIcon, html`<span>${problem}</span>`] : nothing}
          ${retry ? html`<button part="retry" @click=${() => this.#controller.client?.retry()}>Retry</button>` : nothing}
        </div>
        <cs-telemetry-data-types part="data-types" .account=${account}></cs-telemetry-data-types>
        <div class="never" part="never-collected">
          <h3>Never collected</h3>
          <p>Your code, your prompts, your files.</p>
        </div>
        <slot></slot>
      </section>
    `;
  }

  /** The failure in words: what failed, what it means for the user, and whether Retry can help. */
  #problemText({ problem, host }: TelemetryView): [text: string, retry: boolean] | undefined {
    const onOff = host ? (host.enabled ? 'on.' : 'off.') : '';
    switch (problem?.kind) {
      case 'save-failed': {
        const locked = problem.code === 'locked';
        const reason = problem.code === 'timeout' ? 'Code Studio did not answer in time.' : locked ? 'Your organization manages this setting.' : problem.message || problem.code;
        return [`Could not save.${onOff && ` It is still ${onOff}`} ${reason}`, !locked];
      }
      case 'unreachable':
        return problem.code === 'no-host'
          ? ['Not connected to Code Studio.', false]
          : [
              problem.code === 'timeout'
                ? `Can't reach Code Studio to read or change this setting.${onOff && ` It was last ${onOff}`}`
                : `Could not read your setting. ${problem.message || problem.code}`,
              true,
            ];
      case 'incompatible':
        return [
          `Code Studio needs an update: the editor speaks settings protocol ${problem.hostProtocol}, this page ${PROTOCOL_VERSION}.`,
          false,
        ];
    }
  }

  #onChange(event: Event): void {
    event.stopPropagation();
    // The switch shows only the view: its own flip is undone, so it never holds a value the binding has not set,
    // and a flip is of what the view shows, which may be ahead of the last render.
    event.preventDefault();
    this.#controller.client?.setEnabled(!this.view.enabled);
  }
}
