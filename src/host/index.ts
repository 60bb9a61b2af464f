// The package's extension-host entry (`@code-studio/telemetry-settings/host`): Node only, no DOM, no lit.
export { connectTelemetryHost } from './telemetry-host.js';
export { initialStateHtml, DEFAULT_INITIAL_STATE_TIMEOUT, type InitialStateOptions } from './initial-state.js';
export { readTelemetrySetting, invalidSettingScope, DEFAULT_SECTION, DEFAULT_KEY, OVERRIDDEN_MESSAGES } from './setting.js';
export { readEditorTelemetryLevel, levelAllows, EDITOR_TELEMETRY_LEVELS, type EditorTelemetryLevel } from './telemetry-level.js';
export { DEFAULT_LOCKED_MESSAGE } from './policy.js';
export { isDoNotTrack, DO_NOT_TRACK_VARIABLE, type TelemetryEnvironment } from './do-not-track.js';
export {
  showTelemetryNotice,
  isNoticeAnswered,
  NOTICE_KEY,
  NOTICE_MESSAGE,
  NOTICE_OPEN_SETTINGS,
  NOTICE_TURN_OFF,
  type TelemetryNoticeAnswer,
  type TelemetryNoticeOptions,
  type TelemetryNoticeStore,
} from './telemetry-notice.js';
export { DEFAULT_PROVIDER_TIMEOUT } from './providers.js';
export { HISTORY_KEY_PREFIX } from './history.js';
export type {
  TelemetryAccountLinkOption,
  TelemetryEventSource,
  TelemetryHistoryStore,
  TelemetryHostGate,
  TelemetryHostOptions,
  TelemetryHostVsCode,
  TelemetryHostWebview,
} from './options.js';
export * from '../protocol/protocol.js';
export * from '../protocol/events-messages.js';
export * from '../protocol/locked-messages.js';
export { fitEvent, type FittedEvent } from '../protocol/events.js';
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
  ACCOUNT_PLACEHOLDER,
  DEFAULT_BATCH_INTERVAL,
  DEFAULT_BATCH_MAX_EVENTS,
  DEFAULT_GATE_CAPACITY,
  DEFAULT_RETENTION_BYTES,
  DEFAULT_RETENTION_DAYS,
  DEFAULT_UPLOAD_RETRY,
  DEFAULT_UPLOAD_TIMEOUT,
  DELETION_REQUEST_EVENT,
  IDENTITY_FIELDS,
  VSCODE_COMMON_PROPERTIES,
  type TelemetryDataTypeDeclaration,
  type TelemetryGateAccountLink,
  type TelemetryUpload,
  type TelemetryGate,
  type TelemetryGateOptions,
  type TelemetryGateVsCode,
} from './telemetry-gate.js';
