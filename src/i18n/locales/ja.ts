
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    import {html} from 'lit';
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'i18n-fixture.changed': str`${0} 分前に変更`,
'i18n-fixture.markup': html`<b>プライバシーに関する声明</b>をお読みください。`,
'i18n-fixture.off': `テレメトリはオフです。Code Studio は何も送信しません。`,
    };
  