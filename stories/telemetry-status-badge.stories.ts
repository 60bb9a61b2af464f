import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../src/components/telemetry-status-badge/define.js';
import type { TelemetryBadgeStatus } from '../src/components/telemetry-status-badge/telemetry-status-badge.js';

interface BadgeArgs {
  status: TelemetryBadgeStatus;
  locked: boolean;
}

const meta = {
  title: 'Telemetry settings/Status badge',
  component: 'cs-telemetry-status-badge',
  args: { status: 'on', locked: false },
  argTypes: { status: { control: 'select', options: ['loading', 'on', 'off', 'saving', 'error'] } },
  render: ({ status, locked }) => html`<cs-telemetry-status-badge status=${status} ?locked=${locked}></cs-telemetry-status-badge>`,
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
