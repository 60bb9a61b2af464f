/**
 * The event source behind `telemetry/events`: called within the time limit, its answer made into events the webview
 * accepts (protocol/events.ts), with one log line per kind of problem in a reply, not one per event.
 */
import { selectEvents, type EventSelection } from '../protocol/events.js';
import {
  MAX_EVENT_FIELDS,
  MAX_EVENTS_JSON_LENGTH,
  type TelemetryCategory,
  type TelemetryErrorCode,
  type TelemetryEvent,
} from '../protocol/protocol.js';
import { describe, type Log } from './log.js';
import type { TelemetryEventSource } from './options.js';
import type { ProviderTimeLimit } from './providers.js';

const EVENTS_FAILED_MESSAGE = 'Code Studio could not read its recent telemetry events. Your setting is unchanged. Try again later.';
const EVENTS_TIMEOUT_MESSAGE =
  'Code Studio did not finish reading its recent telemetry events in time. Your setting is unchanged. Try again later.';
const EVENTS_NOT_OFFERED_MESSAGE = 'This editor does not show the telemetry events it sends.';

/** The answer to a `telemetry/events` request: the events to send, or the error to send instead. */
export type EventsAnswer = { events: TelemetryEvent[]; more: boolean; before?: string } | { code: TelemetryErrorCode; message: string };

/** The recent events of `category` from `source` (none: not offered). */
export async function readEvents(
  source: TelemetryEventSource | undefined,
  category: TelemetryCategory,
  limit: ProviderTimeLimit,
  log: Log,
  page: { before?: string; limit?: number } = {},
): Promise<EventsAnswer> {
  if (!source) return { code: 'not-offered', message: EVENTS_NOT_OFFERED_MESSAGE };
  const outcome = await limit.call(() => source(category));
  if (outcome.kind === 'timeout') {
    log(`the event source did not answer within ${limit.ms} ms for ${category}`);
    return { code: 'events-failed', message: EVENTS_TIMEOUT_MESSAGE };
  }
  if (outcome.kind === 'error') {
    log(`the event source failed for ${category}: ${describe(outcome.error)}`);
    return { code: 'events-failed', message: EVENTS_FAILED_MESSAGE };
  }
  const events: unknown = outcome.value;
  if (!Array.isArray(events)) {
    log(`the event source gave ${events === null ? 'null' : typeof events} for ${category}, not an array`);
    return { code: 'events-failed', message: EVENTS_FAILED_MESSAGE };
  }
  let selected: EventSelection;
  try {
    selected = selectEvents(events, category, page);
  } catch (error) {
    // A getter in an event that throws, say.
    log(`could not read the events of ${category} from the event source: ${describe(error)}`);
    return { code: 'events-failed', message: EVENTS_FAILED_MESSAGE };
  }
  if (selected.dropped > 0) log(`dropped ${selected.dropped} malformed event(s) of ${category} from the event source`);
  if (selected.trimmed > 0) log(`cut the fields of ${selected.trimmed} event(s) of ${category} to ${MAX_EVENT_FIELDS}`);
  // A full page is not a problem: the rest is paged. Only a cut to fit is.
  if (selected.shrunk || (selected.overBudget && page.before === undefined && page.limit === undefined)) {
    log(
      `sent ${selected.events.length} event(s) of ${category} to keep the reply within ${MAX_EVENTS_JSON_LENGTH} characters of JSON:` +
        [selected.overBudget && ' left out the older ones', selected.shrunk && ' cut the strings of the most recent one']
          .filter(Boolean)
          .join(' and'),
    );
  }
  return { events: selected.events, more: selected.more, ...(selected.before !== undefined && { before: selected.before }) };
}
