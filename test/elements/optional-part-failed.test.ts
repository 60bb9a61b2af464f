// A panel whose extensions' chunk could not be loaded: the rest of the section works and a note says what is missing.
// Its own file: the chunk's state is the page's. The load failing for real is tested in extension-parts.test.ts;
// here the part starts failed, as LazyPart leaves it after a failed import.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { optionalPart } from '../../src/components/optional-part.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { words } from '../../dev/harness/words.js';
import { FakeHost } from '../support/fake-host.js';

const NOTE = 'Part of this page could not be loaded. Reload the page to try again.';

describe('an extensions chunk that failed to load', () => {
  afterEach(() => fixtureCleanup());

  it('leaves the core of the panel working, with a note in the panel and in the list instead of a blank', async () => {
    optionalPart.failed = true;
    const host = new FakeHost({
      enabled: true,
      account: { loginName: 'ada', email: 'ada@example.com' },
      accountLinked: true,
      changedBy: 'user',
      changedAt: new Date().toISOString(),
      offers: ['events', 'privacy-statement'],
    });
    const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${host.api} .timeout=${5000}></cs-telemetry-settings>`);
    await waitUntil(() => el.view.phase === 'ready', 'the host answered');
    const harness = new PanelHarness(el);
    await harness.updated();
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=history]'), 'a history line without its chunk').to.equal(null);
    expect(words(root.querySelector('.note.warning')!)).to.equal(NOTE);
    const list = root.querySelector('cs-telemetry-data-types')!;
    await list.updateComplete;
    expect(words(list.shadowRoot!.querySelector('[part=part-failed]')!)).to.equal(NOTE);
    expect(harness.badgeStatus, 'the badge still tells the state').to.equal('on');
    harness.switch.control.click();
    expect(el.view.enabled, 'the main switch still works').to.equal(false);
    host.dispose();
  });
});
