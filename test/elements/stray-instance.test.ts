// The panel against the host adapter that ships (connectTelemetryHost, behind the fake editor's webview), when one
// message comes from an adapter instance it has never seen: a second adapter attached to the same webview for a
// moment, an embedder's transport that mixed hosts, a bug. Nothing is retired by it: the live adapter's later words
// still show, and the user's click still lands, with a handful of messages.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { PROTOCOL_VERSION, type StateMessage } from '../../src/protocol/protocol.js';
import { FakeEditor, SETTING_KEY } from '../../dev/fake-editor.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';

let editor: FakeEditor | undefined;

afterEach(() => {
  fixtureCleanup();
  editor?.dispose();
  editor = undefined;
});

describe('a state from another adapter instance', () => {
  it('retires nothing: a settings.json change shows, and a click lands, with a handful of messages', async () => {
    editor = new FakeEditor({ store: { enabled: false } });
    const api = editor.openPanel() as ReturnType<FakeEditor['openPanel']> & { deliver(message: unknown): void };
    const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${api} timeout="2000"></cs-telemetry-settings>`);
    const panel = new PanelHarness(el);
    await waitUntil(() => el.view.phase === 'ready' && el.view.certainty === 'confirmed', 'the live adapter answered');
    const live = editor.state;
    expect(live.enabled).to.equal(false);
    // One state from an instance the panel has not seen, with the live adapter's rev and state.
    const { rev, instance } = el.view.host ? (api.getState() as { csTelemetry: { rev: number; instance: string } }).csTelemetry : { rev: 0, instance: '' };
    const stray: StateMessage = { type: 'telemetry/state', protocol: PROTOCOL_VERSION, instance: `${instance}-stray`, rev, state: live };
    const before = editor.received.length;
    api.deliver(stray);

    editor.editSettingsFile(true); // the user turns it on in settings.json
    await waitUntil(() => el.view.enabled === true && el.view.certainty === 'confirmed', 'the change from settings.json shows', { timeout: 3000 });
    await panel.updated();
    expect(panel.switch.control.getAttribute('aria-checked')).to.equal('true');
    expect(panel.badge.getAttribute('status')).to.equal('on');

    panel.switch.click(); // and turns it off in the panel
    await waitUntil(() => !el.view.saving && el.view.enabled === false, 'the click landed', { timeout: 3000 });
    expect(editor.vscode.effective(SETTING_KEY), 'settings.json holds the click').to.equal(false);
    expect(el.view).to.include({ phase: 'ready', certainty: 'confirmed', problem: null });
    // Settle a moment: nothing more may follow.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = editor.received.slice(before).map((message) => message.type);
    expect(sent.length, `messages after the stray state: ${sent.join(', ')}`).to.be.at.most(4);
    expect(sent).to.include('telemetry/set');
  });
});
