// A click shows the switch's new state in its own task, without waiting for the panel's render, and the switch never
// shows a value the panel's view does not hold.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { FakeHost } from '../support/fake-host.js';

const hosts: FakeHost[] = [];

async function readyPanel(manual: boolean) {
  const host = new FakeHost({ enabled: true, manual });
  hosts.push(host);
  const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${host.api} .timeout=${5000}></cs-telemetry-settings>`);
  if (manual) host.replyAll();
  await waitUntil(() => el.view.phase === 'ready', 'the panel never became ready');
  const harness = new PanelHarness(el);
  await harness.updated();
  // Counts the panel's renders from here on: each is a render of the whole section.
  let renders = 0;
  const render = el.render.bind(el);
  el.render = () => (renders++, render());
  return { el, host, harness, renders: () => renders };
}

const ariaChecked = (harness: PanelHarness) => harness.switch.control.getAttribute('aria-checked');

describe('a click on the switch', () => {
  afterEach(() => {
    for (const host of hosts.splice(0)) host.dispose();
    fixtureCleanup();
  });

  it('shows the new state in the same task, before any render of the panel, and the panel renders once', async () => {
    const { el, host, harness, renders } = await readyPanel(true);
    expect(ariaChecked(harness)).to.equal('true');
    harness.switch.control.click();
    expect(el.view.enabled, 'the view holds the intent').to.equal(false);
    expect(ariaChecked(harness), 'the switch did not show the flip at once').to.equal('false');
    expect(renders(), 'the panel rendered before the switch showed it').to.equal(0);
    await harness.updated();
    expect(renders(), 'renders of the panel for one click').to.equal(1);
    host.replyAll();
    await waitUntil(() => !el.view.saving, 'the set settled');
    await harness.updated();
    expect(ariaChecked(harness)).to.equal('false');
    expect(renders(), 'renders for the click and its reply').to.equal(2);
  });

  it('never shows a value the view does not hold, whatever the replies, at any point a frame could paint', async () => {
    const { el, host, harness } = await readyPanel(true);
    const mismatches: string[] = [];
    const check = (when: string) => {
      const shown = ariaChecked(harness);
      if (shown !== String(el.view.enabled === true)) mismatches.push(`${when}: shows ${shown}, view ${el.view.enabled}`);
    };
    for (let step = 0; step < 40; step++) {
      // Every third save is refused, answered at once, so the view goes back before the panel renders.
      if (step % 3 === 0) host.failNextSave('write-failed');
      harness.switch.control.click();
      check(`step ${step} after the click`);
      if (step % 2 === 0) host.replyAll();
      await harness.updated();
      check(`step ${step} after the render`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      check(`step ${step} at the frame`);
    }
    // Sets that waited for a free slot go out later: answer until none is left.
    await waitUntil(() => (host.replyAll(), !el.view.saving && host.held.length === 0), 'settled', { timeout: 5000 });
    await harness.updated();
    check('settled');
    expect(mismatches).to.deep.equal([]);
    expect(ariaChecked(harness)).to.equal(String(host.state.enabled));
  });
});
