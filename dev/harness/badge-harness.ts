/**
 * Reads a `<cs-telemetry-status-badge>` as the eye and a screen reader take it in:
 *
 *   const badge = new BadgeHarness(element);
 *   badge.text;   // "On, with your account"
 *   badge.base;   // the drawn box (role="img"), which carries the accessible name
 */
import type { CsTelemetryStatusBadge } from '../../src/components/telemetry-status-badge/telemetry-status-badge.js';
import { PART } from './selectors.js';
import { shadowRootOf } from './shadow-root.js';
import { words } from './words.js';

export class BadgeHarness {
  constructor(readonly element: CsTelemetryStatusBadge) {}

  get root(): ShadowRoot {
    return shadowRootOf(this.element, 'badge');
  }

  /** The badge's drawn box (role="img"), which carries its accessible name. */
  get base(): HTMLElement {
    const base = this.root.querySelector<HTMLElement>(PART.badgeBase);
    if (!base) throw new Error('The badge has not rendered yet');
    return base;
  }

  /** The badge's words, e.g. "On, with your account". */
  get text(): string {
    return words(this.root.querySelector(PART.badgeLabel));
  }
}
