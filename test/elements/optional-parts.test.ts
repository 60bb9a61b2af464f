// The extensions' UI is a chunk of its own: a panel holds its update until the chunk is in, so the chunk never
// arrives after the rest of the section and pushes it down. Its own file: the chunk loads once per page, and the
// first test must see it load.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import { optionalPart } from '../../src/components/optional-part.js';
import { LazyPart, holdFor } from '../../src/internal/lazy-part.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { FakeHost } from '../support/fake-host.js';

const EVERY_EXTENSION = {
  enabled: true,
  account: { loginName: 'ada', email: 'ada@example.com' },
  accountLinked: true,
  changedBy: 'user' as const,
  changedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  offers: ['events', 'privacy-statement', 'how-telemetry-works'],
};

describe('extension parts', () => {
  afterEach(() => fixtureCleanup());

  it('a panel whose host offers every extension renders its state only with their UI, and nothing moves after', async () => {
    expect(optionalPart.module, 'the chunk is not loaded before the first panel').to.equal(undefined);
    const host = new FakeHost(EVERY_EXTENSION);
    const el = document.createElement('cs-telemetry-settings');
    // Every batch of changes to the panel's DOM, as a frame could paint it: was the state there, with its parts, where?
    const seen: { ready: boolean; history: boolean; links: boolean; accountSwitch: boolean; neverTop: number }[] = [];
    const record = () => {
      const root = el.shadowRoot!;
      const never = root.querySelector('[part=never-collected]');
      if (!never) return;
      const list = root.querySelector('cs-telemetry-data-types')?.shadowRoot;
      seen.push({
        ready: el.view.phase === 'ready',
        history: !!root.querySelector('[part=history]'),
        links: !!root.querySelector('[part=links]'),
        accountSwitch: !!list?.querySelector('[part=account-switch]'),
        neverTop: never.getBoundingClientRect().top,
      });
    };
    const observer = new MutationObserver(record);
    el.vscodeApi = host.api;
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.append(el);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    await waitUntil(() => optionalPart.module && el.view.phase === 'ready', 'the chunk loaded and the host answered');
    await new PanelHarness(el).updated();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    record();
    observer.disconnect();
    host.dispose();
    const withState = seen.filter((entry) => entry.ready);
    expect(withState.length, 'the state was rendered').to.be.greaterThan(0);
    for (const entry of withState) expect(entry, 'a render of the state without its extensions').to.include({ history: true, links: true });
    // The list renders after the panel, in the same turn: by the time the batch is seen its switch is there too.
    expect(withState.at(-1)!.accountSwitch).to.equal(true);
    const tops = new Set(withState.slice(withState.findIndex((entry) => entry.accountSwitch)).map((entry) => entry.neverTop));
    expect([...tops], 'the section below the extensions moved').to.have.length(1);
  });

  it('an update waits for a missing part and runs in the same task when none is missing', async () => {
    let resolveLoad!: (module: { loaded: true }) => void;
    const part = new LazyPart(() => new Promise<{ loaded: true }>((resolve) => (resolveLoad = resolve)));
    const updates: string[] = [];
    const held = holdFor(() => [part], () => void updates.push('held'));
    expect(held).to.be.instanceOf(Promise);
    await Promise.resolve();
    expect(updates, 'updated before the part was in').to.deep.equal([]);
    resolveLoad({ loaded: true });
    await held;
    expect(updates).to.deep.equal(['held']);
    expect(part.module).to.deep.equal({ loaded: true });
    expect(holdFor(() => [part], () => void updates.push('at once'))).to.equal(undefined);
    expect(updates).to.deep.equal(['held', 'at once']);
  });

  it('a chunk that cannot be loaded is failed, not waited for again, and the update runs', async () => {
    // A real failed import: the server has no such file.
    const part = new LazyPart(() => import(/* @vite-ignore */ `${location.origin}/no-such-chunk.js`));
    const updates: number[] = [];
    await holdFor(() => [part], () => void updates.push(1));
    expect(part.failed).to.equal(true);
    expect(part.module).to.equal(undefined);
    expect(updates).to.deep.equal([1]);
    expect(holdFor(() => [part], () => void updates.push(2)), 'waits again for a failed part').to.equal(undefined);
  });
});
