// The guards of the events extension's messages (`offers` has `events`), apart from protocol.ts: the webview bundle
// carries them in the extensions' chunk, fetched only from a host that offers events, not in its core.
import { isEventFieldValue, isEventName, isId, isShortString } from './values.js';
import { shape, type Check } from './shape.js';
import {
  MAX_EVENT_FIELDS,
  MAX_EVENTS,
  MAX_EVENTS_JSON_LENGTH,
  PROTOCOL_VERSION,
  isErrorMessage,
  isPlainObject,
  isStateMessage,
  isTelemetryCategory,
  isTime,
  type EventsChangedMessage,
  type EventsMessage,
  type ExportedMessage,
  type HostMessage,
  type TelemetryEvent,
} from './protocol.js';

const isProtocolV1: Check = (value) => value === PROTOCOL_VERSION;

export const isTelemetryEvent = shape({
  time: isTime,
  category: isTelemetryCategory,
  name: isEventName,
  data: (value) =>
    isPlainObject(value) && Object.keys(value).length <= MAX_EVENT_FIELDS && Object.values(value).every(isEventFieldValue),
}) as (value: unknown) => value is TelemetryEvent;

/**
 * The length of `JSON.stringify(events)`, counted event by event so that it stops as soon as it passes `limit`
 * (then it returns a number above `limit`, not the whole length).
 */
export function eventsJsonLength(events: readonly TelemetryEvent[], limit = Infinity): number {
  let length = 2 + Math.max(events.length - 1, 0); // the brackets and the commas between events
  for (const event of events) {
    length += JSON.stringify(event).length;
    if (length > limit) break;
  }
  return length;
}

export const isEventsMessage = shape({
  type: (value) => value === 'telemetry/events',
  protocol: isProtocolV1,
  inReplyTo: isId,
  events: (value) =>
    Array.isArray(value) &&
    value.length <= MAX_EVENTS &&
    value.every(isTelemetryEvent) &&
    eventsJsonLength(value, MAX_EVENTS_JSON_LENGTH) <= MAX_EVENTS_JSON_LENGTH,
}, { more: (value) => typeof value === 'boolean', before: isShortString }) as (value: unknown) => value is EventsMessage;

/** For the webview: the answer to an export. Not part of `isHostMessage`, so a webview that never asks ignores it. */
export const isExportedMessage = shape({
  type: (value) => value === 'telemetry/exported',
  protocol: isProtocolV1,
  inReplyTo: isId,
  file: isShortString,
  count: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
}) as (value: unknown) => value is ExportedMessage;

export const isEventsChangedMessage = shape({
  type: (value) => value === 'telemetry/events-changed',
  protocol: isProtocolV1,
  category: isTelemetryCategory,
}) as (value: unknown) => value is EventsChangedMessage;

export function isHostMessage(value: unknown): value is HostMessage {
  return isStateMessage(value) || isErrorMessage(value) || isEventsMessage(value) || isEventsChangedMessage(value);
}

