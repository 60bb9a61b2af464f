// The state a host embeds in the page is its word as it built the page: a panel shows it as confirmed on the page's
// first connection only. One removed and added back later starts from the saved state (or "Checking…"), never from
// the page-load state, which may be long out of date. (A file of its own: the page's embed is taken once per page.)
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { INITIAL_STATE_ELEMENT_ID } from '../../src/protocol/protocol.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { words } from '../../dev/harness/words.js';
import { FakeHost } from '../support/fake-host.js';

describe('a panel removed and added back', () => {
  let host: FakeHost | undefined;
  let embed: HTMLScriptElement | undefined;

  afterEach(() => {
    fixtureCleanup();
    host?.dispose();
    embed?.remove();
  });

  it('does not show the page-load embed as confirmed: it starts from the saved state', async () => {
    host = new FakeHost({ enabled: true, rev: 3, instance: 'page-load', manual: true });
    embed = document.createElement('script');
    embed.type = 'application/json';
    embed.id = INITIAL_STATE_ELEMENT_ID;
    embed.textContent = JSON.stringify(host.stateMessage());
    document.head.append(embed);

    const holder = await fixture<HTMLDivElement>(html`<div><cs-telemetry-settings .vscodeApi=${host.api} timeout="300"></cs-telemetry-settings></div>`);
    const el = holder.querySelector('cs-telemetry-settings') as CsTelemetrySettings;
    expect(el.view, 'the first connection shows the embed at once').to.include({ enabled: true, certainty: 'confirmed' });
    host.replyAll();

    // The extension host restarts; the new adapter's word: telemetry is off now.
    host.restart({ instance: 'restarted' });
    host.push({ enabled: false });
    host.replyAll(); // the check the new instance called for
    await waitUntil(() => el.view.enabled === false && el.view.certainty === 'confirmed', 'the new adapter shown');

    el.remove();
    host.silent = true; // and the host says nothing more
    holder.append(el);
    await el.updateComplete;
    expect(el.view.enabled, 'the saved word, not the page-load one').to.equal(false);
    expect(el.view.certainty).to.not.equal('confirmed');
    expect(host.api.posted.at(-1)).to.deep.include({ type: 'telemetry/hello' });
    await waitUntil(() => el.view.phase === 'unreachable', 'the hello unanswered', { timeout: 3000 });
    await el.updateComplete;
    const panel = new PanelHarness(el);
    expect(words(panel.alert)).to.contain('It was last off.');
  });
});
