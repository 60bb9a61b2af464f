/**
 * The host's side of the events extension: an untrusted source's events made into a reply the webview accepts, by
 * the webview's own rules (values.ts) after strings are clipped. Host only: no webview module imports it, so it never
 * reaches dist/webview.js.
 */
import { eventsJsonLength } from './events-messages.js';
import {
  MAX_EVENT_FIELDS,
  MAX_EVENTS,
  MAX_EVENTS_JSON_LENGTH,
  type TelemetryCategory,
  type TelemetryEvent,
} from './protocol.js';
import { isEventFieldValue, isEventName, MAX_STRING_LENGTH, parseTime } from './values.js';

/** The events of one reply, and what was done to them, for the host's log. */
export interface EventSelection {
  /** Oldest first. */
  events: TelemetryEvent[];
  /** Malformed events left out. */
  dropped: number;
  /** Events whose `data` was cut to MAX_EVENT_FIELDS fields. */
  trimmed: number;
  /** Whether older events were left out to keep within MAX_EVENTS_JSON_LENGTH. */
  overBudget: boolean;
  /** Whether the most recent event's strings were cut shorter because it alone was over the budget. */
  shrunk: boolean;
  /** Whether events older than this page's oldest are left (for a later page). */
  more: boolean;
  /** Where the next, older page starts: the `before` of the next request; set when `more`. */
  before?: string;
}

/** Where a page of events ends: events at `time` (ms) after the `skip` most recent of that time, and all older. */
interface PageCursor {
  time: number;
  skip: number;
}

/** A `before` cursor as the protocol carries it: `<time in ms>:<events of that time already shown>`. */
export function parseEventsCursor(text: string | undefined): PageCursor | undefined {
  const match = text === undefined ? null : /^(-?\d{1,16}):(\d{1,9})$/.exec(text);
  return match ? { time: Number(match[1]), skip: Number(match[2]) } : undefined;
}

const ownProperty = (value: object, name: string): unknown =>
  Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;

/** A string cut to what the webview accepts; anything else as it is, for the rules to judge. */
const clip = (value: unknown): unknown => (typeof value === 'string' ? value.slice(0, MAX_STRING_LENGTH) : value);

/** An event of the source with its time parsed once, and its place in the source to keep ties in source order. */
interface Candidate {
  time: number;
  index: number;
  value: object;
}

/** Later in the order of the reply: by time, then by place in the source. */
const isAfter = (a: Candidate, b: Candidate) => a.time > b.time || (a.time === b.time && a.index > b.index);

/** The candidates, most recent first; only as many are ordered as are taken. */
function* mostRecentFirst(candidates: Candidate[], inTimeOrder: boolean): Generator<Candidate> {
  if (inTimeOrder) {
    for (let index = candidates.length - 1; index >= 0; index--) yield candidates[index]!;
    return;
  }
  // A max-heap, built in linear time and popped only as far as the reply needs.
  const heap = candidates;
  const siftDown = (start: number, size: number) => {
    for (let parent = start; ; ) {
      let top = parent;
      for (const child of [2 * parent + 1, 2 * parent + 2]) {
        if (child < size && isAfter(heap[child]!, heap[top]!)) top = child;
      }
      if (top === parent) return;
      [heap[parent], heap[top]] = [heap[top]!, heap[parent]!];
      parent = top;
    }
  };
  for (let index = (heap.length >> 1) - 1; index >= 0; index--) siftDown(index, heap.length);
  for (let size = heap.length; size > 0; size--) {
    yield heap[0]!;
    heap[0] = heap[size - 1]!;
    siftDown(0, size - 1);
  }
}

/**
 * The events of `category` from an untrusted source, as the webview accepts them: malformed ones dropped, strings
 * clipped, `data` cut to MAX_EVENT_FIELDS fields, at most MAX_EVENTS and MAX_EVENTS_JSON_LENGTH characters of JSON,
 * the most recent, oldest first. Each time is parsed once; the source is not sorted when it is in time order
 * already, and otherwise only the events sent are put in order. May throw (a getter in an event that throws, say).
 */
export function selectEvents(
  source: readonly unknown[],
  category: TelemetryCategory,
  page: { before?: string; limit?: number } = {},
): EventSelection {
  const cursor = parseEventsCursor(page.before);
  const limit = Math.min(MAX_EVENTS, page.limit !== undefined && page.limit >= 1 ? Math.floor(page.limit) : MAX_EVENTS);
  let dropped = 0;
  const candidates: Candidate[] = [];
  let inTimeOrder = true;
  for (let index = 0; index < source.length; index++) {
    const value = source[index];
    const time = typeof value === 'object' && value !== null && !Array.isArray(value) ? ownProperty(value, 'time') : undefined;
    const parsed = parseTime(time);
    const eventCategory = Number.isNaN(parsed) ? undefined : ownProperty(value as object, 'category');
    if (typeof eventCategory !== 'string') {
      dropped++;
      continue;
    }
    if (eventCategory !== category) continue;
    if (candidates.length > 0 && parsed < candidates[candidates.length - 1]!.time) inTimeOrder = false;
    candidates.push({ time: parsed, index, value: value as object });
  }
  const events: TelemetryEvent[] = [];
  let trimmed = 0;
  let overBudget = false;
  let shrunk = false;
  let length = eventsJsonLength([]);
  let more = false;
  // The place of each taken event in its group of one time, most recent first, for the next page's cursor.
  let groupTime = NaN;
  let groupCount = 0;
  let oldest: PageCursor | undefined;
  for (const candidate of mostRecentFirst(candidates, inTimeOrder)) {
    if (candidate.time !== groupTime) {
      groupTime = candidate.time;
      groupCount = 0;
    }
    groupCount++;
    // An earlier page showed it.
    if (cursor && (candidate.time > cursor.time || (candidate.time === cursor.time && groupCount <= cursor.skip))) continue;
    if (events.length === limit) {
      more = true;
      break;
    }
    const sanitized = sanitizeEvent(candidate.value, candidate.time);
    if (!sanitized) {
      dropped++;
      continue;
    }
    const { event } = sanitized;
    // Its own JSON and, after the first, the comma before it. An event alone always fits: fitEvent cut it down.
    const added = eventsJsonLength([event]) - 2 + (events.length > 0 ? 1 : 0);
    if (length + added > MAX_EVENTS_JSON_LENGTH) {
      overBudget = true;
      more = true;
      break;
    }
    oldest = { time: candidate.time, skip: groupCount };
    if (sanitized.trimmed) trimmed++;
    if (sanitized.shrunk) shrunk = true;
    events.push(event);
    length += added;
  }
  return {
    events: events.reverse(),
    dropped,
    trimmed,
    overBudget,
    shrunk,
    more: more && oldest !== undefined,
    ...(more && oldest && { before: `${oldest.time}:${oldest.skip}` }),
  };
}

/** One event of the asked category fitted to the protocol, or undefined when even then the webview would reject it. */
function sanitizeEvent(value: object, time: number): { event: TelemetryEvent; trimmed: boolean; shrunk: boolean } | undefined {
  return fitEvent({
    time: new Date(time).toISOString(),
    category: ownProperty(value, 'category') as TelemetryCategory,
    name: ownProperty(value, 'name'),
    data: ownProperty(value, 'data'),
  });
}

/** What `fitEvent` made of an event, and what it had to do to it. */
export interface FittedEvent {
  event: TelemetryEvent;
  /** Fields beyond MAX_EVENT_FIELDS were left out. */
  trimmed: boolean;
  /** Its strings were cut shorter than MAX_STRING_LENGTH so that it alone fits MAX_EVENTS_JSON_LENGTH. */
  shrunk: boolean;
}

/**
 * An event as the panel can show it, by the one rule both ends use: the gate applies it before upload and the adapter
 * before a reply, so what is uploaded is never clipped or dropped on its way to "Show what was sent". Strings (the
 * name, field names and values) are cut to MAX_STRING_LENGTH, fields past MAX_EVENT_FIELDS are left out (in order),
 * undefined fields are skipped as JSON skips them, and an event whose JSON alone passes MAX_EVENTS_JSON_LENGTH has
 * its strings cut shorter. Undefined when it cannot be shown at all: no name, data not an object, a value not flat.
 * May throw (a getter in the data that throws, say).
 */
export function fitEvent(value: { time: string; category: TelemetryCategory; name: unknown; data: unknown }): FittedEvent | undefined {
  const name = clip(value.name);
  const data = value.data;
  if (!isEventName(name)) return undefined;
  // Any object's own fields are read; what is sent is a plain object, as the webview requires.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const fields: [string, string | number | boolean | null][] = [];
  for (const [field, fieldValue] of Object.entries(data)) {
    if (fieldValue === undefined) continue; // as JSON would: undefined is not sent
    const clipped = clip(fieldValue);
    // Nested objects, NaN, functions: not what the protocol's flat data can show.
    if (!isEventFieldValue(clipped)) return undefined;
    // Names are clipped like values: a long name is no reason to lose the event.
    fields.push([field.slice(0, MAX_STRING_LENGTH), clipped]);
  }
  let event: TelemetryEvent = {
    time: value.time,
    category: value.category,
    name,
    // fromEntries defines own properties, so a "__proto__" field stays a field.
    data: Object.fromEntries(fields.slice(0, MAX_EVENT_FIELDS)),
  };
  let shrunk = false;
  if (eventsJsonLength([event], MAX_EVENTS_JSON_LENGTH) > MAX_EVENTS_JSON_LENGTH) {
    event = shrinkToFit(event);
    shrunk = true;
  }
  return { event, trimmed: fields.length > MAX_EVENT_FIELDS, shrunk };
}

/** `event` with every string (name, field names and values) clipped shorter, halving until its JSON fits the reply. */
function shrinkToFit(event: TelemetryEvent): TelemetryEvent {
  for (let limit = MAX_STRING_LENGTH >> 1; ; limit >>= 1) {
    const cut = (text: string) => text.slice(0, limit);
    const smaller: TelemetryEvent = {
      ...event,
      // Never to nothing: the webview rejects an event without a name.
      name: event.name.slice(0, Math.max(limit, 1)),
      data: Object.fromEntries(
        Object.entries(event.data).map(([field, value]) => [cut(field), typeof value === 'string' ? cut(value) : value]),
      ),
    };
    if (limit === 0 || eventsJsonLength([smaller], MAX_EVENTS_JSON_LENGTH) <= MAX_EVENTS_JSON_LENGTH) return smaller;
  }
}
