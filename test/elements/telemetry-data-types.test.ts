import { elementUpdated, expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/telemetry-data-types/define.js';
import { defaultDataTypes, type TelemetryDataType } from '../../src/components/telemetry-data-types/data-types.js';
import { TELEMETRY_CATEGORIES } from '../../src/protocol/protocol.js';
import { CsTelemetryDataTypes } from '../../src/components/telemetry-data-types/telemetry-data-types.js';
import { darkFixture as onDark } from '../support/dark-fixture.js';

/** The source texts, in English: the tests read this file's words before any locale is set. */
const ENGLISH_DATA_TYPES = defaultDataTypes();

const darkFixture = (template = html`<cs-telemetry-data-types></cs-telemetry-data-types>`) =>
  onDark('cs-telemetry-data-types', template);

const toggles = (el: CsTelemetryDataTypes) => [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part=toggle]') ?? [])];
const items = (el: CsTelemetryDataTypes) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part=item]') ?? [])];
const titles = (el: CsTelemetryDataTypes) => toggles(el).map((button) => button.textContent?.trim());
const heading = (el: CsTelemetryDataTypes) => el.shadowRoot?.querySelector('[part=heading]')?.textContent?.trim();
const itemText = (item: HTMLElement) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function toggleAt(el: CsTelemetryDataTypes, index: number): HTMLButtonElement {
  const button = toggles(el)[index];
  if (!button) throw new Error(`no toggle at ${index}`);
  return button;
}

/** The element a toggle's aria-controls names. */
function detailOf(el: CsTelemetryDataTypes, button: HTMLButtonElement): HTMLElement {
  const id = button.getAttribute('aria-controls');
  const detail = id ? el.shadowRoot?.getElementById(id) : null;
  if (!detail) throw new Error(`aria-controls="${id}" names no element`);
  return detail;
}

/** The item that holds the signed-in account (or says it is signed out). */
function accountItem(el: CsTelemetryDataTypes): HTMLElement {
  const index = ENGLISH_DATA_TYPES.findIndex((item) => item.id === 'account');
  const item = items(el)[index];
  if (!item) throw new Error('no account item');
  return item;
}

const hostile = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=1</script>'];

declare global {
  interface Window {
    __pwned?: number;
  }
}

describe('<cs-telemetry-data-types>', () => {
  afterEach(() => {
    delete window.__pwned;
  });

  describe('defaults', () => {
    it('is registered as CsTelemetryDataTypes', async () => {
      const { el } = await darkFixture();
      expect(customElements.get('cs-telemetry-data-types')).to.equal(CsTelemetryDataTypes);
      expect(el).to.be.instanceOf(CsTelemetryDataTypes);
    });

    it('defaultDataTypes() holds the five kinds, with the protocol\'s category ids, in order', () => {
      expect(defaultDataTypes().map((item) => item.id)).to.deep.equal([...TELEMETRY_CATEGORIES]);
      for (const item of defaultDataTypes()) {
        for (const key of ['title', 'description', 'detail'] as const) expect(item[key], `${item.id}.${key}`).to.be.a('string').and.not.equal('');
      }
    });

    it('lists the five default items with their titles in order', async () => {
      const { el } = await darkFixture();
      // Unset: the defaults are looked up at render time, in the active locale.
      expect(el.items).to.equal(undefined);
      expect(items(el).length).to.equal(5);
      expect(titles(el)).to.deep.equal([
        'System configurations',
        'Model and command',
        'Token usage',
        'Autocomplete feedback',
        'Account details, when signed in',
      ]);
    });

    it('shows each description, and no detail yet', async () => {
      const { el } = await darkFixture();
      items(el).forEach((item, index) => {
        const { description, detail } = ENGLISH_DATA_TYPES[index];
        expect(item.textContent).to.contain(description);
        expect(item.innerText).to.not.contain(detail);
      });
    });

    it('has the default heading, which labels the list', async () => {
      const { el } = await darkFixture();
      expect(heading(el)).to.equal('What is collected when telemetry is on');
      const list = el.shadowRoot?.querySelector('ul');
      const labelledBy = list?.getAttribute('aria-labelledby');
      expect(el.shadowRoot?.getElementById(labelledBy ?? '')?.textContent?.trim()).to.equal('What is collected when telemetry is on');
    });

    it('every expander is a real, collapsed button controlling a hidden detail', async () => {
      const { el } = await darkFixture();
      const buttons = toggles(el);
      expect(buttons.length).to.equal(5);
      buttons.forEach((button, index) => {
        expect(button.localName).to.equal('button');
        expect(button.getAttribute('aria-expanded')).to.equal('false');
        const detail = detailOf(el, button);
        expect(detail.hidden).to.equal(true);
        expect(getComputedStyle(detail).display).to.equal('none');
        const { detail: words, howSent } = ENGLISH_DATA_TYPES[index];
        expect(detail.textContent?.replace(/\s+/g, ' ').trim()).to.equal(howSent ? `${words} ${howSent}` : words);
      });
      const controlled = buttons.map((button) => button.getAttribute('aria-controls'));
      expect(new Set(controlled).size).to.equal(5);
    });

    it('starts signed out', async () => {
      const { el } = await darkFixture();
      expect(el.account).to.equal(null);
      expect(itemText(accountItem(el))).to.contain('You are signed out');
    });
  });

  describe('attributes and properties', () => {
    it('the items property replaces the list', async () => {
      const { el } = await darkFixture();
      const replacement: TelemetryDataType[] = [
        { id: 'crashes', title: 'Crash reports', description: 'Stack traces.', detail: 'Without file contents.' },
        { id: 'timing', title: 'Timing', description: 'How long things take.', detail: 'In milliseconds.' },
      ];
      el.items = replacement;
      await elementUpdated(el);
      expect(titles(el)).to.deep.equal(['Crash reports', 'Timing']);
      expect(itemText(items(el)[0])).to.contain('Stack traces.');
      expect(itemText(items(el)[1])).to.contain('How long things take.');
      for (const button of toggles(el)) expect(detailOf(el, button).hidden).to.equal(true);
      expect(detailOf(el, toggleAt(el, 1)).textContent?.trim()).to.equal('In milliseconds.');
    });

    it('an empty items list renders no items', async () => {
      const { el } = await darkFixture();
      el.items = [];
      await elementUpdated(el);
      expect(items(el)).to.deep.equal([]);
      expect(heading(el)).to.equal('What is collected when telemetry is on');
    });

    it('only an item with the id "account" shows the account', async () => {
      const { el } = await darkFixture();
      el.account = { loginName: 'octocat', email: 'octocat@example.com' };
      el.items = ENGLISH_DATA_TYPES.filter((item) => item.id !== 'account');
      await elementUpdated(el);
      expect(el.shadowRoot?.textContent).to.not.contain('octocat');
      expect(el.shadowRoot?.querySelector('[part=account]')).to.equal(null);
    });

    it('signed in, the account item shows the login name and email as text and says they identify you', async () => {
      const { el } = await darkFixture();
      el.account = { loginName: 'octocat', email: 'octocat@example.com' };
      await elementUpdated(el);
      const text = itemText(accountItem(el));
      expect(text).to.contain('octocat');
      expect(text).to.contain('octocat@example.com');
      expect(text).to.contain('These identify you');
      expect(text).to.not.contain('signed out');
      const account = el.shadowRoot?.querySelector<HTMLElement>('[part=account]');
      expect(account?.textContent).to.contain('octocat@example.com');
      expect(accountItem(el).contains(account ?? null)).to.equal(true);
    });

    it('signing out again says so and drops the account', async () => {
      const { el } = await darkFixture();
      el.account = { loginName: 'octocat', email: 'octocat@example.com' };
      await elementUpdated(el);
      el.account = null;
      await elementUpdated(el);
      const text = itemText(accountItem(el));
      expect(text).to.contain('You are signed out');
      expect(text).to.not.contain('octocat');
      expect(el.shadowRoot?.querySelector('[part=account]')).to.equal(null);
    });

    for (const value of hostile) {
      it(`renders the hostile account value ${value} as literal text`, async () => {
        const { el } = await darkFixture();
        el.account = { loginName: value, email: `${value}@example.com` };
        await elementUpdated(el);
        const account = el.shadowRoot?.querySelector<HTMLElement>('[part=account]');
        expect(account?.textContent).to.contain(value);
        expect(account?.textContent).to.contain(`${value}@example.com`);
        expect(el.shadowRoot?.querySelectorAll('img, script').length).to.equal(0);
        expect(document.querySelectorAll('img, script[src=x]').length).to.equal(0);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(window.__pwned).to.equal(undefined);
      });
    }

    it('renders hostile item text as literal text', async () => {
      const { el } = await darkFixture();
      el.items = [{ id: 'x', title: hostile[0], description: hostile[1], detail: hostile[0] }];
      await elementUpdated(el);
      expect(titles(el)).to.deep.equal([hostile[0]]);
      expect(itemText(items(el)[0])).to.contain(hostile[1]);
      expect(el.shadowRoot?.querySelectorAll('img, script').length).to.equal(0);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(window.__pwned).to.equal(undefined);
    });

    it('a very long login name and email wrap inside a 300px container', async () => {
      const { el } = await darkFixture(html`<div style="width:300px"><cs-telemetry-data-types></cs-telemetry-data-types></div>`);
      el.account = { loginName: 'a'.repeat(200), email: `${'b'.repeat(200)}@example.com` };
      await elementUpdated(el);
      expect(el.clientWidth).to.equal(300);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      const account = el.shadowRoot?.querySelector<HTMLElement>('[part=account]');
      expect(account?.scrollWidth).to.be.at.most(account?.clientWidth ?? 0);
    });
  });

  describe('keyboard', () => {
    it('Enter expands and collapses the focused item', async () => {
      const { el } = await darkFixture();
      const button = toggleAt(el, 0);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(detailOf(el, button).hidden).to.equal(false);
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(detailOf(el, button).hidden).to.equal(true);
    });

    it('Space expands and collapses the focused item', async () => {
      const { el } = await darkFixture();
      const button = toggleAt(el, 2);
      button.focus();
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(detailOf(el, button).hidden).to.equal(false);
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(detailOf(el, button).hidden).to.equal(true);
    });

    it('Tab walks the five expanders in order', async () => {
      const { wrapper, el } = await darkFixture(
        html`<button id="before">Before</button><cs-telemetry-data-types></cs-telemetry-data-types>`,
      );
      wrapper.querySelector<HTMLButtonElement>('#before')?.focus();
      const reached: (Element | null | undefined)[] = [];
      for (let i = 0; i < 5; i++) {
        await sendKeys({ press: 'Tab' });
        reached.push(el.shadowRoot?.activeElement);
      }
      expect(reached).to.deep.equal(toggles(el));
    });
  });

  describe('events', () => {
    it('a click expands the item and shows its detail; a second click collapses it', async () => {
      const { el } = await darkFixture();
      const button = toggleAt(el, 0);
      button.click();
      await elementUpdated(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(detailOf(el, button).hidden).to.equal(false);
      expect(getComputedStyle(detailOf(el, button)).display).to.not.equal('none');
      expect(items(el)[0].innerText).to.contain(ENGLISH_DATA_TYPES[0].detail);
      button.click();
      await elementUpdated(el);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(detailOf(el, button).hidden).to.equal(true);
      expect(items(el)[0].innerText).to.not.contain(ENGLISH_DATA_TYPES[0].detail);
    });

    it('each item expands alone', async () => {
      const { el } = await darkFixture();
      for (const [index, button] of toggles(el).entries()) {
        button.click();
        await elementUpdated(el);
        const states = toggles(el).map((b) => b.getAttribute('aria-expanded'));
        expect(states.filter((state) => state === 'true').length).to.equal(index + 1);
        expect(states[index]).to.equal('true');
        expect(detailOf(el, button).hidden).to.equal(false);
      }
    });

    it('what the user expanded stays expanded when the account changes', async () => {
      const { el } = await darkFixture();
      toggleAt(el, 4).click();
      await elementUpdated(el);
      el.account = { loginName: 'octocat', email: 'octocat@example.com' };
      await elementUpdated(el);
      expect(toggleAt(el, 4).getAttribute('aria-expanded')).to.equal('true');
      expect(detailOf(el, toggleAt(el, 4)).hidden).to.equal(false);
    });
  });

  describe('accessibility', () => {
    it('passes axe collapsed and signed out', async () => {
      const { wrapper } = await darkFixture();
      await expect(wrapper).to.be.accessible();
    });

    it('passes axe with every item expanded', async () => {
      const { wrapper, el } = await darkFixture();
      for (const button of toggles(el)) button.click();
      await elementUpdated(el);
      expect(toggles(el).map((button) => button.getAttribute('aria-expanded'))).to.deep.equal(Array(5).fill('true'));
      await expect(wrapper).to.be.accessible();
    });

    it('passes axe signed in, collapsed and expanded', async () => {
      const { wrapper, el } = await darkFixture();
      el.account = { loginName: 'octocat', email: 'octocat@example.com' };
      await elementUpdated(el);
      await expect(wrapper).to.be.accessible();
      toggleAt(el, 4).click();
      await elementUpdated(el);
      await expect(wrapper).to.be.accessible();
    });

    it('every expander is named by its title', async () => {
      const { el } = await darkFixture();
      for (const button of toggles(el)) {
        expect(button.getAttribute('aria-label')).to.equal(null);
        expect(button.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
      }
      expect(titles(el)).to.deep.equal(ENGLISH_DATA_TYPES.map((item) => item.title));
    });

    it('the list is a list, labelled by the heading', async () => {
      const { el } = await darkFixture();
      const list = el.shadowRoot?.querySelector('ul, ol, [role=list]');
      expect(list).to.be.instanceOf(HTMLElement);
      expect(items(el).every((item) => item.parentElement === list && item.localName === 'li')).to.equal(true);
      const headingEl = el.shadowRoot?.querySelector('[part=heading]');
      expect(headingEl?.id).to.not.equal('');
      expect(list?.getAttribute('aria-labelledby')).to.equal(headingEl?.id);
    });
  });

  describe('account consent (extension)', () => {
    const accountSwitch = (el: CsTelemetryDataTypes) => el.shadowRoot!.querySelector('cs-switch');
    const accountControl = (el: CsTelemetryDataTypes) => accountSwitch(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[role=switch]')!;

    it('no switch unless accountLinked is set', async () => {
      const { el } = await darkFixture();
      expect(accountSwitch(el)).to.equal(null);
      el.accountLinked = false;
      await elementUpdated(el);
      expect(accountSwitch(el)).to.not.equal(null);
      expect(accountItem(el).contains(accountSwitch(el))).to.equal(true);
      expect(itemText(accountSwitch(el)!)).to.equal('Include my account details (login name and email)');
    });

    it('signed in with the switch off, the account is named but never called attached', async () => {
      const { el } = await darkFixture();
      el.account = { loginName: 'octocat', email: 'octocat@example.com' };
      el.accountLinked = false;
      await elementUpdated(el);
      const account = el.shadowRoot!.querySelector<HTMLElement>('[part=account]')!;
      expect(itemText(account)).to.equal('Signed in as octocat (octocat@example.com). Not sent while the switch below is off.');
      expect(account.classList.contains('account'), 'no "not anonymous" bar').to.equal(false);
      for (const linked of [true, null]) {
        el.accountLinked = linked;
        await elementUpdated(el);
        expect(itemText(el.shadowRoot!.querySelector<HTMLElement>('[part=account]')!)).to.contain('Attached now: octocat');
      }
    });

    it('fires cs-account-linked-change with the wanted value on click and Space; the owner decides whether the flip stands', async () => {
      const { el } = await darkFixture();
      el.accountLinked = false;
      await elementUpdated(el);
      const seen: boolean[] = [];
      let refuse = true;
      el.addEventListener('cs-account-linked-change', (event) => {
        expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
        seen.push(event.detail.accountLinked);
        if (refuse) event.preventDefault();
      });
      accountControl(el).click();
      await elementUpdated(accountSwitch(el)!);
      expect(seen).to.deep.equal([true]);
      expect(accountControl(el).getAttribute('aria-checked'), 'refused: flipped back').to.equal('false');
      refuse = false;
      accountControl(el).click();
      await elementUpdated(accountSwitch(el)!);
      expect(accountControl(el).getAttribute('aria-checked'), 'taken: the flip stands').to.equal('true');
      el.requestUpdate();
      await elementUpdated(el);
      await elementUpdated(accountSwitch(el)!);
      expect(accountControl(el).getAttribute('aria-checked'), 'a render shows the property, whatever the switch showed').to.equal('false');
      el.accountLinked = true;
      await elementUpdated(el);
      await elementUpdated(accountSwitch(el)!);
      accountControl(el).focus();
      await sendKeys({ press: 'Space' });
      expect(seen).to.deep.equal([true, true, false]);
    });

    it('says Saving… under the switch while its change is saved', async () => {
      const { el } = await darkFixture();
      el.accountLinked = true;
      await elementUpdated(el);
      expect(itemText(accountSwitch(el)!)).to.equal('Include my account details (login name and email)');
      el.accountSaving = true;
      await elementUpdated(el);
      expect(itemText(accountSwitch(el)!.querySelector('[slot=help]')!)).to.equal('Saving…');
    });

    it('is disabled when locked or not yet known', async () => {
      const { el } = await darkFixture();
      el.accountLinked = null;
      await elementUpdated(el);
      expect(accountSwitch(el)!.disabled).to.equal(true);
      el.accountLinked = true;
      await elementUpdated(el);
      expect(accountSwitch(el)!.disabled).to.equal(false);
      el.locked = true;
      await elementUpdated(el);
      // Locked by a policy: unavailable to a reader, but still focusable.
      expect([accountSwitch(el)!.disabled, accountSwitch(el)!.locked]).to.deep.equal([false, true]);
      expect(accountControl(el).getAttribute('aria-disabled')).to.equal('true');
    });

    it('passes axe with the switch, signed in', async () => {
      const { el } = await darkFixture();
      el.accountLinked = true;
      el.account = { loginName: 'ada', email: 'ada@example.com' };
      await elementUpdated(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('show what was sent (extension)', () => {
    const eventsToggles = (el: CsTelemetryDataTypes) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=events-toggle]')];

    it('no disclosure unless the host offers events, and only for the five categories', async () => {
      const { el } = await darkFixture();
      expect(eventsToggles(el)).to.have.length(0);
      el.eventsOffered = true;
      el.items = [...defaultDataTypes(), { id: 'custom', title: 'Custom', description: 'd', detail: 'x' }];
      await elementUpdated(el);
      expect(eventsToggles(el)).to.have.length(5);
      expect(eventsToggles(el).map((b) => b.textContent?.trim())).to.deep.equal(Array(5).fill('Show what was sent'));
    });

    it('a real disclosure: Enter opens it, it controls the list and fires cs-events-request with the category', async () => {
      const { el } = await darkFixture();
      el.eventsOffered = true;
      await elementUpdated(el);
      const requests: string[] = [];
      el.addEventListener('cs-events-request', (event) => requests.push(event.detail.category));
      const toggle = eventsToggles(el)[2];
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const list = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(list.localName).to.equal('cs-telemetry-events');
      expect(list.hidden).to.equal(true);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(list.hidden).to.equal(false);
      expect(requests).to.deep.equal(['tokens']);
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
      expect(list.hidden).to.equal(true);
      expect(requests, 'closing asks nothing').to.deep.equal(['tokens']);
    });

    it('passes the events down, and a Retry asks again', async () => {
      const { el } = await darkFixture();
      el.eventsOffered = true;
      el.events = { system: { status: 'error', events: [], message: 'Gone.' } };
      await elementUpdated(el);
      // The list's element is loaded once events are offered: a chunk of its own in the webview bundle.
      await customElements.whenDefined('cs-telemetry-events');
      const requests: string[] = [];
      el.addEventListener('cs-events-request', (event) => requests.push(event.detail.category));
      eventsToggles(el)[0].click();
      await elementUpdated(el);
      const list = el.shadowRoot!.querySelector('cs-telemetry-events')!;
      await list.updateComplete;
      expect(list.status).to.equal('error');
      expect(list.message).to.equal('Gone.');
      list.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
      expect(requests).to.deep.equal(['system', 'system']);
      await expect(el).to.be.accessible();
    });

    it('while telemetry is off an open list says so without asking, and asks once telemetry is on again', async () => {
      const { el } = await darkFixture();
      el.eventsOffered = true;
      el.telemetryOff = true;
      await elementUpdated(el);
      await customElements.whenDefined('cs-telemetry-events');
      const requests: string[] = [];
      el.addEventListener('cs-events-request', (event) => requests.push(event.detail.category));
      eventsToggles(el)[4].click();
      await elementUpdated(el);
      expect(el.shadowRoot!.querySelectorAll('cs-telemetry-events')[4].status).to.equal('off');
      expect(requests).to.deep.equal([]);
      el.telemetryOff = false;
      await elementUpdated(el);
      expect(requests).to.deep.equal(['account']);
    });
  });
});
