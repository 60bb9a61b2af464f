// The account switch extension's UI in the list, a chunk of its own: loaded when a host offers the switch.
import { msg } from '@lit/localize';
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { TelemetryAccount } from '../../protocol/protocol.js';

/** The account line while the switch is off: the account is named but not sent, so "attached" would be untrue. */
export const renderNotAttached = (account: TelemetryAccount) =>
  html`<p class="dim" part="account">
    ${msg(html`Signed in as <b>${account.loginName}</b> (<b>${account.email}</b>). Not sent while the switch below is off.`, {
      id: 'data.account.not-attached',
    })}
  </p>`;

/** The account item's detail while the user can choose. */
export const consentDetail = () =>
  msg('They identify you, so this data is not anonymous while they are included. Turn off the switch above to stop sending them.', {
    id: 'data.account.detail-consent',
  });

/** The switch: `accountLinked` null while it is not usable yet. */
export function renderAccountSwitch(accountLinked: boolean | null, locked: boolean, saving: boolean, onChange: (event: Event) => void) {
  return html`<cs-switch
    part="account-switch"
    .checked=${live(accountLinked === true)}
    ?disabled=${!locked && accountLinked === null}
    ?locked=${locked}
    @change=${onChange}
    >${msg('Include my account details (login name and email)', { id: 'data.account.switch' })}<span slot="help"
      >${saving ? msg('Saving…', { id: 'data.account.saving' }) : ''}</span
    ></cs-switch
  >`;
}
