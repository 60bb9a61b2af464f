
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    import {html} from 'lit';
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'i18n-fixture.changed': str`⟦Ĺášţ çĥáñĝéđ ${0} ɱíñúţéš áĝó ········⟧`,
'i18n-fixture.markup': html`⟦Ŕéáđ ţĥé <b>þŕíṽáçý šţáţéɱéñţ</b>. ·········⟧`,
'i18n-fixture.off': `⟦Ţéĺéɱéţŕý íš óƒƒ. Çóđé Šţúđíó šéñđš ñóţĥíñĝ. ·············⟧`,
    };
  