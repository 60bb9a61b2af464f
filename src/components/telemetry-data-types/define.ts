// The list renders the account switch, so registering it registers the switch too.
import '../switch/define.js';
import { defineElement } from '../../internal/define-element.js';
import { CsTelemetryDataTypes } from './telemetry-data-types.js';

defineElement('cs-telemetry-data-types', CsTelemetryDataTypes);

declare global {
  interface HTMLElementTagNameMap {
    'cs-telemetry-data-types': CsTelemetryDataTypes;
  }
}
