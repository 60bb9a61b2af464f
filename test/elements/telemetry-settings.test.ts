import { ContextConsumer } from '@lit/context';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml } from 'lit';
import type { TelemetryBadgeStatus } from '../../src/components/telemetry-status-badge/telemetry-status-badge.js';
import { LOADING_VIEW, type TelemetryView } from '../../src/webview/telemetry-client.js';
import { provideVsCodeApi } from '../../src/webview/vscode-api.js';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { badgeStatus } from '../../src/components/telemetry-settings/view.js';
import { telemetryContext } from '../../src/webview/telemetry-context.js';
import { LOCKED_MESSAGES } from '../../src/protocol/locked-messages.js';
import { normalizeState, type TelemetryCategory, type TelemetryEvent } from '../../src/protocol/protocol.js';
import { setLocale, type SupportedLocale } from '../../src/internal/i18n/locale.js';
import type { Clock } from '../../src/internal/clock.js';
import { ManualClock, provideClock } from '../../dev/harness/manual-clock.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { words } from '../../dev/harness/words.js';
import { FakeHost, FakeVsCodeApi, deliverFromHost, type FakeHostOptions } from '../support/fake-host.js';

/** A small subtree element that reads the panel's view through context. */
class TestTelemetryConsumer extends LitElement {
  readonly telemetry = new ContextConsumer(this, { context: telemetryContext, subscribe: true });
  readonly seen: TelemetryView[] = [];

  override render() {
    const view = this.telemetry.value;
    if (view && this.seen.at(-1) !== view) this.seen.push(view);
    return litHtml`<span>${view ? `${view.phase}:${String(view.enabled)}` : 'none'}</span>`;
  }
}
if (!customElements.get('test-telemetry-consumer')) customElements.define('test-telemetry-consumer', TestTelemetryConsumer);

const TIMEOUT = 150;
const hosts: FakeHost[] = [];

function fakeHost(options: FakeHostOptions = {}): FakeHost {
  const host = new FakeHost(options);
  hosts.push(host);
  return host;
}

/** A panel on `host`; with a `clock`, inside an element that provides it. */
async function panel(host: FakeHost, timeout = TIMEOUT, clock?: Clock): Promise<CsTelemetrySettings> {
  const template = html`<cs-telemetry-settings .vscodeApi=${host.api} .timeout=${timeout}></cs-telemetry-settings>`;
  if (!clock) return fixture<CsTelemetrySettings>(template);
  const holder = await fixture<HTMLDivElement>(html`<div ${provideClock(clock)}>${template}</div>`);
  return holder.querySelector('cs-telemetry-settings')!;
}

/** A panel whose hello has been answered. */
async function readyPanel(options: FakeHostOptions = {}, clock?: Clock): Promise<{ el: CsTelemetrySettings; host: FakeHost }> {
  const host = fakeHost(options);
  const el = await panel(host, TIMEOUT, clock);
  await waitUntil(() => el.view.phase === 'ready', 'the panel never became ready');
  await rendered(el);
  return { el, host };
}

const harness = (el: CsTelemetrySettings) => new PanelHarness(el);
const badge = (el: CsTelemetrySettings) => harness(el).badge;
const switchEl = (el: CsTelemetrySettings) => harness(el).switch.element;
const control = (el: CsTelemetrySettings) => harness(el).switch.control;
const alertRegion = (el: CsTelemetrySettings) => harness(el).alert;
const retryButton = (el: CsTelemetrySettings) => harness(el).retryButton;
const panelText = (el: CsTelemetrySettings) => harness(el).text;
const purpose = (el: CsTelemetrySettings) => harness(el).purposeText;
const dataTypesText = (el: CsTelemetrySettings) => harness(el).dataTypes.text;

/** Waits for the panel and the elements it renders to finish updating. */
async function rendered(el: CsTelemetrySettings): Promise<void> {
  await harness(el).updated();
}

interface Shown {
  status: TelemetryBadgeStatus;
  checked: boolean;
  disabled: boolean;
  locked?: boolean;
}

async function expectShows(el: CsTelemetrySettings, expected: Shown): Promise<void> {
  await rendered(el);
  expect(badge(el).getAttribute('status'), 'badge status').to.equal(expected.status);
  expect(badge(el).hasAttribute('locked'), 'badge locked').to.equal(expected.locked ?? false);
  expect(control(el).getAttribute('aria-checked'), 'aria-checked').to.equal(String(expected.checked));
  expect(switchEl(el).checked, 'switch checked').to.equal(expected.checked);
  // Locked by a policy, the switch is unavailable but stays focusable: aria-disabled, not disabled.
  const locked = expected.locked ?? false;
  expect(switchEl(el).disabled || switchEl(el).locked, 'switch unavailable').to.equal(expected.disabled);
  expect(control(el).disabled, 'control disabled').to.equal(expected.disabled && !locked);
  expect(control(el).getAttribute('aria-disabled'), 'control aria-disabled').to.equal(String(expected.disabled && locked));
}

async function until(el: CsTelemetrySettings, predicate: () => boolean, message: string): Promise<void> {
  await waitUntil(predicate, message, { timeout: 3000 });
  await rendered(el);
}

afterEach(() => {
  fixtureCleanup();
  for (const host of hosts.splice(0)) host.dispose();
});

describe('<cs-telemetry-settings>', () => {
  describe('states', () => {
    it('loading: says it is reading the setting, switch disabled, badge loading', async () => {
      const host = fakeHost({ manual: true });
      const el = await panel(host, 10_000);
      await expectShows(el, { status: 'loading', checked: false, disabled: true });
      expect(panelText(el)).to.contain('Reading your setting from Code Studio');
      expect(words(alertRegion(el))).to.equal('');
      expect(host.api.sent('telemetry/hello')).to.have.length(1);
      host.reply();
      await until(el, () => el.view.phase === 'ready', 'ready');
      expect(panelText(el)).to.not.contain('Reading your setting');
    });

    it('on: badge on, switch checked and usable, no alert', async () => {
      const { el } = await readyPanel({ enabled: true });
      await expectShows(el, { status: 'on', checked: true, disabled: false });
      expect(words(alertRegion(el))).to.equal('');
      expect(retryButton(el)).to.equal(null);
    });

    it('off: badge off, switch unchecked and usable', async () => {
      const { el } = await readyPanel({ enabled: false });
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      expect(words(alertRegion(el))).to.equal('');
    });

    it('saving: the switch flips at once and the badge says saving until the host answers', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      host.manual = true;
      control(el).click();
      await expectShows(el, { status: 'saving', checked: false, disabled: false });
      expect(host.api.last).to.deep.include({ type: 'telemetry/set', enabled: false });
      expect(host.state.enabled).to.equal(true);
      host.reply();
      await expectShows(el, { status: 'off', checked: false, disabled: false });
    });

    it('save failed, in German and Japanese: the alert joins its sentences as each language writes them', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      try {
        for (const [locale, expected] of [
          ['de', 'Speichern fehlgeschlagen. Die Telemetrie ist weiterhin aktiviert. Disk full.'],
          ['ja', '保存できませんでした。テレメトリはオンのままです。Disk full.'],
        ] as const) {
          await setLocale(locale);
          host.failNextSave('write-failed', 'Disk full.');
          control(el).click();
          await until(el, () => el.view.problem?.kind === 'save-failed', 'save-failed');
          await host.idle();
          await el.updateComplete;
          expect(words(alertRegion(el)).replace(/\s*(Wiederholen|再試行)$/, '')).to.equal(expected);
        }
      } finally {
        await setLocale('en');
      }
    });

    it('save failed: shows the host state, the reason and Retry in the alert; Retry saves', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      host.failNextSave('write-failed', 'The settings file is read-only.');
      control(el).click();
      await until(el, () => el.view.problem?.kind === 'save-failed', 'save-failed');
      await host.idle();
      await expectShows(el, { status: 'on', checked: true, disabled: false });
      const alert = words(alertRegion(el));
      expect(alert).to.contain('Could not save');
      expect(alert).to.contain('The settings file is read-only.');
      expect(alert).to.contain('still on');
      expect(host.api.sent('telemetry/get'), 'the host state is read again').to.have.length(1);
      const retry = retryButton(el)!;
      expect(words(retry)).to.equal('Retry');
      const setsBefore = host.api.sent('telemetry/set').length;
      retry.click();
      expect(host.api.sent('telemetry/set')).to.have.length(setsBefore + 1);
      expect(host.api.last).to.deep.include({ type: 'telemetry/set', enabled: false });
      await until(el, () => !el.view.saving, 'retry settled');
      expect(host.state.enabled).to.equal(false);
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      expect(words(alertRegion(el))).to.equal('');
    });

    it('save timed out: shows the host state again with a reason and Retry; saving is not left behind', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      host.manual = true;
      control(el).click();
      await expectShows(el, { status: 'saving', checked: false, disabled: false });
      await until(el, () => el.view.problem !== null, 'timeout');
      // The save may have landed: only the last confirmed value is named, as such, while the re-read is out.
      await expectShows(el, { status: 'on', checked: true, disabled: false });
      expect(words(alertRegion(el))).to.equal('Code Studio did not answer. It was last on.');
      expect(host.held.map((m) => m.type)).to.deep.equal(['telemetry/set', 'telemetry/get']);
      host.held.splice(0, 1); // the set was lost
      host.reply(); // the get: now the host has said so
      await expectShows(el, { status: 'on', checked: true, disabled: false });
      expect(words(alertRegion(el))).to.equal('Could not save. It is still on. Code Studio did not answer in time.');
      host.manual = false;
      retryButton(el)!.click();
      await until(el, () => !el.view.saving && host.state.enabled === false, 'retry saved');
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      expect(words(alertRegion(el))).to.equal('');
    });

    it('host unreachable: says so with Retry; Retry says hello again and recovers', async () => {
      const host = fakeHost({ enabled: false });
      host.silent = true;
      const el = await panel(host);
      await until(el, () => el.view.phase === 'unreachable', 'unreachable');
      await expectShows(el, { status: 'error', checked: false, disabled: true });
      expect(words(alertRegion(el))).to.contain("Can't reach Code Studio");
      host.silent = false;
      const hellos = host.api.sent('telemetry/hello').length;
      retryButton(el)!.click();
      expect(host.api.sent('telemetry/hello')).to.have.length(hellos + 1);
      await until(el, () => el.view.phase === 'ready', 'ready after retry');
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      expect(words(alertRegion(el))).to.equal('');
    });

    it('a save and the re-read after it both unanswered: Unknown, the switch disabled, and says the setting is not known', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      host.silent = true;
      control(el).click();
      await until(el, () => el.view.phase === 'unreachable', 'unreachable');
      await expectShows(el, { status: 'error', checked: true, disabled: true });
      expect(words(alertRegion(el))).to.equal('Code Studio did not answer. Your setting is not known now.');
      expect(harness(el).badgeText).to.equal('Unknown');
      host.silent = false;
      host.manual = true;
      retryButton(el)!.click();
      // Not known yet: checking, not the old value as if it were current.
      await expectShows(el, { status: 'loading', checked: true, disabled: true });
      expect(panelText(el)).to.contain('Reading your setting from Code Studio');
      await until(el, () => host.held.some((m) => m.type === 'telemetry/hello'), 'the hello sent, once a slot is free');
      host.replyAll();
      await until(el, () => el.view.phase === 'ready', 'ready');
      await expectShows(el, { status: 'on', checked: true, disabled: false });
      expect(words(alertRegion(el))).to.equal('');
    });

    it('a read unanswered with no save in doubt names the last known value; the badge is Unknown', async () => {
      const api = new FakeVsCodeApi({ csTelemetry: { rev: 4, state: { enabled: true } } });
      const host = fakeHost({ api, enabled: true });
      host.silent = true;
      const el = await panel(host);
      await until(el, () => el.view.phase === 'unreachable', 'unreachable');
      await expectShows(el, { status: 'error', checked: true, disabled: true });
      expect(words(alertRegion(el))).to.equal("Can't reach Code Studio to read or change this setting. It was last on.");
    });

    it('managed by policy: switch disabled, says so, badge locked', async () => {
      const { el, host } = await readyPanel({ enabled: false, managedBy: 'policy' });
      await expectShows(el, { status: 'off', checked: false, disabled: true, locked: true });
      expect(panelText(el)).to.contain('Managed by your organization');
      control(el).click();
      await rendered(el);
      expect(host.api.sent('telemetry/set')).to.have.length(0);
      await expectShows(el, { status: 'off', checked: false, disabled: true, locked: true });
    });

    it('a refused flip while locked leaves the switch showing the host state', async () => {
      const { el, host } = await readyPanel({ enabled: true, managedBy: 'policy' });
      // Make the switch usable behind the panel's back, as a stale or scripted click would find it.
      switchEl(el).removeAttribute('disabled');
      await waitUntil(() => !control(el).disabled, 'the control never became usable');
      expect(switchEl(el).checked).to.equal(true);
      control(el).click();
      await rendered(el);
      expect(host.api.sent('telemetry/set')).to.have.length(0);
      expect(switchEl(el).checked).to.equal(true);
      expect(control(el).getAttribute('aria-checked')).to.equal('true');
      expect(badge(el).getAttribute('status')).to.equal('on');
    });

    it('a policy pushed while idle locks the switch at once', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      host.push({ managedBy: 'policy', enabled: false });
      await expectShows(el, { status: 'off', checked: false, disabled: true, locked: true });
      expect(panelText(el)).to.contain('Managed by your organization');
    });

    it('a save refused as locked explains and offers no Retry', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      host.state.managedBy = 'policy'; // locked on the host, not pushed yet
      control(el).click();
      await until(el, () => el.view.problem !== null && el.view.host?.managedBy === 'policy', 'refused');
      await expectShows(el, { status: 'on', checked: true, disabled: true, locked: true });
      expect(words(alertRegion(el))).to.contain('organization manages this setting');
      expect(retryButton(el)).to.equal(null);
    });

    it('editor-wide telemetry off: says nothing is sent, switch usable, badge off', async () => {
      const { el, host } = await readyPanel({ enabled: true, editorTelemetryEnabled: false });
      await expectShows(el, { status: 'off', checked: true, disabled: false });
      expect(panelText(el)).to.contain('sends nothing');
      control(el).click();
      await until(el, () => !el.view.saving, 'saved');
      expect(host.state.enabled).to.equal(false);
      await expectShows(el, { status: 'off', checked: false, disabled: false });
    });

    it('signed in: shows login name and email as text and does not call the data anonymous', async () => {
      const { el } = await readyPanel({ enabled: true, account: { loginName: 'ada-l', email: 'ada@example.com' } });
      expect(dataTypesText(el)).to.contain('ada-l');
      expect(dataTypesText(el)).to.contain('ada@example.com');
      expect(purpose(el)).to.not.match(/anonymous/i);
      expect(purpose(el)).to.contain('usage data');
      expect(words(switchEl(el))).to.contain('not anonymous');
    });

    it('signed out: says so and calls the data anonymous', async () => {
      const { el, host } = await readyPanel({ enabled: true, account: null });
      expect(purpose(el)).to.contain('anonymous usage data');
      expect(dataTypesText(el)).to.contain('signed out');
      host.push({ account: { loginName: 'grace', email: 'grace@example.com' } });
      await rendered(el);
      await harness(el).dataTypes.element.updateComplete;
      expect(dataTypesText(el)).to.contain('grace@example.com');
      expect(purpose(el)).to.not.match(/anonymous/i);
    });

    it('needs an update: another protocol disables the switch and says Code Studio needs an update', async () => {
      const { el } = await readyPanel({ enabled: true });
      deliverFromHost({ type: 'telemetry/state', protocol: 2, rev: 9, state: { enabled: false } });
      await expectShows(el, { status: 'error', checked: true, disabled: true });
      expect(words(alertRegion(el))).to.contain('Code Studio needs an update');
      expect(retryButton(el)).to.equal(null);
    });

    it('a reloaded webview paints the saved state at once, without loading, then says hello', async () => {
      const api = new FakeVsCodeApi({
        csTelemetry: { rev: 4, state: { enabled: false, account: { loginName: 'ada-l', email: 'ada@example.com' } } },
      });
      const host = fakeHost({ api, manual: true, enabled: false });
      const el = await panel(host, 10_000);
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      expect(panelText(el)).to.not.contain('Reading your setting');
      expect(dataTypesText(el)).to.contain('ada@example.com');
      expect(api.posted).to.have.length(1);
      expect(api.last!.type).to.equal('telemetry/hello');
    });

    it('bad input from the host changes nothing', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      const warn = console.warn;
      console.warn = () => {};
      try {
        for (const data of [null, 'x', { type: 'telemetry/state' }, { type: 'telemetry/state', protocol: 1, rev: 99, state: { enabled: 'no' } }]) {
          deliverFromHost(data);
        }
      } finally {
        console.warn = warn;
      }
      await expectShows(el, { status: 'on', checked: true, disabled: false });
      expect(el.view.phase).to.equal('ready');
      host.push({ enabled: false });
      await expectShows(el, { status: 'off', checked: false, disabled: false });
    });
  });

  describe('the product flow', () => {
    it('switch off sends a set, the host turns off, badge off; switch on again turns the host on', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      control(el).click();
      expect(host.api.last).to.deep.include({ type: 'telemetry/set', enabled: false });
      await until(el, () => !el.view.saving, 'off saved');
      expect(host.state.enabled).to.equal(false);
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      control(el).click();
      expect(host.api.last).to.deep.include({ type: 'telemetry/set', enabled: true });
      await until(el, () => !el.view.saving, 'on saved');
      expect(host.state.enabled).to.equal(true);
      await expectShows(el, { status: 'on', checked: true, disabled: false });
    });

    it('Space on the focused switch flips it like a click', async () => {
      const { el, host } = await readyPanel({ enabled: false });
      control(el).focus();
      await sendKeys({ press: 'Space' });
      await until(el, () => host.state.enabled === true && !el.view.saving, 'saved');
      await expectShows(el, { status: 'on', checked: true, disabled: false });
    });

    it('rapid clicks end with the switch showing the host state', async () => {
      const { el, host } = await readyPanel({ enabled: true, delay: 5 });
      for (let i = 0; i < 5; i++) control(el).click();
      // The hello and three sets fill the second's sends; the last two intents wait, the latter replacing the former.
      expect(host.api.sent('telemetry/set').map((m) => m.enabled)).to.deep.equal([false, true, false]);
      await until(el, () => !el.view.saving, 'settled');
      expect(host.api.sent('telemetry/set').map((m) => m.enabled)).to.deep.equal([false, true, false, false]);
      await host.idle();
      expect(host.state.enabled).to.equal(false);
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      expect(el.view.enabled).to.equal(host.state.enabled);
    });

    it('a flip refused before the panel renders leaves the switch showing the host state (found by the stress test)', async () => {
      const { el, host } = await readyPanel({ enabled: false });
      host.manual = true;
      host.failNextSave('write-failed');
      control(el).click(); // shows on, saving...
      host.reply(); // ...and is refused in the same task, before any render
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      expect(words(alertRegion(el))).to.contain('Could not save');
    });

    it('a pushed state shows at once and sends nothing back', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      const posted = host.api.posted.length;
      host.push({ enabled: false });
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      host.push({ enabled: true, editorTelemetryEnabled: false });
      await expectShows(el, { status: 'off', checked: true, disabled: false });
      expect(host.api.posted).to.have.length(posted);
    });

    it('the alert region is a role=alert live region, present and empty when all is well', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      const region = alertRegion(el);
      expect(region.getAttribute('role')).to.equal('alert');
      expect(words(region)).to.equal('');
      host.failNextSave('write-failed', 'Disk full.');
      control(el).click();
      await until(el, () => el.view.problem !== null, 'failed');
      expect(alertRegion(el), 'the same region fills').to.equal(region);
      expect(words(region)).to.contain('Disk full.');
    });

    it('a new timeout reconnects with a fresh hello', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      el.timeout = 200;
      await until(el, () => host.api.sent('telemetry/hello').length === 2, 'second hello');
      await host.idle();
      await expectShows(el, { status: 'on', checked: true, disabled: false });
    });
  });

  describe('context', () => {
    it('a slotted consumer receives the view and its updates', async () => {
      const host = fakeHost({ enabled: true });
      const el = await fixture<CsTelemetrySettings>(html`
        <cs-telemetry-settings .vscodeApi=${host.api} .timeout=${TIMEOUT}>
          <test-telemetry-consumer></test-telemetry-consumer>
        </cs-telemetry-settings>
      `);
      const consumer = el.querySelector<TestTelemetryConsumer>('test-telemetry-consumer')!;
      await until(el, () => el.view.phase === 'ready', 'ready');
      await consumer.updateComplete;
      expect(consumer.telemetry.value).to.equal(el.view);
      expect(words(consumer.shadowRoot)).to.equal('ready:true');
      control(el).click();
      await consumer.updateComplete;
      expect(consumer.telemetry.value).to.include({ enabled: false, saving: true });
      await until(el, () => !el.view.saving, 'saved');
      await consumer.updateComplete;
      expect(consumer.telemetry.value).to.equal(el.view);
      expect(words(consumer.shadowRoot)).to.equal('ready:false');
      expect(consumer.seen.map((v) => v.phase)).to.include('loading');
    });
  });

  describe('accessibility', () => {
    it('passes axe when on', async () => {
      const { el } = await readyPanel({ enabled: true });
      await expect(el).to.be.accessible();
    });

    it('passes axe when off', async () => {
      const { el } = await readyPanel({ enabled: false });
      await expect(el).to.be.accessible();
    });

    it('passes axe with a save error and Retry showing', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      host.failNextSave('write-failed', 'Disk full.');
      control(el).click();
      await until(el, () => el.view.problem !== null, 'failed');
      await host.idle();
      await rendered(el);
      expect(retryButton(el)).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('passes axe when locked', async () => {
      const { el } = await readyPanel({ enabled: true, managedBy: 'policy' });
      await expect(el).to.be.accessible();
    });

    it('passes axe when editor-wide telemetry is off', async () => {
      const { el } = await readyPanel({ enabled: true, editorTelemetryEnabled: false });
      await expect(el).to.be.accessible();
    });

    it('passes axe when signed in', async () => {
      const { el } = await readyPanel({ enabled: true, account: { loginName: 'ada-l', email: 'ada@example.com' } });
      await expect(el).to.be.accessible();
    });
  });

  describe('hostile input', () => {
    it('renders a hostile login name as text only', async () => {
      const hostile = '<img src=x onerror=window.__pwned=1>';
      const { el } = await readyPanel({ enabled: true, account: { loginName: hostile, email: '"><script>window.__pwned=2</script>' } });
      const dataTypes = harness(el).dataTypes;
      await dataTypes.element.updateComplete;
      expect(dataTypesText(el)).to.contain(hostile);
      expect(dataTypesText(el)).to.contain('<script>window.__pwned=2</script>');
      for (const root of [harness(el).root, dataTypes.root, harness(el).switch.root]) {
        expect(root.querySelector('img'), 'no img element').to.equal(null);
        expect(root.querySelector('script'), 'no script element').to.equal(null);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as unknown as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });

    it('renders script-like names and emails as text, runs nothing, and wraps long ones within the panel', async () => {
      const hostile = [
        ['<svg onload=window.__pwned=3>', 'javascript:window.__pwned=4'],
        ['${window.__pwned=5}{{constructor.constructor("window.__pwned=6")()}}', '<iframe srcdoc="<script>parent.__pwned=7</script>">'],
        ['</p><style>*{display:none}</style>', `${'<b>'.repeat(400)}@example.com`],
        ['\u202eadmin\u0000', `${'x'.repeat(3000)}@example.com`],
      ];
      for (const [loginName, email] of hostile) {
        const host = fakeHost({ enabled: true, account: { loginName, email } });
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px"></div>`);
        const el = document.createElement('cs-telemetry-settings');
        el.vscodeApi = host.api;
        wrapper.append(el);
        await until(el, () => el.view.phase === 'ready', 'ready');
        const dataTypes = harness(el).dataTypes;
        await dataTypes.element.updateComplete;
        const account = dataTypes.account!;
        const names = [...account.querySelectorAll('b')].map((b) => b.textContent);
        expect(names, 'each value is one text node, exactly as sent').to.deep.equal([loginName, email]);
        expect(account.querySelectorAll('*').length, 'no element but the two <b>').to.equal(2);
        for (const root of [harness(el).root, dataTypes.root]) {
          expect(root.querySelector('svg[onload], iframe, style:not([nonce]), script'), 'no injected element').to.equal(null);
        }
        expect(el.getBoundingClientRect().width).to.equal(300);
        expect(account.scrollWidth, 'the long value wraps').to.be.at.most(account.clientWidth);
        expect(account.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect((window as unknown as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
  });

  describe('connection', () => {
    it('a panel moved in the DOM reconnects to the host', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      host.push({ enabled: false });
      await until(el, () => el.view.enabled === false, 'the moved panel heard the host again');
      await expectShows(el, { status: 'off', checked: false, disabled: false });
    });

    it('a vscodeApi swapped after the first update reconnects to the new host', async () => {
      const { el, host } = await readyPanel({ enabled: true });
      const other = fakeHost({ enabled: false });
      el.vscodeApi = other.api;
      await until(el, () => el.view.host?.enabled === false, 'connected to the other host');
      expect(other.api.sent('telemetry/hello')).to.have.length(1);
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      const posted = host.api.posted.length;
      control(el).click();
      await until(el, () => !el.view.saving, 'saved');
      expect(other.state.enabled).to.equal(true);
      expect(host.api.posted, 'the old host hears nothing more').to.have.length(posted);
    });
  });

  describe('claims only what the host confirmed', () => {
    const ada = { loginName: 'ada-l', email: 'ada@example.com' };
    const accountControl = (el: CsTelemetrySettings) => harness(el).dataTypes.accountSwitch!.control;
    /** Answers until the host holds nothing more: a hello's answer may bring a get, and so on. */
    const replyUntilQuiet = (host: FakeHost) => {
      while (host.held.length) host.replyAll();
    };
    /** Clicks the main switch against a host told to refuse the save, and waits for the words and the re-read. */
    async function refusedWith(code: string, message: string, locale: SupportedLocale = 'en') {
      const { el, host } = await readyPanel({ enabled: true });
      await setLocale(locale);
      host.failNextSave(code, message);
      control(el).click();
      await until(el, () => el.view.problem !== null, 'refused');
      await host.idle();
      await rendered(el);
      return { el, host };
    }

    it('the badge is Unknown while the value is not known, whatever else the view says', () => {
      const host = normalizeState({ enabled: true });
      const known: TelemetryView = { ...LOADING_VIEW, phase: 'ready', enabled: true, host, certainty: 'last-known' };
      expect(badgeStatus(known), 'last known: the badge may name it').to.equal('on');
      expect(badgeStatus({ ...known, certainty: 'unknown' })).to.equal('error');
    });

    it('an account save timed out: names the value last confirmed, then "still" once the re-read answers', async () => {
      const { el, host } = await readyPanel({ enabled: true, account: ada, accountLinked: false });
      host.manual = true;
      accountControl(el).click();
      await until(el, () => el.view.problem !== null, 'timeout');
      expect(words(alertRegion(el))).to.equal('Code Studio did not answer. Your account details were last left out.');
      host.held.splice(0, 1); // the set was lost
      host.reply(); // the get
      await rendered(el);
      expect(words(alertRegion(el))).to.equal(
        'Could not save. Your account details are still not included. Code Studio did not answer in time.',
      );
    });

    it('the words after silence, in German and Japanese', async () => {
      try {
        for (const [locale, last, unknown] of [
          ['de', 'Code Studio hat nicht geantwortet. Zuletzt war die Telemetrie aktiviert.', 'Code Studio hat nicht geantwortet. Ihre Einstellung ist derzeit nicht bekannt.'],
          ['ja', 'Code Studio が応答しませんでした。最後に確認した状態はオンです。', 'Code Studio が応答しませんでした。現在の設定は不明です。'],
        ] as const) {
          const { el, host } = await readyPanel({ enabled: true });
          await setLocale(locale);
          host.silent = true;
          control(el).click();
          await until(el, () => el.view.problem?.kind === 'save-failed', 'timeout');
          expect(words(alertRegion(el)).replace(/\s*(Wiederholen|再試行)$/, '')).to.equal(last);
          await until(el, () => el.view.certainty === 'unknown', 'the re-read fails too');
          expect(words(alertRegion(el)).replace(/\s*(Wiederholen|再試行)$/, '')).to.equal(unknown);
          fixtureCleanup();
        }
      } finally {
        await setLocale('en');
      }
    });

    it('overridden: "Could not save", the value still, and the host\'s words naming the scope', async () => {
      const { el } = await refusedWith('overridden', 'A workspace setting overrides this.');
      await expectShows(el, { status: 'on', checked: true, disabled: false });
      expect(words(alertRegion(el))).to.equal('Could not save. It is still on. A workspace setting overrides this.');
    });

    it('overridden without words: says a workspace or folder setting decides', async () => {
      const { el } = await refusedWith('overridden', '');
      expect(words(alertRegion(el))).to.equal('Could not save. It is still on. A workspace or folder setting overrides this.');
    });

    it("locked by a policy: the panel's own words, in its language, and no Retry", async () => {
      try {
        const { el } = await refusedWith('locked', LOCKED_MESSAGES.policy, 'de');
        expect(words(alertRegion(el))).to.equal(
          'Speichern fehlgeschlagen. Die Telemetrie ist weiterhin aktiviert. Ihre Organisation verwaltet diese Einstellung.',
        );
        expect(retryButton(el)).to.equal(null);
      } finally {
        await setLocale('en');
      }
    });

    it("locked because the policy could not be read: that sentence, in the panel's language, and no Retry", async () => {
      const { el } = await refusedWith('locked', LOCKED_MESSAGES.unreadable);
      expect(words(alertRegion(el))).to.equal(`Could not save. It is still on. ${LOCKED_MESSAGES.unreadable}`);
      expect(retryButton(el)).to.equal(null);
      try {
        await setLocale('de');
        await rendered(el);
        expect(words(alertRegion(el))).to.equal(
          'Speichern fehlgeschlagen. Die Telemetrie ist weiterhin aktiviert. Code Studio konnte die Richtlinie Ihrer Organisation für diese Einstellung nicht lesen, daher kann sie jetzt nicht geändert werden.',
        );
      } finally {
        await setLocale('en');
      }
    });

    it("locked with other words: the host's words as it wrote them, and no Retry", async () => {
      const { el } = await refusedWith('locked', 'The admin tool holds this setting.');
      expect(words(alertRegion(el))).to.equal('Could not save. It is still on. The admin tool holds this setting.');
      expect(retryButton(el)).to.equal(null);
    });

    it('an error from a restarted host says "still" only once that host\'s state has come', async () => {
      const { el, host } = await readyPanel({ enabled: true, instance: 'a' });
      host.manual = true;
      host.restart({ instance: 'b' });
      host.failNextSave('write-failed', 'Disk full.');
      control(el).click();
      host.reply(); // b's error
      await rendered(el);
      expect(words(alertRegion(el))).to.equal('Could not save. Disk full.');
      host.reply(); // the get: b's state
      await rendered(el);
      expect(words(alertRegion(el))).to.equal('Could not save. It is still on. Disk full.');
    });

    it('a restarted host that names its instance: its push with a lower rev is shown', async () => {
      const { el, host } = await readyPanel({ enabled: true, rev: 7, instance: 'a' });
      host.restart({ instance: 'b' });
      host.push({ enabled: false });
      await expectShows(el, { status: 'off', checked: false, disabled: false });
    });

    it("a restarted host without an id: the user's save is shown saving until checked, then as the host holds it", async () => {
      const { el, host } = await readyPanel({ enabled: true, rev: 7 });
      host.manual = true;
      host.restart();
      control(el).click();
      host.reply(); // written, rev 2: below what was shown
      await expectShows(el, { status: 'saving', checked: false, disabled: false });
      replyUntilQuiet(host);
      await expectShows(el, { status: 'off', checked: false, disabled: false });
      expect(host.state.enabled).to.equal(false);
      expect(words(alertRegion(el))).to.equal('');
      host.push({ enabled: true }); // and the new count goes on
      await expectShows(el, { status: 'on', checked: true, disabled: false });
    });
  });

  // Last: provideVsCodeApi sets module state that every later panel without a vscodeApi would pick up.
  describe('without a host', () => {
    it('shows "Not connected" until a vscodeApi is set, then connects', async () => {
      expect(globalThis.acquireVsCodeApi).to.equal(undefined);
      const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .timeout=${TIMEOUT}></cs-telemetry-settings>`);
      await expectShows(el, { status: 'error', checked: false, disabled: true });
      expect(words(alertRegion(el))).to.contain('Not connected to Code Studio');
      const host = fakeHost({ enabled: true });
      el.vscodeApi = host.api;
      await until(el, () => el.view.phase === 'ready', 'connected');
      expect(host.api.sent('telemetry/hello')).to.have.length(1);
      await expectShows(el, { status: 'on', checked: true, disabled: false });
      expect(words(alertRegion(el))).to.equal('');
    });

    it('a panel showing "Not connected" uses an API provided later from its next update on', async () => {
      expect(globalThis.acquireVsCodeApi).to.equal(undefined);
      const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .timeout=${TIMEOUT}></cs-telemetry-settings>`);
      await expectShows(el, { status: 'error', checked: false, disabled: true });
      expect(words(alertRegion(el))).to.contain('Not connected to Code Studio');
      expect(retryButton(el)).to.equal(null);
      const host = fakeHost({ enabled: false });
      try {
        provideVsCodeApi(host.api);
        el.requestUpdate();
        await until(el, () => el.view.phase === 'ready', 'connected');
        expect(host.api.sent('telemetry/hello')).to.have.length(1);
        await expectShows(el, { status: 'off', checked: false, disabled: false });
        expect(words(alertRegion(el))).to.equal('');
      } finally {
        // Leave an inert API behind rather than this test's host.
        provideVsCodeApi(new FakeVsCodeApi());
      }
    });

    it('a panel inserted after provideVsCodeApi connects through it without a vscodeApi property', async () => {
      const host = fakeHost({ enabled: true });
      try {
        provideVsCodeApi(host.api);
        const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .timeout=${TIMEOUT}></cs-telemetry-settings>`);
        await until(el, () => el.view.phase === 'ready', 'connected');
        expect(host.api.sent('telemetry/hello')).to.have.length(1);
        await expectShows(el, { status: 'on', checked: true, disabled: false });
        control(el).click();
        await until(el, () => !el.view.saving, 'saved');
        expect(host.state.enabled).to.equal(false);
      } finally {
        provideVsCodeApi(new FakeVsCodeApi());
      }
    });
  });

  describe('the protocol\'s extensions', () => {
    const ada = { loginName: 'ada-l', email: 'ada@example.com' };
    const dataTypes = (el: CsTelemetrySettings) => harness(el).dataTypes;
    const accountSwitch = (el: CsTelemetrySettings) => dataTypes(el).accountSwitch?.element ?? null;
    const accountControl = (el: CsTelemetrySettings) => dataTypes(el).accountSwitch!.control;
    const badgeText = (el: CsTelemetrySettings) => harness(el).badgeText;
    const history = (el: CsTelemetrySettings) => harness(el).history;
    const linkButtons = (el: CsTelemetrySettings) => harness(el).links;
    /** The panel, its data types list, and the lists and switch that list renders, all updated. */
    const settled = rendered;

    describe('backwards compatibility: a host that offers none of them', () => {
      it('shows no new control and exactly the words it showed before', async () => {
        const { el } = await readyPanel({ enabled: true, account: ada });
        await settled(el);
        expect(accountSwitch(el)).to.equal(null);
        expect(history(el)).to.equal(null);
        expect(harness(el).root.querySelector('[part=links]')).to.equal(null);
        expect(dataTypes(el).root.querySelector('[part=events-toggle]')).to.equal(null);
        expect(badgeText(el)).to.equal('On');
        expect(badge(el).hasAttribute('identity')).to.equal(false);
        expect(panelText(el)).to.equal(
          'Telemetry ' +
            'Code Studio collects usage data to improve product quality and user experience. It helps the team understand feature usage, find performance issues and prioritise enhancements. ' +
            'Allow Anonymous TelemetryTakes effect at once; change it at any time. While you are signed in, your login name and email are sent with this data, so it is not anonymous. ' +
            'Never collected Your code, your prompts, your files.',
        );
        expect(dataTypesText(el)).to.equal(
          'What is collected when telemetry is on System configurations Information about your operating system and development environment. Shows problems that affect only some systems. ' +
            "The editor itself adds to every event: an anonymous machine id and session id, the editor's version, the extension's name and version, and the kind of window and remote. " +
            'Model and command The AI model and the command used. Shows what to improve first. ' +
            'Token usage The number of tokens generated during interactions. A count only, never the text. ' +
            'Autocomplete feedback Whether you accepted or rejected suggestions. Never the suggestion or your code. ' +
            'Account details, when signed in Your login name and email. Attached now: ada-l (ada@example.com). These identify you. They identify you, so this data is not anonymous. Sign out to stop sending them. ' +
            'Code Studio sends them only while you are signed in and your account details are included. It marks your email as trusted, so the editor sends it as written instead of replacing it with "<REDACTED: …>".',
        );
        expect(words(harness(el).badgeBase)).to.equal('On');
        expect(harness(el).badgeBase.getAttribute('aria-label')).to.equal('Telemetry status: On');
      });

      it('signed out, the purpose still calls the data anonymous, word for word', async () => {
        const { el } = await readyPanel({ enabled: false, account: null });
        expect(purpose(el)).to.equal(
          'Code Studio collects anonymous usage data to improve product quality and user experience. It helps the team understand feature usage, find performance issues and prioritise enhancements.',
        );
        expect(words(switchEl(el))).to.equal('Allow Anonymous TelemetryTakes effect at once; change it at any time.');
      });

      it('the failure texts are as before', async () => {
        const { el, host } = await readyPanel({ enabled: true });
        host.failNextSave('write-failed', 'Disk full.');
        control(el).click();
        await until(el, () => el.view.problem !== null, 'failed');
        expect(words(alertRegion(el))).to.equal('Could not save. It is still on. Disk full.');
      });

      it('the section carries the active locale as its language', async () => {
        const { el } = await readyPanel({ enabled: true });
        expect(harness(el).section!.getAttribute('lang')).to.equal('en');
      });

      it('the section is marked in a language screen readers know, German as de, the pseudo-locale as English', async () => {
        const { el } = await readyPanel({ enabled: true });
        try {
          await setLocale('de');
          await el.updateComplete;
          expect(harness(el).section!.getAttribute('lang')).to.equal('de');
          await setLocale('qps-ploc');
          await el.updateComplete;
          expect(harness(el).section!.getAttribute('lang')).to.equal('en');
        } finally {
          await setLocale('en');
        }
      });
    });

    describe('account consent', () => {
      it('the account item carries its own switch, showing the host value', async () => {
        const { el } = await readyPanel({ enabled: true, account: ada, accountLinked: true });
        await settled(el);
        expect(words(accountSwitch(el))).to.equal('Include my account details (login name and email)');
        expect(accountControl(el).getAttribute('aria-checked')).to.equal('true');
        expect(accountControl(el).disabled).to.equal(false);
      });

      it('the badge tells the truth in words: anonymous unless linked and signed in', async () => {
        const { el, host } = await readyPanel({ enabled: true, account: null, accountLinked: true });
        await settled(el);
        expect(badgeText(el)).to.equal('On, anonymous');
        expect(purpose(el)).to.contain('anonymous usage data');
        host.push({ account: ada });
        await until(el, () => !!el.view.host?.account, 'signed in');
        expect(badgeText(el)).to.equal('On, with your account');
        expect(harness(el).badgeBase.getAttribute('aria-label')).to.equal('Telemetry status: On, with your account');
        expect(purpose(el)).to.not.match(/anonymous/i);
        const help = harness(el).switch.help;
        expect(help.replace('so it is not anonymous', '')).to.not.match(/anonymous/i);
        expect(help).to.contain('so it is not anonymous');
        host.push({ accountLinked: false });
        await until(el, () => el.view.accountLinked === false, 'unlinked');
        expect(badgeText(el)).to.equal('On, anonymous');
        expect(purpose(el)).to.contain('anonymous usage data');
        expect(words(switchEl(el))).to.equal('Allow Anonymous TelemetryTakes effect at once; change it at any time.');
        host.push({ enabled: false });
        await until(el, () => el.view.enabled === false, 'off');
        expect(badgeText(el)).to.equal('Off');
      });

      it('a flip is shown at once, saved, and settled; the main switch is untouched', async () => {
        const { el, host } = await readyPanel({ enabled: true, account: ada, accountLinked: false });
        await settled(el);
        host.manual = true;
        accountControl(el).click();
        await settled(el);
        expect(accountControl(el).getAttribute('aria-checked')).to.equal('true');
        expect(badge(el).getAttribute('status')).to.equal('saving');
        expect(host.held.at(-1)).to.include({ type: 'telemetry/set', accountLinked: true });
        expect(control(el).getAttribute('aria-checked')).to.equal('true');
        host.replyAll();
        await until(el, () => !el.view.accountSaving, 'saved');
        await settled(el);
        expect(host.state.accountLinked).to.equal(true);
        expect(badgeText(el)).to.equal('On, with your account');
      });

      it('a failed save rolls back and is announced in the alert with Retry, which saves it', async () => {
        const { el, host } = await readyPanel({ enabled: true, account: ada, accountLinked: false });
        await settled(el);
        host.failNextSave('write-failed', 'Disk full.');
        accountControl(el).click();
        await until(el, () => el.view.problem !== null, 'failed');
        await host.idle();
        await settled(el);
        expect(accountControl(el).getAttribute('aria-checked')).to.equal('false');
        expect(words(alertRegion(el))).to.equal('Could not save. Your account details are still not included. Disk full.');
        await expect(el).to.be.accessible();
        retryButton(el)!.click();
        await until(el, () => el.view.accountLinked === true && !el.view.accountSaving, 'retried');
        await settled(el);
        expect(host.state.accountLinked).to.equal(true);
        expect(words(alertRegion(el))).to.equal('');
      });

      it('a policy disables it too', async () => {
        const { el } = await readyPanel({ enabled: true, account: ada, accountLinked: true, managedBy: 'policy' });
        await settled(el);
        expect(accountControl(el).getAttribute('aria-disabled'), 'unavailable, still focusable').to.equal('true');
      });
    });

    describe('history', () => {
      const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

      for (const [changedBy, text] of [
        ['user', 'Last changed 5 minutes ago, from this page'],
        ['settings-file', 'Last changed 5 minutes ago, in your settings'],
        ['policy', "Last changed 5 minutes ago, by your organization's policy"],
      ] as const) {
        it(`says "${text}" for ${changedBy}, with the absolute time in a <time>`, async () => {
          const changedAt = minutesAgo(5);
          const { el } = await readyPanel({ enabled: true, changedBy, changedAt });
          expect(words(history(el))).to.equal(text);
          const time = history(el)!.querySelector('time')!;
          expect(time.getAttribute('datetime')).to.equal(changedAt);
          expect(time.title).to.equal(
            new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(changedAt)),
          );
        });
      }

      it('says the default has not been changed', async () => {
        const { el } = await readyPanel({ enabled: true, changedBy: 'default', changedAt: null });
        expect(words(history(el))).to.equal('Not changed yet: this is the default.');
      });

      it('shows nothing without changedBy, and nothing without a time', async () => {
        const { el, host } = await readyPanel({ enabled: true, changedAt: minutesAgo(5) });
        expect(history(el)).to.equal(null);
        host.change({ changedBy: 'user' });
        host.deliver({ ...host.stateMessage(), state: { ...host.state, changedAt: null } });
        await until(el, () => el.view.host?.changedBy === 'user', 'pushed');
        expect(history(el)).to.equal(null);
      });

      it('updates as time passes without rendering the panel again, and stops its timer when removed', async () => {
        const start = Date.parse('2026-01-01T12:00:00Z');
        const scheduler = new ManualClock(start);
        const { el } = await readyPanel({ enabled: true, changedBy: 'user', changedAt: new Date(start - 30_000).toISOString() }, scheduler);
        let renders = 0;
        const render = el.render.bind(el);
        el.render = () => (renders++, render());
        expect(words(history(el))).to.equal('Last changed now, from this page');
        expect(scheduler.pending).to.equal(1);
        scheduler.advance(30_000);
        expect(words(history(el))).to.equal('Last changed 1 minute ago, from this page');
        scheduler.advance(4 * 60_000);
        expect(words(history(el))).to.equal('Last changed 5 minutes ago, from this page');
        scheduler.advance(2 * 60 * 60_000);
        expect(words(history(el))).to.equal('Last changed 2 hours ago, from this page');
        scheduler.advance(24 * 60 * 60_000);
        expect(words(history(el))).to.equal('Last changed yesterday, from this page');
        await el.updateComplete;
        expect(renders, 'panel renders').to.equal(0);
        el.remove();
        expect(scheduler.pending, 'timer stopped').to.equal(0);
      });
    });

    describe('links', () => {
      it('shows only the links the host offers, as buttons that ask the host to open them', async () => {
        const { el, host } = await readyPanel({ enabled: true, offers: ['how-telemetry-works', 'unknown-thing'] });
        expect(linkButtons(el).map((b) => words(b))).to.deep.equal(['How telemetry works']);
        expect(harness(el).root.querySelector('a')).to.equal(null);
        linkButtons(el)[0].focus();
        await sendKeys({ press: 'Enter' });
        expect(host.opened).to.deep.equal(['how-telemetry-works']);
        host.push({ offers: ['privacy-statement', 'how-telemetry-works'] });
        await until(el, () => el.view.host?.offers.length === 2, 'pushed');
        expect(linkButtons(el).map((b) => words(b))).to.deep.equal(['Privacy statement', 'How telemetry works']);
        linkButtons(el)[0].click();
        expect(host.opened).to.deep.equal(['how-telemetry-works', 'privacy-statement']);
        expect(location.href).to.not.contain('privacy');
        await expect(el).to.be.accessible();
      });
    });

    describe('see what is sent', () => {
      const sent = (name: string, data: TelemetryEvent['data'] = {}, category: TelemetryCategory = 'tokens'): TelemetryEvent => ({
        time: '2026-01-02T03:04:05.000Z',
        category,
        name,
        data,
      });
      const eventsToggle = (el: CsTelemetrySettings, index: number) => dataTypes(el).eventsToggles[index];
      const events = (el: CsTelemetrySettings, index: number) => dataTypes(el).eventsLists[index];
      const eventsList = (el: CsTelemetrySettings, index: number) => events(el, index).element;

      it('opening a category asks the host for its events and lists them, newest first', async () => {
        const { el, host } = await readyPanel({ enabled: true, offers: ['events'] });
        host.eventSource = (category) => (category === 'tokens' ? [sent('old', { count: 1 }), sent('new', { count: 2 })] : []);
        await settled(el);
        // Offered events load the list's element (a chunk of its own in the webview bundle).
        await customElements.whenDefined('cs-telemetry-events');
        expect(dataTypes(el).eventsToggles).to.have.length(5);
        host.manual = true;
        eventsToggle(el, 2).click();
        await settled(el);
        expect(eventsToggle(el, 2).getAttribute('aria-expanded')).to.equal('true');
        expect(eventsList(el, 2).status).to.equal('loading');
        expect(host.held.at(-1)).to.include({ type: 'telemetry/events', category: 'tokens' });
        host.replyAll();
        await waitUntil(() => eventsList(el, 2).status === 'ready', 'ready');
        await settled(el);
        const names = events(el, 2).names;
        expect(names).to.deep.equal(['new', 'old']);
        await expect(el).to.be.accessible();
      });

      it('an error says so with the host words, and Retry asks again', async () => {
        const { el, host } = await readyPanel({ enabled: true, offers: ['events'] });
        host.failNextEvents('read-failed', 'The log is gone.');
        eventsToggle(el, 0).click();
        await waitUntil(() => eventsList(el, 0).status === 'error', 'error');
        await settled(el);
        expect(events(el, 0).statusText).to.equal('Could not load the events. The log is gone.');
        host.eventSource = (category) => [sent('again', {}, category)];
        events(el, 0).retry();
        await waitUntil(() => eventsList(el, 0).status === 'ready', 'ready after retry');
        expect(host.received.filter((m) => m.type === 'telemetry/events')).to.have.length(2);
      });

      it('with telemetry off it says nothing is sent, without asking the host', async () => {
        const { el, host } = await readyPanel({ enabled: false, offers: ['events'] });
        eventsToggle(el, 1).click();
        await settled(el);
        expect(eventsList(el, 1).status).to.equal('off');
        expect(events(el, 1).statusText).to.equal('Telemetry is off, so nothing is sent.');
        expect(host.received.filter((m) => m.type === 'telemetry/events')).to.have.length(0);
        await expect(el).to.be.accessible();
      });

      it('a malformed events reply is ignored and the list keeps loading until a good one', async () => {
        const { el, host } = await readyPanel({ enabled: true, offers: ['events'] });
        host.manual = true;
        eventsToggle(el, 0).click();
        await settled(el);
        const request = host.held.at(-1)!;
        deliverFromHost({ type: 'telemetry/events', protocol: 1, inReplyTo: request.id, events: [{ time: 'x', category: 'system', name: 'n', data: { nested: { a: 1 } } }] });
        await settled(el);
        expect(eventsList(el, 0).status).to.equal('loading');
        host.replyAll();
        await waitUntil(() => eventsList(el, 0).status === 'ready', 'ready');
      });

      it("an older, slower answer never overwrites the latest request's", async () => {
        const { el, host } = await readyPanel({ enabled: true, offers: ['events'] });
        host.manual = true;
        eventsToggle(el, 0).click();
        await settled(el);
        const older = host.held.at(-1)!;
        eventsToggle(el, 0).click(); // closed
        eventsToggle(el, 0).click(); // opened again: asks again
        await settled(el);
        const newer = host.held.at(-1)!;
        expect(newer.id).to.not.equal(older.id);
        host.eventSource = (category) => [sent('newer', {}, category)];
        host.reply(newer.id);
        await waitUntil(() => eventsList(el, 0).status === 'ready', 'ready');
        host.eventSource = (category) => [sent('older', {}, category)];
        host.reply(older.id);
        await settled(el);
        await eventsList(el, 0).updateComplete;
        const names = [...events(el, 0).root.querySelectorAll('[part=event] .name')].map((n) => n.textContent);
        expect(names).to.deep.equal(['newer']);
      });

      it('hostile event data is rendered as text', async () => {
        const { el, host } = await readyPanel({ enabled: true, offers: ['events'] });
        const evil = '<img src=x onerror="window.__pwned=1">';
        host.eventSource = () => [sent(evil, { [evil]: evil })];
        eventsToggle(el, 2).click();
        await waitUntil(() => eventsList(el, 2).status === 'ready', 'ready');
        await settled(el);
        const list = events(el, 2).root;
        expect(list.querySelector('img')).to.equal(null);
        expect(list.querySelector('.name')!.textContent).to.equal(evil);
        expect(list.querySelector('dt')!.textContent).to.equal(evil);
        expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      });
    });
  });
});

describe("<cs-telemetry-settings> and the editor's telemetry level", () => {
  const notes = (el: CsTelemetrySettings) => harness(el).notes.map((note) => words(note));
  // The words each level shows under the setting row, and the badge with the switch on, in each language.
  const WORDS = {
    en: {
      error: "The editor's telemetry is set to errors only, so Code Studio sends only error reports while this switch is on, and no usage data.",
      crash:
        "The editor's telemetry is set to crash reports only, so Code Studio sends nothing, whatever this switch says. The editor itself may still send crash reports.",
      off: "The editor's telemetry is off, so Code Studio sends nothing, whatever this switch says.",
      badge: { all: 'On', error: 'Errors only', crash: 'Off', off: 'Off' },
    },
    de: {
      error:
        'Die Telemetrie des Editors ist auf Fehler beschränkt. Code Studio sendet daher nur Fehlerberichte, solange dieser Schalter aktiviert ist, und keine Nutzungsdaten.',
      crash:
        'Die Telemetrie des Editors ist auf Absturzberichte beschränkt. Code Studio sendet daher nichts, unabhängig von diesem Schalter. Der Editor selbst kann weiterhin Absturzberichte senden.',
      off: 'Die Telemetrie des Editors ist deaktiviert. Code Studio sendet daher nichts, unabhängig von diesem Schalter.',
      badge: { all: 'Ein', error: 'Nur Fehler', crash: 'Aus', off: 'Aus' },
    },
    ja: {
      error:
        'エディターのテレメトリがエラーのみに設定されているため、Code Studio はこのスイッチがオンの間、エラー レポートだけを送信し、使用状況データは送信しません。',
      crash:
        'エディターのテレメトリがクラッシュ レポートのみに設定されているため、このスイッチにかかわらず Code Studio は何も送信しません。エディター自体はクラッシュ レポートを送信することがあります。',
      off: 'エディターのテレメトリがオフのため、このスイッチにかかわらず Code Studio は何も送信しません。',
      badge: { all: 'オン', error: 'エラーのみ', crash: 'オフ', off: 'オフ' },
    },
  } as const;

  for (const locale of ['en', 'de', 'ja'] as const) {
    it(`says what is sent at each level, and the badge agrees with the gate (${locale})`, async () => {
      const { el, host } = await readyPanel({ enabled: true, editorTelemetryLevel: 'all' });
      try {
        await setLocale(locale);
        for (const level of ['all', 'error', 'crash', 'off', 'all'] as const) {
          host.push({ editorTelemetryLevel: level, editorTelemetryEnabled: level === 'all' || level === 'error' });
          await until(el, () => el.view.host?.editorTelemetryLevel === level, level);
          expect(notes(el), level).to.deep.equal(level === 'all' ? [] : [WORDS[locale][level]]);
          expect(harness(el).badgeText, level).to.equal(WORDS[locale].badge[level]);
        }
        // The switch off: nothing goes at any level, and the words still say what the level allows.
        host.push({ enabled: false, editorTelemetryLevel: 'error' });
        await until(el, () => el.view.host?.enabled === false, 'switched off');
        expect(badge(el).status).to.equal('off');
        expect(notes(el)).to.deep.equal([WORDS[locale].error]);
      } finally {
        await setLocale('en');
      }
    });
  }

  it("a host without the level gets today's words exactly: off is off, on says nothing more", async () => {
    const { el, host } = await readyPanel({ enabled: true, editorTelemetryEnabled: false });
    expect(el.view.host?.editorTelemetryLevel).to.equal(undefined);
    expect(notes(el)).to.deep.equal([WORDS.en.off]);
    expect(badge(el).status).to.equal('off');
    host.push({ editorTelemetryEnabled: true });
    await until(el, () => el.view.host?.editorTelemetryEnabled === true, 'on');
    expect(notes(el)).to.deep.equal([]);
    expect(badge(el).status).to.equal('on');
  });

  it('at errors only the badge names it in its accessible label too, and the events lists still ask', async () => {
    const { el } = await readyPanel({ enabled: true, editorTelemetryLevel: 'error', offers: ['events'] });
    expect(harness(el).badgeBase.getAttribute('aria-label')).to.equal('Telemetry status: Errors only');
    expect(harness(el).dataTypes.element.telemetryOff).to.equal(false);
  });
});

describe('<cs-telemetry-settings> discloses what the editor adds on the way', () => {
  const DISCLOSURE = {
    en: {
      system:
        "The editor itself adds to every event: an anonymous machine id and session id, the editor's version, the extension's name and version, and the kind of window and remote.",
      account:
        'Code Studio sends them only while you are signed in and your account details are included. It marks your email as trusted, so the editor sends it as written instead of replacing it with "<REDACTED: …>".',
    },
    de: {
      system:
        'Der Editor selbst fügt jedem Ereignis hinzu: eine anonyme Geräte-ID und Sitzungs-ID, die Version des Editors, Name und Version der Erweiterung sowie die Art des Fensters und der Remoteverbindung.',
      account:
        'Code Studio sendet sie nur, solange Sie angemeldet sind und Ihre Kontodaten einbezogen werden. Es kennzeichnet Ihre E-Mail-Adresse als vertrauenswürdig, sodass der Editor sie unverändert sendet, statt sie durch „<REDACTED: …>“ zu ersetzen.',
    },
    ja: {
      system:
        'エディター自体がすべてのイベントに次の情報を追加します: 匿名のマシン ID とセッション ID、エディターのバージョン、拡張機能の名前とバージョン、ウィンドウとリモートの種類。',
      account:
        'Code Studio がこれらを送信するのは、サインインしていて、アカウントの詳細を含めている間だけです。メール アドレスは信頼済みとして指定されるため、エディターはそれを「<REDACTED: …>」に置き換えず、そのまま送信します。',
    },
  } as const;

  const ada = { loginName: 'ada-l', email: 'ada@example.com' };

  /** The shown detail of the item at `index`, after the user expanded it. */
  async function expandedDetail(el: CsTelemetrySettings, index: number): Promise<string> {
    const list = harness(el).dataTypes.root;
    const toggle = list.querySelectorAll<HTMLButtonElement>('[part=toggle]')[index]!;
    if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
    await rendered(el);
    const detail = list.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(getComputedStyle(detail).display, 'the detail is shown').to.not.equal('none');
    return words(detail);
  }

  for (const locale of ['en', 'de', 'ja'] as const) {
    it(`System configurations names the editor's own properties, and the account item how the email goes (${locale})`, async () => {
      const { el } = await readyPanel({ enabled: true, account: ada, accountLinked: true });
      try {
        await setLocale(locale);
        await rendered(el);
        expect(await expandedDetail(el, 0)).to.contain(DISCLOSURE[locale].system);
        // With the account switch offered the detail's first words change; how the email goes is still said.
        expect(await expandedDetail(el, 4)).to.contain(DISCLOSURE[locale].account);
      } finally {
        await setLocale('en');
      }
    });
  }
});
