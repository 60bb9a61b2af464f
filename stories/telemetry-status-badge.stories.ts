import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../src/components/telemetry-status-badge/define.js';
import type { TelemetryBadgeIdentity, TelemetryBadgeStatus } from '../src/components/telemetry-status-badge/telemetry-status-badge.js';

interface BadgeArgs {
  status: TelemetryBadgeStatus;
  locked: boolean;
  /** Unset: the host offers no account switch, so the badge says just "On". */
  identity?: TelemetryBadgeIdentity;
}

const meta = {
  title: 'Telemetry settings/Status badge',
  component: 'cs-telemetry-status-badge',
  args: { status: 'on', locked: false, identity: undefined },
  argTypes: {
    status: { control: 'select', options: ['loading', 'on', 'off', 'saving', 'error'] },
    identity: { control: 'select', options: ['anonymous', 'linked'], description: 'Told only while on, when the host offers the account switch.' },
  },
  render: ({ status, locked, identity }) =>
    html`<cs-telemetry-status-badge status=${status} ?locked=${locked} identity=${ifDefined(identity)}></cs-telemetry-status-badge>`,
} satisfies Meta<BadgeArgs>;

export default meta;
type Story = StoryObj<BadgeArgs>;

const says = (text: string): Story['play'] => async ({ canvasElement }) => {
  const badge = canvasElement.querySelector('cs-telemetry-status-badge')!.shadowRoot!.querySelector('[part=base]')!;
  await expect(badge).toHaveAccessibleName(`Telemetry status: ${text}`);
};

export const Loading: Story = { args: { status: 'loading' }, play: says('Checking…') };
export const On: Story = { play: says('On') };
export const Off: Story = { args: { status: 'off' }, play: says('Off') };
export const Saving: Story = { args: { status: 'saving' }, play: says('Saving…') };
export const Unknown: Story = { args: { status: 'error' }, play: says('Unknown') };
export const Locked: Story = { args: { locked: true }, play: says('On, managed by your organization') };
/** The words on the badge, as the eye reads them (the accessible name says the same, after "Telemetry status:"). */
const shows = (text: string): Story['play'] => async (context) => {
  await says(text)!(context);
  const label = context.canvasElement.querySelector('cs-telemetry-status-badge')!.shadowRoot!.querySelector('[part=label]');
  await expect(label!.textContent!.trim()).toBe(text);
};

export const OnAnonymous: Story = { args: { identity: 'anonymous' }, play: shows('On, anonymous') };
export const OnWithAccount: Story = { args: { identity: 'linked' }, play: shows('On, with your account') };
/** Off is off: who the data would identify matters only while something is sent. */
export const OffWithAccount: Story = { args: { status: 'off', identity: 'linked' }, play: says('Off') };
