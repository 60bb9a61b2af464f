import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../src/components/telemetry-settings/telemetry-settings.js';
import { FakeHost } from './support/fake-host.js';

// A side panel is about 300 px wide: every state must reflow there with nothing cut off and no horizontal scroll.
describe('layout', () => {
  let host: FakeHost;
  afterEach(() => host.dispose());

  async function panelAt(width: number) {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
    const el = document.createElement('cs-telemetry-settings') as CsTelemetrySettings;
    el.vscodeApi = host.api;
    el.timeout = 100;
    wrapper.append(el);
    await waitUntil(() => el.view.phase === 'ready', 'ready');
    return el;
  }

  /** Elements in the panel's shadow trees whose content is wider than their box. */
  function overflowing(root: ShadowRoot): string[] {
    const wide: string[] = [];
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).display !== 'inline') wide.push(node.localName);
      if (node.shadowRoot) wide.push(...overflowing(node.shadowRoot));
    }
    return wide;
  }

  it('fits 300 px with every note, an alert and a very long account at once', async () => {
    host = new FakeHost({
      enabled: true,
      managedBy: 'policy',
      editorTelemetryEnabled: false,
      account: { loginName: 'a'.repeat(120), email: `${'b'.repeat(120)}@example.com` },
    });
    const el = await panelAt(300);
    host.failNextSave('write-failed', 'The settings file could not be written: ' + 'x'.repeat(200));
    host.push({ managedBy: null });
    await waitUntil(() => !el.view.host?.managedBy, 'unlocked');
    el.shadowRoot!.querySelector('cs-switch')!.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => el.view.problem?.kind === 'save-failed', 'save failed');
    await el.updateComplete;
    for (const button of el.shadowRoot!.querySelector('cs-telemetry-data-types')!.shadowRoot!.querySelectorAll('button')) button.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.getBoundingClientRect().width).to.equal(300);
    expect(el.scrollWidth, 'no horizontal scroll').to.be.at.most(el.clientWidth);
    expect(overflowing(el.shadowRoot!)).to.deep.equal([]);
  });

  it('stops growing at 720 px', async () => {
    host = new FakeHost({ enabled: true });
    const el = await panelAt(1200);
    expect(el.getBoundingClientRect().width).to.equal(720);
  });
});
