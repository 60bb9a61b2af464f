// The package's extension-host entry (`@code-studio/telemetry-settings/host`): Node only, no DOM, no lit.
export { connectTelemetryHost } from './telemetry-host.js';
export { initialStateHtml, DEFAULT_INITIAL_STATE_TIMEOUT, type InitialStateOptions } from './initial-state.js';
export { readTelemetrySetting, DEFAULT_SECTION, DEFAULT_KEY, OVERRIDDEN_MESSAGES } from './setting.js';
export { readEditorTelemetryLevel, levelAllows, EDITOR_TELEMETRY_LEVELS, type EditorTelemetryLevel } from './telemetry-level.js';
export { DEFAULT_LOCKED_MESSAGE } from './policy.js';
export { DEFAULT_PROVIDER_TIMEOUT } from './providers.js';
export { HISTORY_KEY_PREFIX } from './history.js';
export type {
  TelemetryAccountLinkOption,
  TelemetryEventSource,
  TelemetryHistoryStore,
  TelemetryHostOptions,
  TelemetryHostVsCode,
  TelemetryHostWebview,
} from './options.js';
export * from '../protocol/protocol.js';
export {
  telemetryPanelHtml,
  telemetryPanelWebviewOptions,
  DEFAULT_PAGE_START_TIMEOUT,
  PAGE_DID_NOT_START_MESSAGE,
  PAGE_TOOK_API_MESSAGE,
  SCRIPTS_DISABLED_MESSAGE,
  type TelemetryPanelPageOptions,
  type TelemetryPanelPageVsCode,
  type TelemetryPanelPageWebview,
} from './panel-page.js';
export {
  registerTelemetryPanels,
  MAX_PANEL_SESSIONS,
  PANEL_SESSIONS_KEY_PREFIX,
  type TelemetryPanelOrigin,
  type TelemetryPanels,
  type TelemetryPanelsOptions,
  type TelemetryPanelsVsCode,
} from './telemetry-panels.js';
export {
  createTelemetryGate,
  DEFAULT_GATE_CAPACITY,
  IDENTITY_FIELDS,
  VSCODE_COMMON_PROPERTIES,
  type TelemetryDataTypeDeclaration,
  type TelemetryGate,
  type TelemetryGateOptions,
  type TelemetryGateVsCode,
} from './telemetry-gate.js';
