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
import { sendKeys } from '@web/test-runner-commands';
import { FakeEditor } from '../../dev/fake-editor.js';
import type { TelemetryEvent } from '../../src/protocol/protocol.js';
import { MAX_EVENTS } from '../../src/protocol/protocol.js';

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

  describe('Show older and the export, in German and Japanese', () => {
    afterEach(() => setLocale('en'));
    for (const [locale, button, written, older, more] of [
      ['de', 'Gesendetes exportieren…', '40 Ereignisse nach /tmp/sent.json exportiert.', 'Ältere anzeigen', 'Die neuesten 1.000 gesendeten Ereignisse, neueste zuerst; ältere sind gespeichert.'],
      ['ja', '送信したものをエクスポート…', '40 件のイベントを /tmp/sent.json にエクスポートしました。', '古いものを表示', '送信された最新の 1,000 件のイベント(新しい順)。古いものも保存されています。'],
    ] as const) {
      it(`${locale}: the export's button and outcome, Show older and its count`, async () => {
        const { host, harness } = await readyPanel({ offers: ['events', 'export'] });
        host.pagedEvents = true;
        host.eventSource = (category) =>
          category === 'tokens'
            ? Array.from({ length: MAX_EVENTS + 1 }, (_, i) => ({ time: new Date(Date.UTC(2026, 8, 1) + i * 1000).toISOString(), category, name: 'tokens/counted', data: {} }))
            : [];
        host.exportAnswer = { file: '/tmp/sent.json', count: 40 };
        await setLocale(locale);
        await harness.updated();
        expect(harness.exportButton!.textContent!.trim()).to.equal(button);
        harness.exportButton!.click();
        await waitUntil(() => harness.exportStatusText === written, `status: ${harness.exportStatusText}`);
        harness.dataTypes.eventsToggles[2]!.click();
        const list = () => harness.dataTypes.eventsLists[2]!;
        await waitUntil(() => list().showOlderButton, 'Show older');
        expect(list().showOlderButton!.textContent!.trim()).to.equal(older);
        expect(list().statusText).to.equal(more);
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

  describe('the whole log, paged', () => {
    let editor: FakeEditor | undefined;
    afterEach(() => {
      editor?.dispose();
      editor = undefined;
    });

    it('20,000 events of one type: newest page first, then Show older by keyboard to the oldest, name and focus kept', async function () {
      // Twenty pages and 20,000 rows, a chunk per frame: long on a loaded machine, whatever it asserts.
      this.timeout(300_000);
      const start = Date.parse('2026-09-01T00:00:00Z');
      const log: TelemetryEvent[] = Array.from({ length: 20_000 }, (_, i) => ({
        time: new Date(start + i * 60_000).toISOString(),
        category: 'tokens',
        name: `tokens/counted-${i}`,
        data: { count: i },
      }));
      // The adapter that ships pages the log, behind the fake editor's webview.
      editor = new FakeEditor({ events: true, eventLog: (category) => (category === 'tokens' ? log : []) });
      const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${editor.openPanel()} timeout="4000"></cs-telemetry-settings>`);
      await waitUntil(() => el.view.phase === 'ready' && el.view.certainty === 'confirmed', 'the adapter answered');
      const panel = new PanelHarness(el);
      await panel.updated();
      panel.dataTypes.eventsToggle('Token usage').focus();
      await sendKeys({ press: 'Enter' });
      const list = () => panel.dataTypes.eventsList('Token usage');
      await waitUntil(() => list().rows.length > 0, 'the newest page shows');
      expect(list().names[0]).to.equal('tokens/counted-19999');
      expect(list().statusText).to.equal(`The newest ${MAX_EVENTS.toLocaleString('en')} events sent, newest first; older ones are kept.`);
      const asked = () => editor!.received.filter((message) => message.type === 'telemetry/events').length;
      list().showOlderButton!.focus();
      let pages = 1;
      while (list().showOlderButton) {
        const before = asked();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => asked() > before && el.shadowRoot && list().element.older !== 'loading', `page ${pages + 1} came`, { timeout: 5000 });
        pages++;
        expect(pages, 'pages to the oldest').to.be.at.most(20_000 / MAX_EVENTS);
        if (list().showOlderButton) expect(list().root.activeElement, 'Show older keeps the focus for the next press').to.equal(list().showOlderButton);
      }
      expect(pages).to.equal(20_000 / MAX_EVENTS);
      expect(list().statusText).to.equal('20,000 events sent recently, newest first.');
      // The rows fill in a chunk per frame; the oldest is the last row.
      expect(list().element.events, 'every event is in the list, oldest first').to.have.length(20_000);
      await waitUntil(() => list().rows.length === 20_000, `rows: ${list().rows.length}`, { timeout: 240_000, interval: 250 });
      expect(list().names.at(-1)).to.equal('tokens/counted-0');
      expect(new Set(list().names).size, 'no event twice').to.equal(20_000);
      expect(list().root.activeElement?.getAttribute('part'), 'the focus moved to the list when Show older went').to.equal('list');
      expect(list().list!.getAttribute('aria-label')).to.equal('Token usage: events sent');
    });

    it('a page that could not be read: the rows stay, the words say so, Show older asks again', async () => {
      const host = new FakeHost({ offers: ['events'] });
      hosts.push(host);
      host.pagedEvents = true;
      const log: TelemetryEvent[] = Array.from({ length: MAX_EVENTS + 5 }, (_, i) => ({
        time: new Date(Date.UTC(2026, 8, 1) + i * 1000).toISOString(),
        category: 'tokens',
        name: `tokens/counted-${i}`,
        data: {},
      }));
      host.eventSource = (category) => (category === 'tokens' ? log : []);
      const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${host.api} .timeout=${2000}></cs-telemetry-settings>`);
      await waitUntil(() => el.view.phase === 'ready', 'ready');
      const panel = new PanelHarness(el);
      await panel.updated();
      panel.dataTypes.showWhatWasSent('Token usage');
      const list = () => panel.dataTypes.eventsList('Token usage');
      await waitUntil(() => list().showOlderButton, 'Show older');
      host.failNextEvents('events-failed', 'Code Studio could not read its recent telemetry events.');
      list().showOlder();
      await waitUntil(() => list().olderStatusText !== '' && list().element.older === 'error', 'the failure shows');
      expect(list().olderStatusText).to.equal('Could not load older events. Code Studio could not read its recent telemetry events.');
      expect(list().rows.length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      list().showOlder();
      await waitUntil(() => !list().showOlderButton, 'the oldest came');
      await waitUntil(() => list().rows.length === MAX_EVENTS + 5, `rows: ${list().rows.length}`);
      expect(list().names.at(-1)).to.equal('tokens/counted-0');
    });
  });

  describe('export', () => {
    async function exportWith(answer: FakeHost['exportAnswer']) {
      const { el, host, harness } = await readyPanel({ offers: ['events', 'export'] });
      host.exportAnswer = answer;
      await waitUntil(() => harness.exportButton, 'the export button shows');
      expect(harness.exportButton!.textContent!.trim()).to.equal('Export what was sent…');
      harness.exportButton!.click();
      await waitUntil(() => !/^Exporting/.test(harness.exportStatusText) && harness.exportStatusText !== '', `status: ${harness.exportStatusText}`);
      return { el, host, harness };
    }

    it('says where the file was written and how many events it holds', async () => {
      const { el, harness, host } = await exportWith({ file: '/home/me/code-studio-sent.json', count: 40 });
      expect(harness.exportStatusText).to.equal('Exported 40 events to /home/me/code-studio-sent.json.');
      expect(host.received.filter((message) => message.type === 'telemetry/export')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('one event, and none yet', async () => {
      expect((await exportWith({ file: '/tmp/one.json', count: 1 })).harness.exportStatusText).to.equal('Exported 1 event to /tmp/one.json.');
      expect((await exportWith({ file: '/tmp/none.json', count: 0 })).harness.exportStatusText).to.equal(
        'Nothing has been sent yet: /tmp/none.json holds an empty list.',
      );
    });

    it('no file chosen, and a write that failed, each in its own words', async () => {
      const cancelled = await exportWith({ code: 'export-cancelled', message: 'Nothing was exported: no file was chosen.' });
      expect(cancelled.harness.exportStatusText).to.equal('Nothing was exported: no file was chosen.');
      const failed = await exportWith({ code: 'export-failed', message: 'Could not write /ro/sent.json: EACCES: permission denied' });
      expect(failed.harness.exportStatusText).to.equal('Could not export what was sent. Could not write /ro/sent.json: EACCES: permission denied');
      await expect(failed.el).to.be.accessible();
    });

    it('a file name that looks like markup is shown as text', async () => {
      const { harness } = await exportWith({ file: '/tmp/<img src=x onerror=alert(1)>.json', count: 2 });
      expect(harness.exportStatusText).to.equal('Exported 2 events to /tmp/<img src=x onerror=alert(1)>.json.');
      expect(harness.root.querySelector('img')).to.equal(null);
    });

    it('while the dialog is open: one export only, the button keeps the focus', async () => {
      const { host, harness } = await readyPanel({ offers: ['events', 'export'] });
      await waitUntil(() => harness.exportButton, 'the export button shows');
      host.manual = true;
      harness.exportButton!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => harness.exportStatusText.startsWith('Exporting'), 'exporting');
      await sendKeys({ press: 'Enter' });
      expect(host.held.filter((message) => message.type === 'telemetry/export')).to.have.length(1);
      expect(harness.exportButton!.getAttribute('aria-disabled')).to.equal('true');
      expect(harness.root.activeElement).to.equal(harness.exportButton);
      host.exportAnswer = { file: '/tmp/sent.json', count: 3 };
      host.replyAll();
      await waitUntil(() => harness.exportStatusText === 'Exported 3 events to /tmp/sent.json.', harness.exportStatusText);
      expect(harness.exportButton!.getAttribute('aria-disabled')).to.equal('false');
    });

    it('not offered: no button', async () => {
      const { harness } = await readyPanel({ offers: ['events'] });
      expect(harness.exportButton).to.equal(null);
    });
  });
});
