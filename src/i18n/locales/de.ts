
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    import {html} from 'lit';
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'i18n-fixture.changed': str`Zuletzt vor ${0} Minuten geändert`,
'i18n-fixture.markup': html`Lesen Sie die <b>Datenschutzerklärung</b>.`,
'i18n-fixture.off': `Telemetrie ist aus. Code Studio sendet nichts.`,
    };
  