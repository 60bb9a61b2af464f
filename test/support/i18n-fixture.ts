// A test-only element whose strings go through @lit/localize with stable ids, as the components' do: it proves the
// pipeline (extract → xliff → build → locale chunk → re-render) without depending on any component's wording.
// lit-localize.json lists this file, so its three strings are in every locale's translation file.
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html } from 'lit';

export class CsI18nFixture extends LitElement {
  static override properties = { minutes: { type: Number } };
  declare minutes: number;

  constructor() {
    super();
    this.minutes = 5;
    updateWhenLocaleChanges(this);
  }

  protected override render() {
    return html`<p id="plain">${msg('Telemetry is off. Code Studio sends nothing.', { id: 'i18n-fixture.off' })}</p>
      <p id="placeholder">${msg(str`Last changed ${this.minutes} minutes ago`, { id: 'i18n-fixture.changed' })}</p>
      <p id="markup">${msg(html`Read the <b>privacy statement</b>.`, { id: 'i18n-fixture.markup' })}</p>`;
  }
}

if (!customElements.get('cs-i18n-fixture')) customElements.define('cs-i18n-fixture', CsI18nFixture);

declare global {
  interface HTMLElementTagNameMap {
    'cs-i18n-fixture': CsI18nFixture;
  }
}
