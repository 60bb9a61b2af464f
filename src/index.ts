// The library's main entry: classes, types and the bridge, with no side effects.
// Import './define.js' (or a component's own define module) to register the tags.
export { CsSwitch } from './components/switch/switch.js';
export {
  CsTelemetryStatusBadge,
  type TelemetryBadgeIdentity,
  type TelemetryBadgeStatus,
} from './components/telemetry-status-badge/telemetry-status-badge.js';
export { CsTelemetryDataTypes, type TelemetryEventsEntry } from './components/telemetry-data-types/telemetry-data-types.js';
export { defaultDataTypes, type TelemetryDataType } from './components/telemetry-data-types/data-types.js';
export { CsTelemetryEvents, EVENTS_CHUNK, type TelemetryEventsStatus } from './components/telemetry-events/telemetry-events.js';
export type { CsAccountLinkedChangeEvent, CsEventsRequestEvent, CsEventsRetryEvent } from './components/events.js';
export { CsTelemetrySettings } from './components/telemetry-settings/telemetry-settings.js';
export { badgeIdentity, badgeStatus } from './components/telemetry-settings/view.js';
export { telemetryContext } from './webview/telemetry-context.js';
export { applyLocale, getLocale, resolveLocale, setLocale, type SupportedLocale } from './internal/i18n/locale.js';
export * from './protocol/protocol.js';
export * from './protocol/events-messages.js';
export * from './protocol/locked-messages.js';
export {
  TelemetryClient,
  TelemetryRequestError,
  DEFAULT_TIMEOUT,
  EXPORT_TIMEOUT,
  type SetField,
  type TelemetryEventsPage,
  type TelemetryExport,
  type TelemetryClientOptions,
  type TelemetryPhase,
  type TelemetryProblem,
  type TelemetryView,
  type Scheduler,
} from './webview/telemetry-client.js';
export { isFromHost, listenToHost } from './webview/host-messages.js';
export { provideVsCodeApi, sharedVsCodeApi, type VsCodeApi } from './webview/vscode-api.js';
