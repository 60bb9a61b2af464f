import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/switch/define.js';
import type { CsSwitch } from '../../src/components/switch/switch.js';
import { SwitchHarness } from '../../dev/harness/switch-harness.js';

// The harnesses stand in for a user in every other test: what they read and do must be what a user would get.
describe('SwitchHarness', () => {
  async function harness(template = html`<cs-switch>Allow it<span slot="help">Takes effect at once.</span></cs-switch>`) {
    const element = await fixture<CsSwitch>(template);
    return new SwitchHarness(element);
  }

  it('reads the label without the help line, the help line, and the state a screen reader is told', async () => {
    const sw = await harness();
    expect(sw.label).to.equal('Allow it');
    expect(sw.help).to.equal('Takes effect at once.');
    expect(sw.checked).to.equal(false);
    expect(sw.disabled).to.equal(false);
    sw.element.checked = true;
    sw.element.disabled = true;
    await sw.updateComplete;
    expect(sw.checked).to.equal(true);
    expect(sw.disabled).to.equal(true);
  });

  it('falls back to the label attribute when nothing is slotted', async () => {
    const sw = await harness(html`<cs-switch label="From the attribute"></cs-switch>`);
    expect(sw.label).to.equal('From the attribute');
    expect(sw.help).to.equal('');
  });

  it('Space flips the switch as the browser would, firing one change', async () => {
    const sw = await harness();
    let changes = 0;
    sw.element.addEventListener('change', () => changes++);
    sw.pressSpace();
    await sw.updateComplete;
    expect(sw.checked).to.equal(true);
    expect(changes).to.equal(1);
    expect(sw.root.activeElement).to.equal(sw.control);
  });

  it('Space does nothing on a disabled switch, or when its keydown is cancelled', async () => {
    const sw = await harness();
    sw.control.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
    sw.pressSpace();
    await sw.updateComplete;
    expect(sw.checked, 'keydown cancelled').to.equal(false);
    sw.element.disabled = true;
    await sw.updateComplete;
    sw.pressSpace();
    sw.click();
    await sw.updateComplete;
    expect(sw.checked, 'disabled').to.equal(false);
  });
});
