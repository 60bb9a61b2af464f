// Every cs-* event the elements fire, typed in one place. Each element's JSDoc (`@fires`) says when it fires them.
import type { TelemetryCategory } from '../protocol/protocol.js';

/**
 * `cs-events-request` from <cs-telemetry-data-types>: the user opened (or retried) a category's events, or (`refresh`)
 * its open list heard that the log changed and keeps showing until the answer, or (`older`) the user asked for the
 * page older than the events shown.
 */
export type CsEventsRequestEvent = CustomEvent<{ category: TelemetryCategory; refresh?: boolean; older?: boolean }>;

/** `cs-account-linked-change` from <cs-telemetry-data-types>: the user flipped the account switch to this value. */
export type CsAccountLinkedChangeEvent = CustomEvent<{ accountLinked: boolean }>;

/** `cs-events-retry` from <cs-telemetry-events>: the user asked to load the events again after an error. */
export type CsEventsRetryEvent = Event;

/** `cs-events-older` from <cs-telemetry-events>: the user asked for the events older than those shown ("Show older"). */
export type CsEventsOlderEvent = Event;


declare global {
  interface GlobalEventHandlersEventMap {
    'cs-events-request': CsEventsRequestEvent;
    'cs-account-linked-change': CsAccountLinkedChangeEvent;
    'cs-events-retry': CsEventsRetryEvent;
    'cs-events-older': CsEventsOlderEvent;
  }
}
