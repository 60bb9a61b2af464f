import { createContext } from '@lit/context';
import type { TelemetryView } from './telemetry-client.js';

/** The panel's view of the telemetry setting, provided by `<cs-telemetry-settings>` to everything inside it. */
export const telemetryContext = createContext<TelemetryView>(Symbol.for('cs-telemetry-view'));
