// Component Story Format 3 stories. Storybook itself (its config, themes and test runner) comes with its own issue;
// until then these are plain CSF objects, typed locally so the typecheck covers them.
import { html, type TemplateResult } from 'lit';
import '../src/define.js';
import type { TelemetryBadgeStatus } from '../src/components/telemetry-status-badge/telemetry-status-badge.js';
import { FakeHost, type FakeHostOptions } from '../test/support/fake-host.js';

interface Story<Args> {
  name?: string;
  args?: Partial<Args>;
  render?: (args: Args) => TemplateResult;
}

interface PanelArgs extends FakeHostOptions {
  /** Milliseconds before the fake editor answers. */
  latency: number;
}

export default {
  title: 'Telemetry settings',
  component: 'cs-telemetry-settings',
  args: { enabled: true, latency: 300, editorTelemetryEnabled: true, managedBy: null, account: null },
};

// The panel against a fake editor backend that answers like the extension host does.
const panel = ({ latency, ...state }: PanelArgs) => {
  const host = new FakeHost({ ...state, delay: latency });
  return html`<cs-telemetry-settings .vscodeApi=${host.api}></cs-telemetry-settings>`;
};

export const On: Story<PanelArgs> = { render: panel };
export const Off: Story<PanelArgs> = { args: { enabled: false }, render: panel };
export const SignedIn: Story<PanelArgs> = {
  args: { account: { loginName: 'ada', email: 'ada@example.com' } },
  render: panel,
};
export const ManagedByPolicy: Story<PanelArgs> = { args: { managedBy: 'policy' }, render: panel };
export const EditorTelemetryOff: Story<PanelArgs> = { args: { editorTelemetryEnabled: false }, render: panel };

export const Badge: Story<{ status: TelemetryBadgeStatus; locked: boolean }> = {
  args: { status: 'on', locked: false },
  render: ({ status, locked }) =>
    html`<cs-telemetry-status-badge status=${status} ?locked=${locked}></cs-telemetry-status-badge>`,
};

export const Switch: Story<{ checked: boolean; disabled: boolean; label: string }> = {
  args: { checked: true, disabled: false, label: 'Allow Anonymous Telemetry' },
  render: ({ checked, disabled, label }) =>
    html`<cs-switch .checked=${checked} ?disabled=${disabled}>${label}<span slot="help">Takes effect at once.</span></cs-switch>`,
};
