// The links extension's buttons, a chunk of its own: loaded when a host offers a link to open.
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { LinkTarget } from '../../protocol/protocol.js';

/** The links the host can open; the webview never navigates itself. */
export function renderLinks(offers: readonly string[], open: (target: LinkTarget) => void) {
  const links = (
    [
      ['privacy-statement', msg('Privacy statement', { id: 'links.privacy-statement' })],
      ['how-telemetry-works', msg('How telemetry works', { id: 'links.how-telemetry-works' })],
    ] as const
  ).filter(([target]) => offers.includes(target));
  if (!links.length) return nothing;
  return html`<p class="links" part="links">
    ${links.map(([target, text]) => html`<button class="link" @click=${() => open(target)}>${text}</button>`)}
  </p>`;
}
