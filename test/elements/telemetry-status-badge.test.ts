import { elementUpdated, expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/components/telemetry-status-badge/define.js';
import {
  CsTelemetryStatusBadge,
  type TelemetryBadgeStatus,
} from '../../src/components/telemetry-status-badge/telemetry-status-badge.js';
import { darkFixture as onDark } from '../support/dark-fixture.js';

const darkFixture = (template: TemplateResult) => onDark('cs-telemetry-status-badge', template);

function part(el: CsTelemetryStatusBadge, name: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(`[part=${name}]`);
  if (!found) throw new Error(`<cs-telemetry-status-badge> rendered no [part=${name}]`);
  return found;
}

/** The visible words for the status. */
const labelText = (el: CsTelemetryStatusBadge) => part(el, 'label').textContent?.trim();

/** Icons before the status words (the status icon) and after them (the lock). */
function icons(el: CsTelemetryStatusBadge): { before: SVGSVGElement[]; after: SVGSVGElement[] } {
  const label = part(el, 'label');
  const svgs = [...part(el, 'base').querySelectorAll('svg')];
  const precedes = (svg: SVGSVGElement) => Boolean(label.compareDocumentPosition(svg) & Node.DOCUMENT_POSITION_PRECEDING);
  return { before: svgs.filter(precedes), after: svgs.filter((svg) => !precedes(svg)) };
}

const shapeOf = (svg: SVGSVGElement | undefined) => svg?.querySelector('path')?.getAttribute('d');

/** The shape of the status icon, which must tell the statuses apart without colour. */
const iconShape = (el: CsTelemetryStatusBadge) => shapeOf(icons(el).before[0]);

/** Icons drawn after the status words: the lock, when the setting is managed. */
const extraIcons = (el: CsTelemetryStatusBadge) => icons(el).after;

const lockShape = (el: CsTelemetryStatusBadge) => shapeOf(extraIcons(el)[0]);

/** What a screen reader reads: text, or an aria-label in its place, skipping aria-hidden subtrees. */
function spoken(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
  if (getComputedStyle(node).display === 'none') return '';
  const label = node.getAttribute('aria-label');
  if (label) return label;
  return [...node.childNodes].map(spoken).join('');
}

const spokenText = (el: CsTelemetryStatusBadge) => spoken(part(el, 'base')).replace(/\s+/g, ' ').trim();

/** What the eye gets: text whose every box up to the badge is larger than a clipped 1px square. */
function shownText(el: CsTelemetryStatusBadge): string {
  const base = part(el, 'base');
  const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
  const shown: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let visible = true;
    for (let element = node.parentElement; element && visible; element = element === base ? null : element.parentElement) {
      const box = element.getBoundingClientRect();
      visible = box.width > 1 && box.height > 1 && getComputedStyle(element).visibility === 'visible';
    }
    if (visible) shown.push(node.textContent ?? '');
  }
  return shown.join('').replace(/\s+/g, ' ').trim();
}

const expectedText: Record<TelemetryBadgeStatus, string> = {
  loading: 'Checking…',
  on: 'On',
  'errors-only': 'Errors only',
  off: 'Off',
  saving: 'Saving…',
  error: 'Unknown',
};
const statuses = Object.keys(expectedText) as TelemetryBadgeStatus[];

async function badgeIn(status: string): Promise<CsTelemetryStatusBadge> {
  const { el } = await darkFixture(html`<cs-telemetry-status-badge status=${status}></cs-telemetry-status-badge>`);
  return el;
}

describe('<cs-telemetry-status-badge>', () => {
  describe('defaults', () => {
    it('is registered as CsTelemetryStatusBadge', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge></cs-telemetry-status-badge>`);
      expect(customElements.get('cs-telemetry-status-badge')).to.equal(CsTelemetryStatusBadge);
      expect(el).to.be.instanceOf(CsTelemetryStatusBadge);
    });

    it('starts as loading, reflected to the attribute', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge></cs-telemetry-status-badge>`);
      expect(el.status).to.equal('loading');
      expect(el.getAttribute('status')).to.equal('loading');
      expect(labelText(el)).to.equal('Checking…');
    });

    it('starts unlocked, with no lock icon', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge></cs-telemetry-status-badge>`);
      expect(el.locked).to.equal(false);
      expect(el.hasAttribute('locked')).to.equal(false);
      expect(extraIcons(el)).to.deep.equal([]);
      expect(spokenText(el)).to.not.contain('managed by your organization');
    });
  });

  describe('attributes and properties', () => {
    for (const status of statuses) {
      it(`status="${status}" reads "${expectedText[status]}"`, async () => {
        const el = await badgeIn(status);
        expect(el.status).to.equal(status);
        expect(labelText(el)).to.equal(expectedText[status]);
        expect(iconShape(el)).to.be.a('string').and.not.equal('');
      });
    }

    it('every status has its own text', async () => {
      const texts: string[] = [];
      for (const status of statuses) texts.push(labelText(await badgeIn(status)) ?? '');
      expect(new Set(texts).size).to.equal(statuses.length);
    });

    it('on, errors only, off and error each have an icon of their own, never colour alone', async () => {
      const shapes = new Map<string, string | null | undefined>();
      for (const status of statuses) shapes.set(status, iconShape(await badgeIn(status)));
      for (const status of ['on', 'errors-only', 'off', 'error']) {
        const others = statuses.filter((other) => other !== status).map((other) => shapes.get(other));
        expect(others, `the ${status} icon is shared`).to.not.include(shapes.get(status));
      }
    });

    it('the status property reflects to the attribute and re-renders', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge></cs-telemetry-status-badge>`);
      const loadingShape = iconShape(el);
      el.status = 'on';
      await elementUpdated(el);
      expect(el.getAttribute('status')).to.equal('on');
      expect(labelText(el)).to.equal('On');
      expect(iconShape(el)).to.not.equal(loadingShape);
    });

    it('an unknown status shows as error', async () => {
      const errorShape = iconShape(await badgeIn('error'));
      const unknown = await badgeIn('exploded');
      expect(labelText(unknown)).to.equal('Unknown');
      expect(iconShape(unknown)).to.equal(errorShape);
      expect(spokenText(unknown)).to.equal('Telemetry status: Unknown');
    });

    it('a status named after an Object.prototype member shows as error', async () => {
      const errorShape = iconShape(await badgeIn('error'));
      const unknown = await badgeIn('toString');
      expect(labelText(unknown)).to.equal('Unknown');
      expect(iconShape(unknown)).to.equal(errorShape);
    });

    it('error is painted differently from off: a red border, its words in the text colour (readable in every theme)', async () => {
      const border = (el: CsTelemetryStatusBadge) => getComputedStyle(part(el, 'base')).borderTopColor;
      const color = (el: CsTelemetryStatusBadge) => getComputedStyle(part(el, 'base')).color;
      const [error, off] = [await badgeIn('error'), await badgeIn('off')];
      expect(border(error)).to.not.equal(border(off));
      expect(color(error)).to.equal(color(off));
    });

    it('locked reflects and adds a lock icon and hidden "managed by your organization" text', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge status="on"></cs-telemetry-status-badge>`);
      el.locked = true;
      await elementUpdated(el);
      expect(el.getAttribute('locked')).to.equal('');
      expect(extraIcons(el).length).to.equal(1);
      const lock = lockShape(el);
      expect(lock).to.be.a('string').and.not.equal('');
      for (const status of statuses) expect(lock, `the lock looks like ${status}`).to.not.equal(iconShape(await badgeIn(status)));
      expect(spokenText(el)).to.contain('managed by your organization');
      expect(labelText(el)).to.equal('On');
    });

    it('the locked attribute sets the property, and removing it removes the lock', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge status="off" locked></cs-telemetry-status-badge>`);
      expect(el.locked).to.equal(true);
      expect(lockShape(el)).to.be.a('string');
      el.removeAttribute('locked');
      await elementUpdated(el);
      expect(el.locked).to.equal(false);
      expect(extraIcons(el)).to.deep.equal([]);
      expect(spokenText(el)).to.not.contain('managed by your organization');
    });
  });

  describe('keyboard', () => {
    it('is not a tab stop: it only reports', async () => {
      const { wrapper } = await darkFixture(
        html`<button id="before">Before</button><cs-telemetry-status-badge status="on" locked></cs-telemetry-status-badge
          ><button id="after">After</button>`,
      );
      wrapper.querySelector<HTMLButtonElement>('#before')?.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(wrapper.querySelector('#after'));
    });
  });

  describe('accessibility', () => {
    for (const status of statuses) {
      it(`passes axe while ${status}`, async () => {
        const { wrapper } = await darkFixture(html`<cs-telemetry-status-badge status=${status}></cs-telemetry-status-badge>`);
        await expect(wrapper).to.be.accessible();
      });
    }

    it('passes axe while locked', async () => {
      const { wrapper } = await darkFixture(html`<cs-telemetry-status-badge status="off" locked></cs-telemetry-status-badge>`);
      await expect(wrapper).to.be.accessible();
    });

    it('screen readers hear "Telemetry status:" before the status', async () => {
      const el = await badgeIn('on');
      expect(spokenText(el)).to.equal('Telemetry status: On');
    });

    it('screen readers hear that a locked setting is managed by the organization', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge status="off" locked></cs-telemetry-status-badge>`);
      expect(spokenText(el)).to.equal('Telemetry status: Off, managed by your organization');
    });

    it('"Telemetry status:" and "managed by your organization" are read but not shown', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge status="off" locked></cs-telemetry-status-badge>`);
      expect(spokenText(el)).to.contain('Telemetry status:');
      expect(spokenText(el)).to.contain('managed by your organization');
      expect(shownText(el)).to.equal('Off');
    });

    it('the visible status words are not hidden', async () => {
      const el = await badgeIn('on');
      expect(shownText(el)).to.equal('On');
      expect(part(el, 'label').closest('[aria-hidden=true]')).to.equal(null);
    });

    it('icons are hidden from screen readers', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge status="on" locked></cs-telemetry-status-badge>`);
      const svgs = [...(el.shadowRoot?.querySelectorAll('svg') ?? [])];
      expect(svgs.length).to.equal(2);
      for (const svg of svgs) expect(svg.getAttribute('aria-hidden')).to.equal('true');
    });
  });

  describe('identity (account consent offered)', () => {
    it('says whether on is anonymous or carries the account, in words and in the accessible name', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge status="on" identity="anonymous"></cs-telemetry-status-badge>`);
      expect(labelText(el)).to.equal('On, anonymous');
      expect(part(el, 'base').getAttribute('aria-label')).to.equal('Telemetry status: On, anonymous');
      el.identity = 'linked';
      await elementUpdated(el);
      expect(labelText(el)).to.equal('On, with your account');
      el.locked = true;
      await elementUpdated(el);
      expect(part(el, 'base').getAttribute('aria-label')).to.equal('Telemetry status: On, with your account, managed by your organization');
      await expect(el).to.be.accessible();
    });

    it('only qualifies on: off stays off', async () => {
      const { el } = await darkFixture(html`<cs-telemetry-status-badge status="off" identity="linked"></cs-telemetry-status-badge>`);
      expect(labelText(el)).to.equal('Off');
    });
  });
});
