import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/telemetry-data-types/define.js';
import type { TelemetryDataType } from '../src/components/telemetry-data-types/data-types.js';
import type { CsTelemetryDataTypes } from '../src/components/telemetry-data-types/telemetry-data-types.js';
import type { TelemetryAccount } from '../src/protocol/protocol.js';
import { demoEvents } from '../dev/demo-events.js';
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
    ?accountSaving=${args.accountSaving}
    ?locked=${args.locked}
    ?eventsOffered=${args.eventsOffered}
    ?telemetryOff=${args.telemetryOff}
    .events=${args.events}
    @cs-events-request=${args.onEventsRequest}
    @cs-account-linked-change=${args.onAccountLinkedChange}
  ></cs-telemetry-data-types>`,
} satisfies Meta<DataTypesArgs>;

export default meta;
type Story = StoryObj<DataTypesArgs>;

const shadow = (canvas: HTMLElement) => canvas.querySelector('cs-telemetry-data-types')!.shadowRoot!;
const accountText = (canvas: HTMLElement) => shadow(canvas).querySelector('[part=account]')!.textContent!.replace(/\s+/g, ' ').trim();
const accountSwitch = (canvas: HTMLElement) =>
  shadow(canvas).querySelector('[part=account-switch]')!.shadowRoot!.querySelector<HTMLButtonElement>('[role=switch]')!;
/** The item whose title is `title`. */
const item = (canvas: HTMLElement, title: string) => {
  const found = [...shadow(canvas).querySelectorAll<HTMLElement>('[part=item]')].find(
    (li) => li.querySelector('[part=toggle]')?.textContent?.trim() === title,
  );
  if (!found) throw new Error(`No item titled "${title}"`);
  return found;
};
const eventsOf = (li: HTMLElement) => li.querySelector('cs-telemetry-events')!;
const eventsStatus = (li: HTMLElement) =>
  eventsOf(li).shadowRoot!.querySelector('[part=status]')!.textContent!.replace(/\s+/g, ' ').trim();

export const SignedOut: Story = {};

export const SignedIn: Story = {
  args: { account: SIGNED_IN_ACCOUNT },
  play: async ({ canvasElement }) => {
    await expect(shadow(canvasElement).querySelector('[part=account]')).toHaveTextContent('ada (ada@example.com)');
  },
};

/** Each item is a real button with aria-expanded that shows its detail. */
export const Expanded: Story = {
  play: async ({ canvasElement }) => {
    const toggle = shadow(canvasElement).querySelector('[part=toggle]')!;
    const detail = shadow(canvasElement).getElementById(toggle.getAttribute('aria-controls')!)!;
    await expect(detail).not.toBeVisible();
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(detail).toBeVisible();
  },
};

/** Signed in, the host offers the account switch and it is on: the account is attached. */
export const AccountSwitch: Story = {
  args: { account: SIGNED_IN_ACCOUNT, accountLinked: 'on' },
  play: async ({ canvasElement }) => {
    await expect(accountText(canvasElement)).toBe('Attached now: ada (ada@example.com). These identify you.');
    await expect(accountSwitch(canvasElement)).toHaveAttribute('aria-checked', 'true');
    await expect(accountSwitch(canvasElement)).toHaveAccessibleName('Include my account details (login name and email)');
    await expect(accountSwitch(canvasElement)).toBeEnabled();
  },
};

/** Signed in with the switch off: the account is named but said not to be sent; flipping the switch asks for true. */
export const AccountSwitchOff: Story = {
  args: { account: SIGNED_IN_ACCOUNT, accountLinked: 'off' },
  play: async ({ canvasElement, args }) => {
    await expect(accountText(canvasElement)).toBe('Signed in as ada (ada@example.com). Not sent while the switch below is off.');
    await expect(accountSwitch(canvasElement)).toHaveAttribute('aria-checked', 'false');
    await userEvent.click(accountSwitch(canvasElement));
    await expect(args.onAccountLinkedChange).toHaveBeenCalledTimes(1);
    await expect(args.onAccountLinkedChange).toHaveBeenCalledWith(expect.objectContaining({ detail: { accountLinked: true } }));
    // The owner decides: until it sets `accountLinked`, the switch shows what it was given.
    await expect(accountSwitch(canvasElement)).toHaveAttribute('aria-checked', 'false');
  },
};

/** The host tells what was sent: each item can show it; opening one asks for its category, and shows the events given. */
export const EventsOffered: Story = {
  args: {
    eventsOffered: true,
    events: { tokens: { status: 'ready', events: demoEvents('tokens', 3, Date.parse('2026-03-02T10:00:00Z')), message: '' } },
  },
  play: async ({ canvasElement, args }) => {
    const items = shadow(canvasElement).querySelectorAll('[part=item]');
    await expect(shadow(canvasElement).querySelectorAll('[part=events-toggle]')).toHaveLength(items.length);
    for (const toggle of shadow(canvasElement).querySelectorAll('[part=events-toggle]')) {
      await expect(toggle).toHaveTextContent('Show what was sent');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    }
    const tokens = item(canvasElement, 'Token usage');
    await expect(eventsOf(tokens)).not.toBeVisible();
    await userEvent.click(tokens.querySelector('[part=events-toggle]')!);
    await expect(tokens.querySelector('[part=events-toggle]')).toHaveAttribute('aria-expanded', 'true');
    await expect(args.onEventsRequest).toHaveBeenCalledTimes(1);
    await expect(args.onEventsRequest).toHaveBeenCalledWith(expect.objectContaining({ detail: { category: 'tokens' } }));
    await expect(eventsOf(tokens)).toBeVisible();
    await waitFor(() => expect(eventsStatus(tokens)).toBe('3 events sent recently, newest first.'));
    await expect(eventsOf(tokens).shadowRoot!.querySelectorAll('[part=event]')).toHaveLength(3);
    await expect(eventsOf(tokens).shadowRoot!.querySelector('section')).toHaveAccessibleName('Token usage: events sent');
    // A category with nothing known yet shows loading while its request is out.
    const system = item(canvasElement, 'System configurations');
    await userEvent.click(system.querySelector('[part=events-toggle]')!);
    await expect(args.onEventsRequest).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { category: 'system' } }));
    await waitFor(() => expect(eventsStatus(system)).toBe('Loading recent events…'));
  },
};

/** Telemetry is off: an opened list says nothing is sent, and asks the host for nothing. */
export const TelemetryOff: Story = {
  args: { eventsOffered: true, telemetryOff: true },
  play: async ({ canvasElement, args }) => {
    const tokens = item(canvasElement, 'Token usage');
    await userEvent.click(tokens.querySelector('[part=events-toggle]')!);
    await expect(eventsOf(tokens)).toBeVisible();
    await waitFor(() => expect(eventsStatus(tokens)).toBe('Telemetry is off, so nothing is sent.'));
    await expect(args.onEventsRequest).not.toHaveBeenCalled();
  },
};
