import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { FakeEditor } from '../../dev/fake-editor.js';

// A side panel is about 300 px wide: every state must reflow there with nothing cut off and no horizontal scroll.
describe('layout', () => {
  let editor: FakeEditor;
  afterEach(() => editor.dispose());

  async function panelAt(width: number) {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
    const el = document.createElement('cs-telemetry-settings') as CsTelemetrySettings;
    el.vscodeApi = editor.openPanel();
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
    editor = new FakeEditor({
      store: { enabled: true, telemetryLevel: 'off' },
      policy: true,
      account: { loginName: 'a'.repeat(120), email: `${'b'.repeat(120)}@example.com` },
    });
    const el = await panelAt(300);
    editor.failNextSave('The settings file could not be written: ' + 'x'.repeat(200));
    editor.policy = false;
    await waitUntil(() => !el.view.host?.managedBy, 'unlocked');
    // The unlocked state may wait for the extensions' chunk before it renders; the user clicks what is shown.
    await el.updateComplete;
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
    editor = new FakeEditor({ store: { enabled: true } });
    const el = await panelAt(1200);
    expect(el.getBoundingClientRect().width).to.equal(720);
  });

  describe('right to left', () => {
    afterEach(() => document.documentElement.removeAttribute('dir'));

    it('fits 300 px with every extension showing, mirrors the chevron and slides the thumb toward the inline end', async () => {
      document.documentElement.dir = 'rtl';
      editor = new FakeEditor({
        store: { enabled: true, accountLinked: true },
        account: { loginName: 'a'.repeat(80), email: `${'b'.repeat(80)}@example.com` },
        accountSwitch: true,
        lastChange: { changedBy: 'settings-file', changedAt: new Date(Date.now() - 3 * 60_000) },
        events: true,
        links: true,
        eventLog: (category) =>
          Array.from({ length: 5 }, (_, i) => ({
            time: new Date(Date.now() - (5 - i) * 1000).toISOString(), // oldest first, as the protocol carries them
            category,
            name: `${category}/${'long-event-name-'.repeat(6)}${i}`,
            data: { ['key-' + 'k'.repeat(60)]: 'v'.repeat(200), count: i },
          })),
      });
      const el = await panelAt(300);
      const list = el.shadowRoot!.querySelector('cs-telemetry-data-types')!;
      await list.updateComplete;
      const toggles = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=toggle]')];
      const collapsedChevron = toggles[0].querySelector('svg')!;
      expect(getComputedStyle(collapsedChevron).transform, 'collapsed chevron mirrored').to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      toggles[0].click();
      for (const button of list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=events-toggle]')) button.click();
      await waitUntil(
        () => [...list.shadowRoot!.querySelectorAll('cs-telemetry-events')].every((e) => e.status === 'ready'),
        'events ready',
        { timeout: 5000 }, // five requests at once: the last waits for a free slot
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Expanded, it points down in either direction.
      expect(getComputedStyle(toggles[0].querySelector('svg')!).transform).to.equal('matrix(0, 1, -1, 0, 0, 0)');
      const thumb = (sw: Element) => getComputedStyle(sw.shadowRoot!.querySelector('[role=switch]')!, '::before').transform;
      // Both switches are on: the thumb moves 14 px toward the inline end, which is the left here.
      expect(thumb(el.shadowRoot!.querySelector('cs-switch')!)).to.equal('matrix(1, 0, 0, 1, -14, 0)');
      expect(thumb(list.shadowRoot!.querySelector('cs-switch')!)).to.equal('matrix(1, 0, 0, 1, -14, 0)');
      const section = el.shadowRoot!.querySelector('section')!;
      expect(getComputedStyle(section).direction).to.equal('rtl');
      expect(el.getBoundingClientRect().width).to.equal(300);
      expect(el.scrollWidth, 'no horizontal scroll').to.be.at.most(el.clientWidth);
      expect(overflowing(el.shadowRoot!)).to.deep.equal([]);
      // Text starts at the right edge: the heading sits at the inline start.
      const heading = el.shadowRoot!.querySelector('h2')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      expect(box.right - heading.right, 'heading at the right').to.be.below(box.width / 4);
    });
  });
});
