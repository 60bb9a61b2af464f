// JSX types for the one tag this page uses. When the package ships its JSX types entry, this file goes and
// SettingsPage.tsx imports that entry instead, in the one line that imports this file.
import type { CsTelemetrySettings } from '@code-studio/telemetry-settings';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cs-telemetry-settings': {
        /** The webview API the panel talks through: a property, which React 19 sets as one. */
        vscodeApi?: CsTelemetrySettings['vscodeApi'];
        /** How long a request may go unanswered, in ms. */
        timeout?: number;
      };
    }
  }
}
