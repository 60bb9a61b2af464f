// The panel and the list with the sent log's counts, DO_NOT_TRACK and the notice not yet answered, through the
// real client against a message-level host: the words, the badge, counts that change while the panel is open, axe.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import '../../src/components/telemetry-data-types/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import type { CsTelemetryDataTypes } from '../../src/components/telemetry-data-types/telemetry-data-types.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { FakeHost, type FakeHostOptions } from '../support/fake-host.js';
import type { SentCount, TelemetryCategory } from '../../src/protocol/protocol.js';
import { setLocale } from '../../src/internal/i18n/locale.js';

const DNT_WORDS = 'Your environment sets DO_NOT_TRACK, so Code Studio sends nothing, whatever this switch says.';
const NOTICE_WORDS = 'Code Studio sends nothing until you answer its notice about telemetry.';

const hosts: FakeHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.dispose();
  fixtureCleanup();
});

async function readyPanel(options: FakeHostOptions = {}): Promise<{ el: CsTelemetrySettings; host: FakeHost; harness: PanelHarness }> {
  const host = new FakeHost(options);
  hosts.push(host);
  const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${host.api} .timeout=${2000}></cs-telemetry-settings>`);
  await waitUntil(() => el.view.phase === 'ready', 'the panel never became ready');
  const harness = new PanelHarness(el);
  await harness.updated();
  return { el, host, harness };
}

const counts = (tokens: SentCount, rest: SentCount = { lastWeek: 0, kept: 0 }): Record<TelemetryCategory, SentCount> => ({
  system: rest,
  'model-command': rest,
  tokens,
  autocomplete: rest,
  account: rest,
});

/** The count line of each item, in the list's order. */
const countLines = (el: CsTelemetrySettings | CsTelemetryDataTypes) => {
  const list = el.localName === 'cs-telemetry-data-types' ? el : el.shadowRoot!.querySelector('cs-telemetry-data-types')!;
  return [...list.shadowRoot!.querySelectorAll('[part=item]')].map(
    (item) => item.querySelector('[part=sent-count]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
  );
};

describe('the sent record in the panel', () => {
  describe('counts per data type', () => {
    it('0, 1 and many, in the list order; kept in all said when it differs', async () => {
      const { el } = await readyPanel({
        offers: ['events'],
        sentCounts: { ...counts({ lastWeek: 12, kept: 40 }), system: { lastWeek: 1, kept: 1 } },
      });
      expect(countLines(el)).to.deep.equal([
        '1 sent in the last 7 days.',
        'None sent in the last 7 days.',
        '12 sent in the last 7 days, 40 kept in all.',
        'None sent in the last 7 days.',
        'None sent in the last 7 days.',
      ]);
      await expect(el).to.be.accessible();
    });

    it('change while the panel is open, as the host pushes them', async () => {
      const { el, host, harness } = await readyPanel({ offers: ['events'], sentCounts: counts({ lastWeek: 0, kept: 0 }) });
      expect(countLines(el)[2]).to.equal('None sent in the last 7 days.');
      host.push({ sentCounts: counts({ lastWeek: 1, kept: 1 }) });
      await waitUntil(() => countLines(el)[2] === '1 sent in the last 7 days.', `still ${countLines(el)[2]}`);
      host.push({ sentCounts: counts({ lastWeek: 20000, kept: 20000 }) });
      await waitUntil(() => countLines(el)[2] === '20,000 sent in the last 7 days.', `still ${countLines(el)[2]}`);
      await harness.updated();
      await expect(el).to.be.accessible();
    });

    it('no count line where the host tells none', async () => {
      const { el } = await readyPanel({ offers: ['events'] });
      expect(countLines(el)).to.deep.equal([null, null, null, null, null]);
    });

    it('the list element on its own: a count for a type only', async () => {
      const el = await fixture<CsTelemetryDataTypes>(html`<cs-telemetry-data-types events-offered></cs-telemetry-data-types>`);
      el.counts = { autocomplete: { lastWeek: 3, kept: 3 } };
      await waitUntil(() => countLines(el)[3] === '3 sent in the last 7 days.', `got ${JSON.stringify(countLines(el))}`);
      expect(countLines(el).filter((line) => line !== null)).to.have.length(1);
    });
  });

  describe('DO_NOT_TRACK', () => {
    it('says why nothing is sent, the badge says Off while the switch shows the setting', async () => {
      const { el, harness } = await readyPanel({ enabled: true, doNotTrack: true });
      expect(harness.text).to.contain(DNT_WORDS);
      expect(harness.badgeStatus).to.equal('off');
      expect(harness.badgeText).to.equal('Off');
      expect(harness.switch.control.getAttribute('aria-checked')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('without it, neither the words nor Off', async () => {
      const { harness } = await readyPanel({ enabled: true });
      expect(harness.text).not.to.contain('DO_NOT_TRACK');
      expect(harness.badgeStatus).to.equal('on');
    });
  });

  describe('in German and Japanese', () => {
    afterEach(() => setLocale('en'));
    for (const [locale, dnt, notice, none, many] of [
      ['de', 'Ihre Umgebung setzt DO_NOT_TRACK, daher sendet Code Studio nichts', 'bis Sie seinen Hinweis zur Telemetrie beantworten', 'In den letzten 7 Tagen nichts gesendet.', '12 in den letzten 7 Tagen gesendet, insgesamt 40 gespeichert.'],
      ['ja', '環境で DO_NOT_TRACK が設定されているため', 'テレメトリに関する通知に応答するまで', '過去 7 日間の送信はありません。', '過去 7 日間に 12 件送信、保存は合計 40 件。'],
    ] as const) {
      it(`${locale}: the DO_NOT_TRACK, notice and count words`, async () => {
        const { el, harness } = await readyPanel({ doNotTrack: true, offers: ['events'], sentCounts: counts({ lastWeek: 12, kept: 40 }) });
        const other = await readyPanel({ noticePending: true });
        await setLocale(locale);
        await harness.updated();
        await other.harness.updated();
        expect(harness.text).to.contain(dnt);
        expect(countLines(el)[0]).to.equal(none);
        expect(countLines(el)[2]).to.equal(many);
        expect(other.harness.text).to.contain(notice);
      });
    }
  });

  describe('the notice not yet answered', () => {
    it('says nothing is sent until it is answered, and stops saying so once the host says it was', async () => {
      const { el, host, harness } = await readyPanel({ enabled: true, noticePending: true });
      expect(harness.text).to.contain(NOTICE_WORDS);
      await expect(el).to.be.accessible();
      host.push({ noticePending: undefined });
      await waitUntil(() => !new PanelHarness(el).text.includes(NOTICE_WORDS), 'the notice words stayed');
    });
  });
});
