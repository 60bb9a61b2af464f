import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '../src/components/telemetry-data-types/define.js';
import { DEFAULT_DATA_TYPES, type TelemetryDataType } from '../src/components/telemetry-data-types/data-types.js';
import type { TelemetryAccount } from '../src/bridge/protocol.js';
import { SIGNED_IN_ACCOUNT } from './support/story-backend.js';

interface DataTypesArgs {
  items: readonly TelemetryDataType[];
  account: TelemetryAccount | null;
}

const meta = {
  title: 'Telemetry settings/Data types',
  component: 'cs-telemetry-data-types',
  args: { items: DEFAULT_DATA_TYPES, account: null },
  argTypes: { items: { control: 'object' }, account: { control: 'object' } },
  render: ({ items, account }) => html`<cs-telemetry-data-types .items=${items} .account=${account}></cs-telemetry-data-types>`,
} satisfies Meta<DataTypesArgs>;

export default meta;
type Story = StoryObj<DataTypesArgs>;

const shadow = (canvas: HTMLElement) => canvas.querySelector('cs-telemetry-data-types')!.shadowRoot!;

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
