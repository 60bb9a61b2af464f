import { LitElement, html } from 'lit';
import { checkIcon, lockIcon, offIcon, spinnerIcon, warningIcon } from '../icons.js';
import { statusBadgeStyles } from './telemetry-status-badge.styles.js';

export type TelemetryBadgeStatus = 'loading' | 'on' | 'off' | 'saving' | 'error';

const statuses: Record<TelemetryBadgeStatus, { text: string; icon: unknown }> = {
  loading: { text: 'Checking…', icon: spinnerIcon },
  on: { text: 'On', icon: checkIcon },
  off: { text: 'Off', icon: offIcon },
  saving: { text: 'Saving…', icon: spinnerIcon },
  error: { text: 'Unknown', icon: warningIcon },
};

/**
 * @tagname cs-telemetry-status-badge
 * @summary Says at a glance whether telemetry is on, in words and an icon, never by colour alone.
 *
 * @csspart base - The badge.
 * @csspart label - The status text.
 *
 * @cssprop [--vscode-badge-background=#616161] - Background when on.
 * @cssprop [--vscode-badge-foreground=#f8f8f8] - Text when on.
 * @cssprop [--vscode-descriptionForeground=#9d9d9d] - Text in every other status.
 * @cssprop [--vscode-inputValidation-errorBorder=#be1100] - Border when the status is unknown (`error`).
 * @cssprop [--vscode-contrastBorder] - High-contrast border; when unset the border is the text colour.
 */
export class CsTelemetryStatusBadge extends LitElement {
  static override styles = statusBadgeStyles;
  static override properties = {
    status: { reflect: true },
    locked: { type: Boolean, reflect: true },
  };

  /** One of `loading`, `on`, `off`, `saving`, `error`; anything else shows as `error`. */
  status: TelemetryBadgeStatus = 'loading';

  /** The setting is managed by policy: adds a lock and says so. */
  locked = false;

  override render() {
    const status = Object.hasOwn(statuses, this.status) ? this.status : 'error';
    const { text, icon } = statuses[status];
    // One image with the whole sentence, so a screen reader says what the eye gets from words, icon and lock together.
    return html`<span
      part="base"
      class="badge dim ${status}"
      role="img"
      aria-label="Telemetry status: ${text}${this.locked ? ', managed by your organization' : ''}"
      >${icon}<span part="label">${text}</span>${this.locked ? lockIcon : ''}</span
    >`;
  }
}
