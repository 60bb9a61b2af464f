import { defineElement } from '../../internal/define-element.js';
import { CsTelemetryEvents } from './telemetry-events.js';

defineElement('cs-telemetry-events', CsTelemetryEvents);

declare global {
  interface HTMLElementTagNameMap {
    'cs-telemetry-events': CsTelemetryEvents;
  }
}
