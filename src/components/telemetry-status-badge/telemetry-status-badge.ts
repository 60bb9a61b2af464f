import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { checkIcon, exclamationIcon, lockIcon, offIcon, spinnerIcon, warningIcon } from '../../internal/icons.js';
import { statusBadgeStyles } from './telemetry-status-badge.styles.js';
import { CsElement } from '../../internal/cs-element.js';

/** `errors-only`: the switch is on, and the editor's telemetry level lets only error reports go. */
export type TelemetryBadgeStatus = 'loading' | 'on' | 'errors-only' | 'off' | 'saving' | 'error';

/** Whether what is sent while on carries the account: told only when the host offers the account switch. */
export type TelemetryBadgeIdentity = 'anonymous' | 'linked';

// A function: the words are looked up at render time, so a locale change reaches them.
const statuses = (): Record<TelemetryBadgeStatus, { text: string; icon: unknown }> => ({
  loading: { text: msg('Checking…', { id: 'badge.loading' }), icon: spinnerIcon },
  on: { text: msg('On', { id: 'badge.on' }), icon: checkIcon },
  'errors-only': { text: msg('Errors only', { id: 'badge.errors-only' }), icon: exclamationIcon },
  off: { text: msg('Off', { id: 'badge.off' }), icon: offIcon },
  saving: { text: msg('Saving…', { id: 'badge.saving' }), icon: spinnerIcon },
  error: { text: msg('Unknown', { id: 'badge.error' }), icon: warningIcon },
});

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
export class CsTelemetryStatusBadge extends CsElement {
  static override styles = statusBadgeStyles;
  static override properties = {
    status: { reflect: true },
    locked: { type: Boolean, reflect: true },
    identity: { reflect: true },
  };

  /** One of `loading`, `on`, `errors-only`, `off`, `saving`, `error`; anything else shows as `error`. */
  status: TelemetryBadgeStatus = 'loading';

  /** The setting is managed by policy: adds a lock and says so. */
  locked = false;

  /** When on: `anonymous` ("On, anonymous") or `linked` ("On, with your account"); unset, just "On". */
  identity?: TelemetryBadgeIdentity;


  override render() {
    const all = statuses();
    const status = Object.hasOwn(all, this.status) ? this.status : 'error';
    const { icon } = all[status];
    let { text } = all[status];
    if (status === 'on' && this.identity === 'anonymous') text = msg('On, anonymous', { id: 'badge.on-anonymous' });
    if (status === 'on' && this.identity === 'linked') text = msg('On, with your account', { id: 'badge.on-linked' });
    const label = this.locked
      ? msg(str`Telemetry status: ${text}, managed by your organization`, { id: 'badge.label-locked' })
      : msg(str`Telemetry status: ${text}`, { id: 'badge.label' });
    // One image with the whole sentence, so a screen reader says what the eye gets from words, icon and lock together.
    return html`<span part="base" class="badge dim ${status}" role="img" aria-label=${label}
      >${icon}<span part="label">${text}</span>${this.locked ? lockIcon : ''}</span
    >`;
  }
}
