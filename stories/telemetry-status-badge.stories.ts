import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { str } from '@lit/localize';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../src/components/telemetry-status-badge/define.js';
import type { TelemetryBadgeIdentity, TelemetryBadgeStatus } from '../src/components/telemetry-status-badge/telemetry-status-badge.js';
import { BadgeHarness } from '../dev/harness/badge-harness.js';
import { localized } from '../dev/harness/localized.js';

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
    status: { control: 'select', options: ['loading', 'on', 'errors-only', 'off', 'saving', 'error'] },
    identity: { control: 'select', options: ['anonymous', 'linked'], description: 'Told only while on, when the host offers the account switch.' },
  },
  render: ({ status, locked, identity }) =>
    html`<cs-telemetry-status-badge status=${status} ?locked=${locked} identity=${ifDefined(identity)}></cs-telemetry-status-badge>`,
} satisfies Meta<BadgeArgs>;

export default meta;
type Story = StoryObj<BadgeArgs>;

// The play functions expect the words of the locale shown: each is given as its English and its message id.
const badgeIn = (canvas: HTMLElement) => new BadgeHarness(canvas.querySelector('cs-telemetry-status-badge')!);

/** The badge's accessible name says `english` (message `id`), and that it is locked when `locked`. */
const says = (english: string, id: string, { locked = false } = {}): Story['play'] => async ({ canvasElement }) => {
  const text = localized(english, id);
  await expect(badgeIn(canvasElement).base).toHaveAccessibleName(
    locked
      ? localized(str`Telemetry status: ${text}, managed by your organization`, 'badge.label-locked')
      : localized(str`Telemetry status: ${text}`, 'badge.label'),
  );
};

export const Loading: Story = { args: { status: 'loading' }, play: says('Checking…', 'badge.loading') };
export const On: Story = { play: says('On', 'badge.on') };
export const Off: Story = { args: { status: 'off' }, play: says('Off', 'badge.off') };
/** The switch is on and the editor's telemetry level lets only error reports go. */
export const ErrorsOnly: Story = { args: { status: 'errors-only' }, play: says('Errors only', 'badge.errors-only') };
export const Saving: Story = { args: { status: 'saving' }, play: says('Saving…', 'badge.saving') };
export const Unknown: Story = { args: { status: 'error' }, play: says('Unknown', 'badge.error') };
export const Locked: Story = { args: { locked: true }, play: says('On', 'badge.on', { locked: true }) };
/** The words on the badge, as the eye reads them (the accessible name says the same, after "Telemetry status:"). */
const shows = (english: string, id: string): Story['play'] => async (context) => {
  await says(english, id)!(context);
  await expect(badgeIn(context.canvasElement).text).toBe(localized(english, id));
};

export const OnAnonymous: Story = { args: { identity: 'anonymous' }, play: shows('On, anonymous', 'badge.on-anonymous') };
export const OnWithAccount: Story = { args: { identity: 'linked' }, play: shows('On, with your account', 'badge.on-linked') };
/** Off is off: who the data would identify matters only while something is sent. */
export const OffWithAccount: Story = { args: { status: 'off', identity: 'linked' }, play: says('Off', 'badge.off') };
