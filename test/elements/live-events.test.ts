// The events list is live while open: the host adapter (the one that ships, behind the fake editor) says when a
// category's log changed, and the open list asks again, keeping what it shows until the answer.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import type { TelemetryCategory, TelemetryEvent } from '../../src/protocol/protocol.js';
import { FakeEditor } from '../../dev/fake-editor.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';

let editor: FakeEditor | undefined;

afterEach(() => {
  fixtureCleanup();
  editor?.dispose();
  editor = undefined;
});

describe('an open events list', () => {
  it('shows an event sent while it is open, without a click; a closed list does not ask', async () => {
    const log: Record<string, TelemetryEvent[]> = { tokens: [], system: [] };
    const send = (category: TelemetryCategory, name: string) => {
      log[category] = [...(log[category] ?? []), { time: new Date().toISOString(), category, name, data: { count: 1 } }];
      editor!.eventSent(category);
    };
    editor = new FakeEditor({ events: true, eventLog: (category) => log[category] ?? [] });
    const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${editor.openPanel()} timeout="2000"></cs-telemetry-settings>`);
    await waitUntil(() => el.view.phase === 'ready', 'ready');
    const panel = new PanelHarness(el);
    await panel.updated();
    const dataTypes = panel.dataTypes;
    await dataTypes.element.updateComplete;
    dataTypes.eventsToggles[2]!.click(); // Token usage
    const list = () => dataTypes.eventsLists[2]!;
    await waitUntil(() => list().element.status === 'ready', 'the empty list');
    expect(list().element.events).to.have.length(0);

    send('tokens', 'tokens/usage');
    await waitUntil(() => list().element.status === 'ready' && list().element.events.length === 1, 'the new event shown', { timeout: 3000 });
    expect(list().element.events[0]!.name).to.equal('tokens/usage');
    send('tokens', 'tokens/usage-2');
    await waitUntil(() => list().element.events.length === 2, 'and the next', { timeout: 3000 });

    const asked = () => editor!.received.filter((message) => message.type === 'telemetry/events').length;
    const before = asked();
    send('system', 'system/session-start'); // a list that is not open
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked(), 'a closed list does not ask').to.equal(before);
  });
});
