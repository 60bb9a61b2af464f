// A panel whose alert chunk (the alert's words and rules) could not be loaded: a failed save still says, in the core's
// own sentence, that the save failed and what the editor holds, and Retry still works. Its own file: the chunk's state
// is the page's. Here the part starts failed, as LazyPart leaves it after a failed import (a real failed import is
// tested in extension-parts.test.ts).
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { alertPart } from '../../src/components/telemetry-settings/alert-part.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { FakeHost } from '../support/fake-host.js';

describe('an alert chunk that failed to load', () => {
  afterEach(() => fixtureCleanup());

  it('a failed save still says so and what the editor holds, in the core\'s sentence, with Retry', async () => {
    alertPart.failed = true;
    const host = new FakeHost({ enabled: true });
    const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${host.api} .timeout=${5000}></cs-telemetry-settings>`);
    await waitUntil(() => el.view.phase === 'ready' && el.view.certainty === 'confirmed', 'the host answered');
    const panel = new PanelHarness(el);
    host.failNextSave('write-failed', 'Disk full.');
    panel.switch.click();
    await waitUntil(() => el.view.problem?.kind === 'save-failed' && el.view.certainty === 'confirmed', 'the save failed');
    await host.idle();
    await panel.updated();
    expect(alertPart.module, 'the chunk is not loaded').to.equal(undefined);
    expect(panel.alertText).to.equal('Could not save. It is still on.');
    expect(panel.retryButton, 'Retry beside the alert').to.not.equal(null);
    expect(panel.badgeStatus, 'the badge says what the editor holds').to.equal('on');
    expect(panel.switch.checked).to.equal(true);
    const sets = host.api.sent('telemetry/set').length;
    panel.retry();
    expect(host.api.sent('telemetry/set'), 'Retry saves again').to.have.length(sets + 1);
    host.dispose();
  });
});
