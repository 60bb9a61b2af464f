// <cs-telemetry-events> with its rows behind @lit-labs/virtualizer instead of rendered a chunk per frame: only the
// rows in (and near) the list's box are in the DOM. Built only for `npm run bench`, into a copy of dist/webview.js
// whose events chunk holds this element, so that the two lists are loaded, sized and measured the same way.
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { css } from 'lit';
import type { TelemetryEvent } from '../src/protocol/protocol.js';
import { defineElement } from '../src/internal/define-element.js';
import { CsTelemetryEvents, eventRow } from '../src/components/telemetry-events/telemetry-events.js';

export class VirtualTelemetryEvents extends CsTelemetryEvents {
  static override styles = [
    ...CsTelemetryEvents.styles,
    // The virtualizer sizes its scroller with `contain: size`, so the box needs a height of its own.
    css`
      [part='list'] {
        height: var(--cs-telemetry-events-max-height, 320px);
      }
      [part='list'] > [part='event'] {
        width: 100%;
      }
    `,
  ];

  // Every row is the virtualizer's to add: no chunk frames.
  protected override updated(): void {}

  protected override renderRows(newestFirst: readonly TelemetryEvent[], format: Intl.DateTimeFormat): unknown {
    return virtualize({ items: [...newestFirst], renderItem: (event, index) => eventRow(event, format, index, newestFirst.length), scroller: true });
  }
}

defineElement('cs-telemetry-events', VirtualTelemetryEvents);
