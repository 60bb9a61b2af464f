// The panel renders the leaf elements, so registering it registers them too; the events list is registered by the
// data-types list when a host offers events (a chunk of its own in dist/webview.js's build).
import '../switch/define.js';
import '../telemetry-data-types/define.js';
import '../telemetry-status-badge/define.js';
import { defineElement } from '../../internal/define-element.js';
import { CsTelemetrySettings } from './telemetry-settings.js';

defineElement('cs-telemetry-settings', CsTelemetrySettings);

declare global {
  interface HTMLElementTagNameMap {
    'cs-telemetry-settings': CsTelemetrySettings;
  }
}
