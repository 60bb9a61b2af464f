// The UI of every optional host feature (history line, links, account switch, events disclosure and list) and the
// guards of the events messages: one chunk of its own in dist/webview.js's build, published as webview-extensions.js,
// loaded when a host offers any of them. One chunk, not one each: modules two chunks shared would become a common chunk, and lit with them.
export { renderHistory } from './telemetry-settings/history-line.js';
export { renderLinks } from './telemetry-settings/links.js';
export { consentDetail, renderAccountSwitch, renderNotAttached } from './telemetry-data-types/account-switch.js';
export { renderEventsDisclosure } from './telemetry-data-types/events-disclosure.js';
export { readEvents } from '../webview/events-reader.js';
export { renderSentCount } from './telemetry-data-types/sent-count.js';
export { consentHoldText } from './telemetry-settings/consent-hold.js';
export { renderExport } from './telemetry-settings/export.js';
export { EventsLists } from './telemetry-settings/events-lists.js';
