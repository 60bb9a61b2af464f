// The events extension's UI in the list, a chunk of its own with the events list: loaded when a host offers events.
import '../telemetry-events/define.js';
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { chevronIcon } from '../../internal/icons.js';
import type { TelemetryEventsStatus } from '../telemetry-events/telemetry-events.js';
import type { TelemetryEventsEntry } from '../../protocol/protocol.js';

/** "Show what was sent" and, below it, the list it discloses. */
export function renderEventsDisclosure(
  title: string,
  index: number,
  open: boolean,
  status: TelemetryEventsStatus,
  entry: TelemetryEventsEntry | undefined,
  onToggle: () => void,
  onRetry: () => void,
  onOlder: () => void,
) {
  return html`<button
      class="link"
      part="events-toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="events-${index}"
      aria-labelledby="events-toggle-${index} title-${index}"
      @click=${onToggle}
    >
      ${chevronIcon}<span id="events-toggle-${index}">${msg('Show what was sent', { id: 'data.events.toggle' })}</span>
    </button>
    <cs-telemetry-events
      id="events-${index}"
      part="events"
      ?hidden=${!open}
      status=${status}
      .events=${entry?.events ?? []}
      message=${entry?.message ?? ''}
      ?more=${entry?.more === true}
      .older=${entry?.older}
      label=${msg(str`${title}: events sent`, { id: 'data.events.label' })}
      @cs-events-retry=${onRetry}
      @cs-events-older=${onOlder}
    ></cs-telemetry-events>`;
}
