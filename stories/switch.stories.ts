import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent } from 'storybook/test';
import '../src/components/switch/define.js';
import { SwitchHarness } from '../dev/harness/switch-harness.js';

interface SwitchArgs {
  checked: boolean;
  disabled: boolean;
  label: string;
  name: string;
  value: string;
  /** Text for the `help` slot. */
  help: string;
  onChange: (event: Event) => void;
}

const meta = {
  title: 'Telemetry settings/Switch',
  component: 'cs-switch',
  args: { checked: true, disabled: false, label: 'Allow Anonymous Telemetry', name: '', value: 'on', help: 'Takes effect at once.', onChange: fn() },
  argTypes: { help: { control: 'text', table: { category: 'slots' } } },
  render: ({ checked, disabled, label, name, value, help, onChange }) =>
    html`<cs-switch .checked=${checked} ?disabled=${disabled} label=${label} name=${name} value=${value} @change=${onChange}
      ><span slot="help">${help}</span></cs-switch
    >`,
} satisfies Meta<SwitchArgs>;

export default meta;
type Story = StoryObj<SwitchArgs>;

const control = (canvas: HTMLElement) => new SwitchHarness(canvas.querySelector('cs-switch')!).control;

export const On: Story = {};

export const Off: Story = { args: { checked: false } };

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(control(canvasElement)).toBeDisabled();
  },
};

/** A click flips the switch and fires one `change`; setting `checked` from code fires none. */
export const Flip: Story = {
  args: { checked: false },
  play: async ({ args, canvasElement }) => {
    canvasElement.querySelector('cs-switch')!.checked = true;
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.click(control(canvasElement));
    await expect(control(canvasElement)).toHaveAttribute('aria-checked', 'false');
    await expect(args.onChange).toHaveBeenCalledTimes(1);
  },
};
