// The panel's languages: how a locale is chosen, that each language's strings load on demand and re-render what
// uses msg(), the pseudo-locale's shape, a language that fails to load, and dist/webview.js's locale chunks
// loading under a webview's strict CSP.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { applyLocale, getLocale, intlLocale, resolveLocale, setLocale } from '../../src/internal/i18n/locale.js';
import type { CsTelemetryDataTypes } from '../../src/components/telemetry-data-types/telemetry-data-types.js';
import type { CsTelemetryStatusBadge } from '../../src/components/telemetry-status-badge/telemetry-status-badge.js';
import '../../src/components/telemetry-data-types/define.js';
import '../../src/components/telemetry-status-badge/define.js';
import { templates as de } from '../../src/internal/i18n/locales/de.js';
import { templates as ja } from '../../src/internal/i18n/locales/ja.js';
import { templates as pseudo } from '../../src/internal/i18n/locales/qps-ploc.js';

// The panel's own strings, one of each kind: plain (the badge's word), with a value (its label), with markup (the
// signed-in account line, whose <b>s hold the account).
const ACCOUNT = { loginName: 'ada', email: 'ada@example.com' };

const badgeWord = (badge: CsTelemetryStatusBadge) => badge.shadowRoot!.querySelector('[part=label]')!.textContent!.trim();
const badgeLabel = (badge: CsTelemetryStatusBadge) => badge.shadowRoot!.querySelector('[role=img]')!.getAttribute('aria-label')!;
const accountLine = (list: CsTelemetryDataTypes) => list.shadowRoot!.querySelector('[part=account]')!;
const accountText = (list: CsTelemetryDataTypes) => accountLine(list).textContent!.replace(/\s+/g, ' ').trim();
const listHeading = (list: CsTelemetryDataTypes) => list.shadowRoot!.querySelector('[part=heading]')!.textContent!.trim();

async function localeIs(locale: string): Promise<void> {
  await waitUntil(() => getLocale() === locale, `the locale to become ${locale}, it is ${getLocale()}`);
}

describe('translations', () => {
  // The pseudo-locale is made from every string the panel has, so it lists them all.
  for (const [locale, templates] of [['de', de], ['ja', ja]] as const) {
    it(`${locale} has every string the panel has`, () => {
      expect(Object.keys(templates).sort()).to.deep.equal(Object.keys(pseudo).sort());
    });
  }
});

describe('resolveLocale', () => {
  const cases: [string | undefined | null, string][] = [
    ['de', 'de'],
    ['DE', 'de'],
    ['ja', 'ja'],
    ['de-CH', 'de'],
    ['de_AT', 'de'],
    ['ja-JP', 'ja'],
    ['qps-ploc', 'qps-ploc'],
    ['QPS-PLOC', 'qps-ploc'],
    ['qps', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['zh-Hans-CN', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
    ['d', 'en'],
  ];
  for (const [requested, expected] of cases) {
    it(`${JSON.stringify(requested)} → ${expected}`, () => {
      expect(resolveLocale(requested)).to.equal(expected);
    });
  }
});

describe("applyLocale and the panel's strings", () => {
  let badge: CsTelemetryStatusBadge;
  let list: CsTelemetryDataTypes;

  beforeEach(async () => {
    await setLocale('en');
    document.documentElement.lang = 'en';
    const root = await fixture(html`<div>
      <cs-telemetry-status-badge status="on"></cs-telemetry-status-badge>
      <cs-telemetry-data-types .account=${ACCOUNT}></cs-telemetry-data-types>
    </div>`);
    badge = root.querySelector('cs-telemetry-status-badge')!;
    list = root.querySelector('cs-telemetry-data-types')!;
    await Promise.all([badge.updateComplete, list.updateComplete]);
  });

  after(async () => {
    await setLocale('en');
    document.documentElement.lang = 'en';
  });

  const rendered = () => Promise.all([badge.updateComplete, list.updateComplete]);

  it('renders English before any locale is applied', () => {
    expect(getLocale()).to.equal('en');
    expect(badgeWord(badge)).to.equal('On');
    expect(badgeLabel(badge)).to.equal('Telemetry status: On');
    expect(accountText(list)).to.equal('Attached now: ada (ada@example.com). These identify you.');
  });

  it("speaks the host's locale: the de chunk loads and the elements re-render in German", async () => {
    applyLocale('de-CH');
    await localeIs('de');
    await rendered();
    expect(badgeWord(badge)).to.equal('Ein');
    expect(badgeLabel(badge)).to.equal('Telemetriestatus: Ein');
    expect(listHeading(list)).to.equal('Was bei aktivierter Telemetrie erfasst wird');
    expect(accountText(list)).to.equal('Derzeit enthalten: ada (ada@example.com). Damit sind Sie identifizierbar.');
    expect([...accountLine(list).querySelectorAll('b')].map((b) => b.textContent)).to.deep.equal(['ada', 'ada@example.com']);
    expect(intlLocale()).to.equal('de');
  });

  it('a value change after the switch still renders in German', async () => {
    await setLocale('de');
    badge.status = 'off';
    badge.locked = true;
    await rendered();
    expect(badgeWord(badge)).to.equal('Aus');
    expect(badgeLabel(badge)).to.equal('Telemetriestatus: Aus, von Ihrer Organisation verwaltet');
  });

  it("the host's locale wins over the document's lang", async () => {
    document.documentElement.lang = 'de';
    applyLocale('ja-JP');
    await localeIs('ja');
    await rendered();
    expect(badgeWord(badge)).to.equal('オン');
    expect(accountText(list)).to.equal('現在含まれているもの: ada (ada@example.com)。これらであなたを特定できます。');
  });

  it("without a host locale, the document's lang", async () => {
    document.documentElement.lang = 'ja';
    applyLocale(undefined);
    await localeIs('ja');
    await rendered();
    expect(badgeLabel(badge)).to.equal('テレメトリの状態: オン');
  });

  it('an unknown locale, from the host or the document, is English', async () => {
    await setLocale('de');
    applyLocale('fr-FR');
    await localeIs('en');
    await rendered();
    expect(badgeWord(badge)).to.equal('On');

    await setLocale('de');
    document.documentElement.lang = 'pt-BR';
    applyLocale(undefined);
    await localeIs('en');
  });

  it('the pseudo-locale brackets, accents and lengthens every string, keeping placeholders and markup', async () => {
    applyLocale('qps-ploc');
    await localeIs('qps-ploc');
    await rendered();
    const strings = { word: badgeWord(badge), label: badgeLabel(badge), heading: listHeading(list), account: accountText(list) };
    for (const [name, pseudo] of Object.entries(strings)) {
      expect(pseudo, name).to.match(/^⟦[\s\S]*⟧$/);
      // The account's own name and address are values, not words: they pass through as they are.
      expect(pseudo.replace('ada@example.com', '').replace('ada', ''), name).not.to.match(/[a-z]{2}/i, 'an unaccented pair of letters');
    }
    const english = 'What is collected when telemetry is on';
    expect(strings.heading.length).to.be.at.least(Math.round(english.length * 1.3));
    // The label's value is the badge's word, itself pseudo-translated, inside the pseudo-translated label.
    expect(strings.label).to.contain(strings.word);
    expect([...accountLine(list).querySelectorAll('b')].map((b) => b.textContent)).to.deep.equal(['ada', 'ada@example.com']);
    // Intl knows no pseudo-locale: dates and numbers are then formatted as in English.
    expect(intlLocale()).to.equal('en');
  });
});

/** An iframe page of this origin with a CSP; resolves once its module script has reported. */
async function framePage(csp: string, body: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${csp}">
<script nonce="n0nce">
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
  window.warnings = [];
  const warn = console.warn;
  console.warn = (...args) => { warnings.push(String(args[0])); warn(...args); };
  window.statuses = [];
  addEventListener('lit-localize-status', (e) => statuses.push(e.detail.status + ' ' + (e.detail.readyLocale ?? e.detail.errorLocale ?? e.detail.loadingLocale)));
</script></head><body>${body}</body></html>`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}

interface FrameWindow extends Window {
  violations: string[];
  warnings: string[];
  statuses: string[];
  ready?: boolean;
  i18n: typeof import('../../src/internal/i18n/locale.js');
}

describe('a language whose strings fail to load', () => {
  let frame: HTMLIFrameElement;
  let win: FrameWindow;

  before(async () => {
    // An import map sends the de module to an address that does not exist (404), as a chunk missing from the
    // extension's package would. (A CSP cannot block it: a module imported by a nonce-bearing script inherits its nonce.)
    const missing = Object.fromEntries(['ts', 'js'].map((ext) => [`${location.origin}/src/internal/i18n/locales/de.${ext}`, '/src/internal/i18n/locales/missing-de.js']));
    frame = await framePage(
      "default-src 'none'; script-src 'nonce-n0nce'",
      `<script type="importmap" nonce="n0nce">${JSON.stringify({ imports: missing })}</script>
<cs-telemetry-status-badge status="on"></cs-telemetry-status-badge>
<script type="module" nonce="n0nce">
  import * as i18n from '/src/internal/i18n/locale.ts';
  import '/src/components/telemetry-status-badge/define.ts';
  window.i18n = i18n;
  window.ready = true;
</script>`,
    );
    win = frame.contentWindow as FrameWindow;
    await waitUntil(() => win.ready, 'the frame page to load its modules');
  });

  after(() => frame.remove());

  it('stays English, does not throw, and logs once', async () => {
    expect(() => win.i18n.applyLocale('de')).not.to.throw();
    await waitUntil(() => win.statuses.some((status) => status.startsWith('error')), 'the de load to fail');
    expect(win.statuses).to.deep.equal(['loading de', 'error de']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.i18n.getLocale()).to.equal('en');
    const el = frame.contentDocument!.querySelector('cs-telemetry-status-badge')!;
    expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('On');
    expect(win.warnings.filter((warning) => warning.includes('"de"'))).to.have.length(1);
  });

  it('is not asked for again, even after another language, and still never throws', async () => {
    win.i18n.applyLocale('ja');
    await waitUntil(() => win.i18n.getLocale() === 'ja', 'ja to load');
    const before = win.statuses.length;
    expect(() => win.i18n.applyLocale('de')).not.to.throw();
    expect(() => win.i18n.applyLocale('de-AT')).not.to.throw();
    await waitUntil(() => win.i18n.getLocale() === 'en', 'English again');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.statuses.slice(before)).to.deep.equal(['loading en', 'ready en']);
    expect(win.warnings.filter((warning) => warning.includes('"de"'))).to.have.length(1);
  });
});

describe('dist/webview.js loads a locale chunk beside it under a webview CSP', () => {
  // The real bundle as a webview page; this page plays the host: it answers hello with a state in Japanese.
  for (const [name, scriptSrc] of [
    ['nonce and the webview origin', `'nonce-n0nce' ${location.origin}`],
    ['nonce only', `'nonce-n0nce'`],
  ]) {
    it(`under script-src ${name}`, async () => {
      const csp = `default-src 'none'; script-src ${scriptSrc}; style-src ${location.origin}`;
      let frame: HTMLIFrameElement | undefined;
      const onRequest = (event: MessageEvent) => {
        const request = event.data as { type?: string; id?: string };
        if (event.source !== frame?.contentWindow || request?.type !== 'telemetry/hello') return;
        const state = { enabled: true, editorTelemetryEnabled: true, managedBy: null, account: null, locale: 'ja-JP' };
        frame.contentWindow!.postMessage({ type: 'telemetry/state', protocol: 1, rev: 1, inReplyTo: request.id, state }, location.origin);
      };
      window.addEventListener('message', onRequest);
      try {
        frame = await framePage(
          csp,
          `<script nonce="n0nce">window.acquireVsCodeApi = () => ({ postMessage: (m) => parent.postMessage(m, self.origin), getState: () => undefined, setState: (s) => s });</script>
<cs-telemetry-settings></cs-telemetry-settings>
<script type="module" nonce="n0nce" src="/dist/webview.js"></script>`,
        );
        const win = frame.contentWindow as FrameWindow;
        await waitUntil(() => win.statuses.includes('ready ja') || win.statuses.some((s) => s.startsWith('error')), 'the ja chunk to load or fail', { timeout: 5000 });
        expect(win.statuses).to.deep.equal(['loading ja', 'ready ja']);
        expect(win.violations).to.deep.equal([]);
        // The bundled panel itself speaks Japanese: its heading and badge come from the loaded chunk.
        const panel = frame.contentDocument!.querySelector('cs-telemetry-settings')!;
        const heading = () => panel.shadowRoot?.querySelector('[part=heading]')?.textContent?.trim();
        const badge = () => panel.shadowRoot?.querySelector('cs-telemetry-status-badge')?.shadowRoot?.querySelector('[part=label]')?.textContent;
        await waitUntil(() => heading() === 'テレメトリ' && badge() === 'オン', `the panel in Japanese, it shows ${heading()} / ${badge()}`);
        const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
        const frameLoaded = (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => entry.name);
        expect([...loaded, ...frameLoaded].filter((url) => url.includes('/dist/locales/'))).to.include(`${location.origin}/dist/locales/ja.js`);
        expect(frameLoaded.filter((url) => url.includes('/dist/locales/de.js'))).to.deep.equal([]);
      } finally {
        window.removeEventListener('message', onRequest);
        frame?.remove();
      }
    });
  }
});
