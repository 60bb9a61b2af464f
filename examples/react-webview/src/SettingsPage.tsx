// A settings page with the telemetry section in it. React 19 renders <cs-telemetry-settings> as a custom element
// and sets `vscodeApi` and `timeout` as properties, because the element has them once its tag is defined.
import '@code-studio/telemetry-settings/components/telemetry-settings/define.js'; // the tags, before React creates them
import type { VsCodeApi } from '@code-studio/telemetry-settings';
import type {} from '@code-studio/telemetry-settings/jsx'; // the tags' JSX types

export function SettingsPage({ vscodeApi }: { vscodeApi: VsCodeApi }) {
  return (
    <main>
      <h1>Settings</h1>
      <cs-telemetry-settings vscodeApi={vscodeApi} timeout={5000} />
    </main>
  );
}
