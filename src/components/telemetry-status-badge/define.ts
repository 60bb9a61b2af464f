import { defineElement } from '../../internal/define-element.js';
import { CsTelemetryStatusBadge } from './telemetry-status-badge.js';

defineElement('cs-telemetry-status-badge', CsTelemetryStatusBadge);

declare global {
  interface HTMLElementTagNameMap {
    'cs-telemetry-status-badge': CsTelemetryStatusBadge;
  }
}
