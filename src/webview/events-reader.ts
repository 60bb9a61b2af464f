// The events extension's messages as the client reads them: their guards are a page's largest, and only a host that
// offers events sends them, so they come with the extension's UI (a chunk of its own in dist/webview.js's build).
import { isEventsChangedMessage, isEventsMessage } from '../protocol/events-messages.js';
import type { EventsChangedMessage, EventsMessage } from '../protocol/protocol.js';

/** True for a well-formed events reply or events-changed push; anything else is not the events extension's. */
export type EventsReader = (data: unknown) => data is EventsMessage | EventsChangedMessage;

export const readEvents: EventsReader = (data): data is EventsMessage | EventsChangedMessage =>
  isEventsMessage(data) || isEventsChangedMessage(data);
