// The panel by keyboard and by screen reader: what Chromium's accessibility tree gives a reader, and where Tab goes.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { words } from '../../dev/harness/words.js';
import { FakeHost, type FakeHostOptions } from '../support/fake-host.js';

interface AxNode {
  role: string;
  name: string;
  children: AxNode[];
}

const all = (node: AxNode, pick: (node: AxNode) => boolean): AxNode[] => [
  ...(pick(node) ? [node] : []),
  ...node.children.flatMap((child) => all(child, pick)),
];

const hosts: FakeHost[] = [];

async function panel(options: FakeHostOptions) {
  const host = new FakeHost(options);
  hosts.push(host);
  const holder = await fixture<HTMLDivElement>(
    html`<div><button id="before">Before</button><cs-telemetry-settings .vscodeApi=${host.api}></cs-telemetry-settings></div>`,
  );
  const el = holder.querySelector<CsTelemetrySettings>('cs-telemetry-settings')!;
  await waitUntil(() => el.view.phase === 'ready', 'ready');
  const harness = new PanelHarness(el);
  await harness.updated();
  return { host, holder, el, harness };
}

afterEach(() => {
  fixtureCleanup();
  for (const host of hosts.splice(0)) host.dispose();
});

describe('keyboard and screen reader', () => {
  it('a switch locked by a policy: Tab reaches it, Space changes nothing, and its description is the lock note', async () => {
    const { host, holder, el, harness } = await panel({ enabled: false, managedBy: 'policy' });
    holder.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    const control = harness.switch.control;
    expect((control.getRootNode() as ShadowRoot).activeElement, 'Tab reached the switch').to.equal(control);
    expect(control.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Space' });
    await harness.updated();
    expect(control.getAttribute('aria-checked')).to.equal('false');
    expect(host.received.filter((message) => message.type === 'telemetry/set'), 'nothing asked of the host').to.have.length(0);
    // The description a reader hears with the switch: the element its aria-describedby names.
    const description = (control.getRootNode() as ShadowRoot).getElementById(control.getAttribute('aria-describedby')!)!;
    const slotted = description.querySelector('slot')!.assignedNodes().map((node) => node.textContent).join('');
    const described = slotted.replace(/\s+/g, ' ').trim();
    expect(described).to.equal('Managed by your organization: a policy sets this setting.');
    expect(words(el.shadowRoot!), 'no word of changing it').to.not.contain('change it at any time');
  });

  it("each switch's name, and each \"Show what was sent\" button's, names what it is for, without stray spaces", async () => {
    await panel({ enabled: true, offers: ['events'], account: { loginName: 'ada', email: 'ada@example.com' }, accountLinked: true });
    const [tree] = await executeServerCommand<AxNode[], undefined>('accessibility-tree');
    const switches = all(tree!, (node) => node.role === 'switch').map((node) => node.name);
    expect(switches).to.deep.equal(['Allow Anonymous Telemetry', 'Include my account details (login name and email)']);
    const shows = all(tree!, (node) => node.role === 'button' && node.name.startsWith('Show what was sent')).map((node) => node.name);
    expect(shows).to.deep.equal([
      'Show what was sent System configurations',
      'Show what was sent Model and command',
      'Show what was sent Token usage',
      'Show what was sent Autocomplete feedback',
      'Show what was sent Account details, when signed in',
    ]);
  });

  it('Retry sits beside the alert, so the alert reads as sentences', async () => {
    const { host, harness } = await panel({ enabled: true });
    host.failNextSave('write-failed', 'Disk full.');
    harness.switch.click();
    await waitUntil(() => harness.retryButton !== null, 'Retry offered');
    await harness.updated();
    expect(words(harness.alert)).to.equal('Could not save. It is still on. Disk full.');
    expect(harness.alert.contains(harness.retryButton), 'Retry outside the live region').to.equal(false);
    const [tree] = await executeServerCommand<AxNode[], undefined>('accessibility-tree');
    expect(all(tree!, (node) => node.role === 'button' && node.name === 'Retry')).to.have.length(1);
  });
});
