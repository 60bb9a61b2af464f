import { elementUpdated, expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/components/switch/define.js';
import { CsSwitch } from '../../src/components/switch/switch.js';
import { darkFixture as onDark } from '../support/dark-fixture.js';

const darkFixture = (template: TemplateResult) => onDark('cs-switch', template);

function control(el: CsSwitch): HTMLButtonElement {
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part=control]');
  if (!button) throw new Error('<cs-switch> rendered no [part=control]');
  return button;
}

/** Counts `change` events on the element for the rest of the test. */
function countChanges(el: CsSwitch): { count: number } {
  const seen = { count: 0 };
  el.addEventListener('change', () => seen.count++);
  return seen;
}

/** Text as assistive technology reads it: through slots to what they show (assigned nodes, or the fallback). */
function flatText(node: Node): string {
  if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(flatText).join('');
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(flatText).join('');
}

/** The text of the elements an ARIA id-reference attribute on the control points to. */
function referencedText(el: CsSwitch, attribute: 'aria-labelledby' | 'aria-describedby'): string {
  const ids = control(el).getAttribute(attribute)?.split(/\s+/) ?? [];
  return ids
    .map((id) => el.shadowRoot?.getElementById(id))
    .map((target) => (target ? flatText(target) : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('<cs-switch>', () => {
  describe('defaults', () => {
    it('is registered as CsSwitch', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      expect(customElements.get('cs-switch')).to.equal(CsSwitch);
      expect(el).to.be.instanceOf(CsSwitch);
    });

    it('starts off, enabled, unnamed, with the value "on"', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      expect(el.checked).to.equal(false);
      expect(el.disabled).to.equal(false);
      expect(el.hasAttribute('disabled')).to.equal(false);
      expect(el.name).to.equal('');
      expect(el.value).to.equal('on');
      expect(el.label).to.equal('');
    });

    it('renders a native button with role="switch" and aria-checked="false"', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      const button = control(el);
      expect(button.localName).to.equal('button');
      expect(button.form, 'the inner button never submits a form').to.equal(null);
      expect(button.getAttribute('role')).to.equal('switch');
      expect(button.getAttribute('aria-checked')).to.equal('false');
      expect(button.disabled).to.equal(false);
    });

    it('delegates focus to the button', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.focus();
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot?.activeElement).to.equal(control(el));
    });

    it('draws the track as the control and the thumb as its ::before, which moves when on', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      expect(getComputedStyle(control(el), '::before').transform).to.equal('none');
      el.checked = true;
      await elementUpdated(el);
      expect(getComputedStyle(control(el), '::before').transform).to.equal('matrix(1, 0, 0, 1, 14, 0)');
    });
  });

  describe('attributes and properties', () => {
    it('setting disabled back to false enables the button again', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.disabled = true;
      await elementUpdated(el);
      el.disabled = false;
      await elementUpdated(el);
      expect(el.hasAttribute('disabled')).to.equal(false);
      expect(control(el).disabled).to.equal(false);
      control(el).click();
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
    });

    it('the checked attribute turns it on', async () => {
      const { el } = await darkFixture(html`<cs-switch checked>Send usage data</cs-switch>`);
      expect(el.checked).to.equal(true);
      expect(control(el).getAttribute('aria-checked')).to.equal('true');
    });

    it('aria-checked tracks the checked property both ways', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.checked = true;
      await elementUpdated(el);
      expect(control(el).getAttribute('aria-checked')).to.equal('true');
      el.checked = false;
      await elementUpdated(el);
      expect(control(el).getAttribute('aria-checked')).to.equal('false');
    });

    it('disabled reflects to the attribute and disables the button', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.disabled = true;
      await elementUpdated(el);
      expect(el.getAttribute('disabled')).to.equal('');
      expect(el.matches(':disabled')).to.equal(true);
      expect(control(el).disabled).to.equal(true);
    });

    it('removing the disabled attribute enables it again', async () => {
      const { el } = await darkFixture(html`<cs-switch disabled>Send usage data</cs-switch>`);
      el.removeAttribute('disabled');
      await elementUpdated(el);
      expect(el.disabled).to.equal(false);
      expect(control(el).disabled).to.equal(false);
      control(el).click();
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
    });

    it('the disabled attribute sets the property', async () => {
      const { el } = await darkFixture(html`<cs-switch disabled>Send usage data</cs-switch>`);
      expect(el.disabled).to.equal(true);
      expect(control(el).disabled).to.equal(true);
    });

    it('the label attribute is shown when nothing is slotted', async () => {
      const { el } = await darkFixture(html`<cs-switch label="Send usage data"></cs-switch>`);
      expect(el.label).to.equal('Send usage data');
      expect(referencedText(el, 'aria-labelledby')).to.equal('Send usage data');
      const shown = el.shadowRoot?.getElementById(control(el).getAttribute('aria-labelledby') ?? '');
      expect(shown?.getBoundingClientRect().width).to.be.greaterThan(20);
    });

    it('slotted text wins over the label attribute', async () => {
      const { el } = await darkFixture(html`<cs-switch label="From the attribute">From the slot</cs-switch>`);
      expect(referencedText(el, 'aria-labelledby')).to.equal('From the slot');
    });

    it('aria-labelledby names the element that holds the default slot', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      const id = control(el).getAttribute('aria-labelledby');
      expect(id).to.be.a('string').and.not.equal('');
      const labelled = el.shadowRoot?.getElementById(id as string);
      expect(labelled).to.be.instanceOf(HTMLElement);
      expect(labelled?.querySelector('slot:not([name])')).to.be.instanceOf(HTMLSlotElement);
    });

    it('aria-describedby names the element that holds the help slot', async () => {
      const { el } = await darkFixture(
        html`<cs-switch>Send usage data<span slot="help">Counts only, never your code.</span></cs-switch>`,
      );
      const id = control(el).getAttribute('aria-describedby');
      expect(id).to.be.a('string').and.not.equal('');
      const describing = el.shadowRoot?.getElementById(id as string);
      expect(describing).to.be.instanceOf(HTMLElement);
      const slot = describing?.querySelector<HTMLSlotElement>('slot[name=help]');
      expect(slot?.assignedElements().map((node) => node.textContent)).to.deep.equal(['Counts only, never your code.']);
    });

    it('moves the thumb without a transition when code sets checked', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.checked = true;
      await elementUpdated(el);
      const thumb = getComputedStyle(control(el), '::before');
      expect(thumb.transitionDuration).to.equal('0s');
      expect(thumb.transform).to.not.equal('none');
    });

    it('stops animating once the user has left the switch', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.focus();
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
      expect(getComputedStyle(control(el), '::before').transitionDuration).to.equal('0.1s');
      el.blur();
      el.checked = false;
      await elementUpdated(el);
      expect(getComputedStyle(control(el), '::before').transitionDuration).to.equal('0s');
    });
  });

  describe('keyboard', () => {
    it('Space toggles it on and off', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.focus();
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
      expect(control(el).getAttribute('aria-checked')).to.equal('true');
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
      expect(el.checked).to.equal(false);
      expect(control(el).getAttribute('aria-checked')).to.equal('false');
    });

    it('Enter toggles it on and off', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.focus();
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
      expect(control(el).getAttribute('aria-checked')).to.equal('true');
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(el.checked).to.equal(false);
    });

    it('arrow keys do not flip it', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      const changes = countChanges(el);
      el.focus();
      for (const press of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) await sendKeys({ press });
      await elementUpdated(el);
      expect(el.checked).to.equal(false);
      expect(changes.count).to.equal(0);
    });

    it('Tab reaches the button', async () => {
      const { wrapper, el } = await darkFixture(
        html`<button id="before">Before</button><cs-switch>Send usage data</cs-switch><button id="after">After</button>`,
      );
      wrapper.querySelector<HTMLButtonElement>('#before')?.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot?.activeElement).to.equal(control(el));
    });

    it('a disabled switch is skipped by Tab and ignores Space and Enter', async () => {
      const { wrapper, el } = await darkFixture(
        html`<button id="before">Before</button><cs-switch disabled>Send usage data</cs-switch><button id="after">After</button>`,
      );
      const changes = countChanges(el);
      const before = wrapper.querySelector<HTMLButtonElement>('#before');
      before?.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(wrapper.querySelector('#after'));
      el.focus();
      expect(el.shadowRoot?.activeElement).to.equal(null);
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(el.checked).to.equal(false);
      expect(changes.count).to.equal(0);
    });
  });

  describe('events', () => {
    it('a click toggles it and fires change, which bubbles and is composed', async () => {
      const { wrapper, el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      setTimeout(() => control(el).click());
      const event = await oneEvent(wrapper, 'change');
      expect(event.target).to.equal(el);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.cancelable).to.equal(true);
      expect(el.checked).to.equal(true);
      await elementUpdated(el);
      expect(control(el).getAttribute('aria-checked')).to.equal('true');
    });

    it('the change event sees the new value', async () => {
      const { el } = await darkFixture(html`<cs-switch checked>Send usage data</cs-switch>`);
      let seen: boolean | undefined;
      el.addEventListener('change', () => (seen = el.checked));
      control(el).click();
      expect(seen).to.equal(false);
    });

    it('fires change once per key press', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      const changes = countChanges(el);
      el.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(changes.count).to.equal(2);
      expect(el.checked).to.equal(false);
    });

    it('a click on the label text flips it too', async () => {
      const { el } = await darkFixture(html`<cs-switch><span id="text">Send usage data</span></cs-switch>`);
      const changes = countChanges(el);
      el.querySelector<HTMLSpanElement>('#text')?.click();
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
      expect(changes.count).to.equal(1);
    });

    it('fires no change when code sets checked or the checked attribute', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      const changes = countChanges(el);
      el.checked = true;
      await elementUpdated(el);
      el.checked = false;
      await elementUpdated(el);
      el.setAttribute('checked', '');
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
      expect(changes.count).to.equal(0);
    });

    it('preventDefault() on change flips it back', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.addEventListener('change', (event) => event.preventDefault());
      control(el).click();
      await elementUpdated(el);
      expect(el.checked).to.equal(false);
      expect(control(el).getAttribute('aria-checked')).to.equal('false');
    });

    it('a disabled switch ignores clicks and fires nothing', async () => {
      const { el } = await darkFixture(html`<cs-switch disabled>Send usage data</cs-switch>`);
      const changes = countChanges(el);
      control(el).click();
      el.click();
      await elementUpdated(el);
      expect(el.checked).to.equal(false);
      expect(control(el).getAttribute('aria-checked')).to.equal('false');
      expect(changes.count).to.equal(0);
    });

    it('a flip by the user slides the thumb', async () => {
      const { el } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      el.focus();
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
      const thumb = getComputedStyle(control(el), '::before');
      expect(el.checked).to.equal(true);
      expect(thumb.transitionProperty).to.equal('transform');
      expect(thumb.transitionDuration).to.equal('0.1s');
    });
  });

  describe('forms', () => {
    async function formFixture(template: TemplateResult) {
      const { wrapper, el } = await darkFixture(html`<form>${template}</form>`);
      const form = wrapper.querySelector('form') as HTMLFormElement;
      return { form, el };
    }

    it('submits name=value while on', async () => {
      const { form } = await formFixture(html`<cs-switch name="telemetry" value="yes" checked>Send usage data</cs-switch>`);
      expect(new FormData(form).getAll('telemetry')).to.deep.equal(['yes']);
    });

    it('submits "on" when no value is given', async () => {
      const { form } = await formFixture(html`<cs-switch name="telemetry" checked>Send usage data</cs-switch>`);
      expect(new FormData(form).get('telemetry')).to.equal('on');
    });

    it('submits nothing while off', async () => {
      const { form } = await formFixture(html`<cs-switch name="telemetry" value="yes">Send usage data</cs-switch>`);
      expect(new FormData(form).has('telemetry')).to.equal(false);
      expect([...new FormData(form).keys()]).to.deep.equal([]);
    });

    it('follows user flips and code changes', async () => {
      const { form, el } = await formFixture(html`<cs-switch name="telemetry" value="yes">Send usage data</cs-switch>`);
      control(el).click();
      await elementUpdated(el);
      expect(new FormData(form).get('telemetry')).to.equal('yes');
      el.checked = false;
      await elementUpdated(el);
      expect(new FormData(form).has('telemetry')).to.equal(false);
    });

    it('reset() restores the checked attribute: on', async () => {
      const { form, el } = await formFixture(html`<cs-switch name="telemetry" checked>Send usage data</cs-switch>`);
      control(el).click();
      await elementUpdated(el);
      expect(el.checked).to.equal(false);
      form.reset();
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
      expect(control(el).getAttribute('aria-checked')).to.equal('true');
      expect(new FormData(form).get('telemetry')).to.equal('on');
    });

    it('reset() restores the checked attribute: off', async () => {
      const { form, el } = await formFixture(html`<cs-switch name="telemetry">Send usage data</cs-switch>`);
      control(el).click();
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
      form.reset();
      await elementUpdated(el);
      expect(el.checked).to.equal(false);
      expect(control(el).getAttribute('aria-checked')).to.equal('false');
      expect(new FormData(form).has('telemetry')).to.equal(false);
    });

    it('a disabled fieldset disables it', async () => {
      const { form, el } = await formFixture(
        html`<fieldset disabled><cs-switch name="telemetry" checked>Send usage data</cs-switch></fieldset>`,
      );
      const changes = countChanges(el);
      expect(el.matches(':disabled')).to.equal(true);
      expect(control(el).disabled).to.equal(true);
      control(el).click();
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
      expect(changes.count).to.equal(0);
      expect(new FormData(form).has('telemetry')).to.equal(false);
    });

    it('enabling the fieldset again enables it', async () => {
      const { form, el } = await formFixture(
        html`<fieldset disabled><cs-switch name="telemetry">Send usage data</cs-switch></fieldset>`,
      );
      (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = false;
      await elementUpdated(el);
      expect(control(el).disabled).to.equal(false);
      control(el).click();
      await elementUpdated(el);
      expect(el.checked).to.equal(true);
      expect(new FormData(form).get('telemetry')).to.equal('on');
    });
  });

  describe('accessibility', () => {
    it('passes axe while off', async () => {
      const { wrapper } = await darkFixture(html`<cs-switch>Send usage data</cs-switch>`);
      await expect(wrapper).to.be.accessible();
    });

    it('passes axe while on, with help text', async () => {
      const { wrapper } = await darkFixture(
        html`<cs-switch checked>Send usage data<span slot="help">Counts only, never your code.</span></cs-switch>`,
      );
      await expect(wrapper).to.be.accessible();
    });

    it('passes axe while disabled', async () => {
      const { wrapper } = await darkFixture(html`<cs-switch disabled>Send usage data</cs-switch>`);
      await expect(wrapper).to.be.accessible();
    });

    it('passes axe when labelled by the label attribute', async () => {
      const { wrapper } = await darkFixture(html`<cs-switch label="Send usage data"></cs-switch>`);
      await expect(wrapper).to.be.accessible();
    });

    it('fails axe with no label at all, so the checks above mean something', async () => {
      const { wrapper } = await darkFixture(html`<cs-switch></cs-switch>`);
      await expect(wrapper).not.to.be.accessible();
    });

    it('is named by its slotted label and described by its help text', async () => {
      const { el } = await darkFixture(
        html`<cs-switch>Send usage data<span slot="help">Counts only, never your code.</span></cs-switch>`,
      );
      expect(referencedText(el, 'aria-labelledby')).to.equal('Send usage data');
      expect(referencedText(el, 'aria-describedby')).to.equal('Counts only, never your code.');
    });

    it('is named by the label attribute when nothing is slotted', async () => {
      const { el } = await darkFixture(html`<cs-switch label="Send usage data"></cs-switch>`);
      expect(referencedText(el, 'aria-labelledby')).to.equal('Send usage data');
    });

    it('shows a solid focus ring after keyboard focus', async () => {
      const { wrapper, el } = await darkFixture(html`<button id="before">Before</button><cs-switch>Send usage data</cs-switch>`);
      wrapper.querySelector<HTMLButtonElement>('#before')?.focus();
      await sendKeys({ press: 'Tab' });
      const button = control(el);
      expect(button.matches(':focus-visible')).to.equal(true);
      const style = getComputedStyle(button);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.greaterThan(0);
    });
  });
});
