// The optional extensions' replies as the client reads them (events lists, their change pushes, export answers): their
// guards are a page's largest, and only a host that offers them sends them, so they come with the extensions' UI (a
// chunk of its own in dist/webview.js's build).
import { isEventsChangedMessage, isEventsMessage, isExportedMessage } from '../protocol/events-messages.js';
import type { EventsChangedMessage, EventsMessage, ExportedMessage } from '../protocol/protocol.js';

/** True for a well-formed events reply, events-changed push or export answer; anything else is not the extensions'. */
export type EventsReader = (data: unknown) => data is EventsMessage | EventsChangedMessage | ExportedMessage;

export const readEvents: EventsReader = (data): data is EventsMessage | EventsChangedMessage | ExportedMessage =>
  isEventsMessage(data) || isEventsChangedMessage(data) || isExportedMessage(data);
