// The package's extension-host entry (`@code-studio/telemetry-settings/host`): Node only, no DOM, no lit.
export {
  connectTelemetryHost,
  readTelemetrySetting,
  DEFAULT_SECTION,
  DEFAULT_KEY,
  DEFAULT_LOCKED_MESSAGE,
  DEFAULT_PROVIDER_TIMEOUT,
  HISTORY_KEY_PREFIX,
  OVERRIDDEN_MESSAGES,
  type TelemetryAccountLinkOption,
  type TelemetryEventSource,
  type TelemetryHistoryStore,
  type TelemetryHostOptions,
  type TelemetryHostVsCode,
  type TelemetryHostWebview,
} from './telemetry-host.js';
export * from '../protocol/protocol.js';
export {
  registerTelemetryPanels,
  MAX_PANEL_SESSIONS,
  PANEL_SESSIONS_KEY_PREFIX,
  type TelemetryPanelOrigin,
  type TelemetryPanels,
  type TelemetryPanelsOptions,
  type TelemetryPanelsVsCode,
} from './telemetry-panels.js';
