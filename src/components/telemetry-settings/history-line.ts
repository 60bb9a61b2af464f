// The history extension's line, a chunk of its own: loaded when a host tells what last changed the setting.
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { TelemetryView } from '../../webview/telemetry-client.js';
import { relativeTime } from '../../internal/relative-time.js';

/** What last changed the setting, and when; the time keeps itself current without rendering the panel again. */
export function renderHistory(host: TelemetryView['host']) {
  const by = host?.changedBy;
  if (!by) return nothing;
  if (by === 'default') {
    return html`<p class="history dim" part="history">${msg('Not changed yet: this is the default.', { id: 'history.default' })}</p>`;
  }
  const at = host.changedAt;
  if (!at || Number.isNaN(Date.parse(at))) return nothing;
  const when = relativeTime(at);
  const text =
    by === 'settings-file'
      ? msg(html`Last changed ${when}, in your settings`, { id: 'history.settings-file' })
      : by === 'policy'
        ? msg(html`Last changed ${when}, by your organization's policy`, { id: 'history.policy' })
        : msg(html`Last changed ${when}, from this page`, { id: 'history.user' });
  return html`<p class="history dim" part="history">${text}</p>`;
}
