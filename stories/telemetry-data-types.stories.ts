import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { str } from '@lit/localize';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/telemetry-data-types/define.js';
import type { TelemetryDataType } from '../src/components/telemetry-data-types/data-types.js';
import type { CsTelemetryDataTypes } from '../src/components/telemetry-data-types/telemetry-data-types.js';
import type { TelemetryAccount } from '../src/protocol/protocol.js';
import { demoEvents } from '../dev/demo-events.js';
import { DataTypesHarness } from '../dev/harness/data-types-harness.js';
import { localized } from '../dev/harness/localized.js';
import { SIGNED_IN_ACCOUNT } from './support/story-backend.js';

/** The `accountLinked` property in words: not offered (undefined), on (true), off (false), not known yet (null). */
const ACCOUNT_LINKED = { 'not offered': undefined, on: true, off: false, 'not known yet': null } as const;

interface DataTypesArgs {
  /** Unset: the five kinds Code Studio collects, in the toolbar's locale. */
  items?: readonly TelemetryDataType[];
  account: TelemetryAccount | null;
  accountLinked: keyof typeof ACCOUNT_LINKED;
  accountSaving: boolean;
  locked: boolean;
  eventsOffered: boolean;
  telemetryOff: boolean;
  events: CsTelemetryDataTypes['events'];
  onEventsRequest: (event: Event) => void;
  onAccountLinkedChange: (event: Event) => void;
}

const meta = {
  title: 'Telemetry settings/Data types',
  component: 'cs-telemetry-data-types',
  args: {
    items: undefined,
    account: null,
    accountLinked: 'not offered',
    accountSaving: false,
    locked: false,
    eventsOffered: false,
    telemetryOff: false,
    events: {},
    onEventsRequest: fn(),
    onAccountLinkedChange: fn(),
  },
  argTypes: {
    items: { control: 'object' },
    account: { control: 'object' },
    accountLinked: {
      control: 'select',
      options: Object.keys(ACCOUNT_LINKED),
      description: 'The account switch: not offered (undefined), on (true), off (false), not known yet (null: shown off and disabled).',
    },
    events: { control: 'object' },
  },
  render: (args) => html`<cs-telemetry-data-types
    .items=${args.items}
    .account=${args.account}
    .accountLinked=${ACCOUNT_LINKED[args.accountLinked]}
    ?account-saving=${args.accountSaving}
    ?locked=${args.locked}
    ?events-offered=${args.eventsOffered}
    ?telemetry-off=${args.telemetryOff}
    .events=${args.events}
    @cs-events-request=${args.onEventsRequest}
    @cs-account-linked-change=${args.onAccountLinkedChange}
  ></cs-telemetry-data-types>`,
} satisfies Meta<DataTypesArgs>;

export default meta;
type Story = StoryObj<DataTypesArgs>;

// The play functions read the list through its harness and expect the words of the locale shown.
const listIn = (canvas: HTMLElement) => new DataTypesHarness(canvas.querySelector('cs-telemetry-data-types')!);
const tokensTitle = () => localized('Token usage', 'data.tokens.title');

export const SignedOut: Story = {};

export const SignedIn: Story = {
  args: { account: SIGNED_IN_ACCOUNT },
  play: async ({ canvasElement }) => {
    await expect(listIn(canvasElement).account).toHaveTextContent(
      localized(html`Attached now: <b>${'ada'}</b> (<b>${'ada@example.com'}</b>). These identify you.`, 'data.account.attached'),
    );
  },
};

/** Each item is a real button with aria-expanded that shows its detail. */
export const Expanded: Story = {
  play: async ({ canvasElement }) => {
    const list = listIn(canvasElement);
    const [toggle] = list.toggles;
    const detail = list.root.getElementById(toggle.getAttribute('aria-controls')!)!;
    await expect(detail).not.toBeVisible();
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(detail).toBeVisible();
    // System configurations names what the editor itself adds to every event.
    await expect(detail).toHaveTextContent(
      localized(
        "The editor itself adds to every event: an anonymous machine id and session id, the editor's version, the extension's name and version, and the kind of window and remote.",
        'data.system.how-sent',
      ),
    );
  },
};

/** Signed in, the host offers the account switch and it is on: the account is attached. */
export const AccountSwitch: Story = {
  args: { account: SIGNED_IN_ACCOUNT, accountLinked: 'on' },
  play: async ({ canvasElement }) => {
    const list = listIn(canvasElement);
    await expect(list.accountText).toBe(
      localized(html`Attached now: <b>${'ada'}</b> (<b>${'ada@example.com'}</b>). These identify you.`, 'data.account.attached'),
    );
    await expect(list.accountSwitch!.control).toHaveAttribute('aria-checked', 'true');
    await expect(list.accountSwitch!.control).toHaveAccessibleName(
      localized('Include my account details (login name and email)', 'data.account.switch'),
    );
    await expect(list.accountSwitch!.control).toBeEnabled();
  },
};

/** Signed in with the switch off: the account is named but said not to be sent; flipping the switch asks for true. */
export const AccountSwitchOff: Story = {
  args: { account: SIGNED_IN_ACCOUNT, accountLinked: 'off' },
  play: async ({ canvasElement, args }) => {
    const list = listIn(canvasElement);
    await expect(list.accountText).toBe(
      localized(html`Signed in as <b>${'ada'}</b> (<b>${'ada@example.com'}</b>). Not sent while the switch below is off.`, 'data.account.not-attached'),
    );
    await expect(list.accountSwitch!.control).toHaveAttribute('aria-checked', 'false');
    await userEvent.click(list.accountSwitch!.control);
    await expect(args.onAccountLinkedChange).toHaveBeenCalledTimes(1);
    await expect(args.onAccountLinkedChange).toHaveBeenCalledWith(expect.objectContaining({ detail: { accountLinked: true } }));
    // The owner decides: this story's owner never changes `accountLinked`, so the list's next render shows its value
    // again (the switch is bound with live()).
    const element = canvasElement.querySelector('cs-telemetry-data-types')!;
    element.requestUpdate();
    await element.updateComplete;
    await expect(list.accountSwitch!.control).toHaveAttribute('aria-checked', 'false');
  },
};

/** The host tells what was sent: each item can show it; opening one asks for its category, and shows the events given. */
export const EventsOffered: Story = {
  args: {
    eventsOffered: true,
    events: { tokens: { status: 'ready', events: demoEvents('tokens', 3, Date.parse('2026-03-02T10:00:00Z')), message: '' } },
  },
  play: async ({ canvasElement, args }) => {
    const list = listIn(canvasElement);
    await expect(list.eventsToggles).toHaveLength(list.items.length);
    for (const toggle of list.eventsToggles) {
      await expect(toggle).toHaveTextContent(localized('Show what was sent', 'data.events.toggle'));
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    }
    const tokens = tokensTitle();
    await expect(list.eventsList(tokens).element).not.toBeVisible();
    await userEvent.click(list.eventsToggle(tokens));
    await expect(list.eventsToggle(tokens)).toHaveAttribute('aria-expanded', 'true');
    await expect(args.onEventsRequest).toHaveBeenCalledTimes(1);
    await expect(args.onEventsRequest).toHaveBeenCalledWith(expect.objectContaining({ detail: { category: 'tokens', refresh: false } }));
    await expect(list.eventsList(tokens).element).toBeVisible();
    await waitFor(() => expect(list.eventsList(tokens).statusText).toBe(localized(str`${3} events sent recently, newest first.`, 'events.count')));
    await expect(list.eventsList(tokens).rows).toHaveLength(3);
    await expect(list.eventsList(tokens).section).toHaveAccessibleName(localized(str`${tokens}: events sent`, 'data.events.label'));
    // A category with nothing known yet shows loading while its request is out.
    const system = localized('System configurations', 'data.system.title');
    await userEvent.click(list.eventsToggle(system));
    await expect(args.onEventsRequest).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { category: 'system', refresh: false } }));
    await waitFor(() => expect(list.eventsList(system).statusText).toBe(localized('Loading recent events…', 'events.loading')));
  },
};

/** Telemetry is off: an opened list says nothing is sent, and asks the host for nothing. */
export const TelemetryOff: Story = {
  args: { eventsOffered: true, telemetryOff: true },
  play: async ({ canvasElement, args }) => {
    const list = listIn(canvasElement);
    const tokens = tokensTitle();
    await userEvent.click(list.eventsToggle(tokens));
    await expect(list.eventsList(tokens).element).toBeVisible();
    await waitFor(() => expect(list.eventsList(tokens).statusText).toBe(localized('Telemetry is off, so nothing is sent.', 'events.off')));
    await expect(args.onEventsRequest).not.toHaveBeenCalled();
  },
};
