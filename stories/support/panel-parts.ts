// The parts of a rendered panel that play functions read and press, reached through the open shadow roots.
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';

export function panelIn(canvas: HTMLElement): CsTelemetrySettings {
  const panel = canvas.querySelector('cs-telemetry-settings');
  if (!panel) throw new Error('No <cs-telemetry-settings> in the story');
  return panel;
}

export const badgeOf = (panel: CsTelemetrySettings) => panel.shadowRoot!.querySelector('cs-telemetry-status-badge')!;

/** The words the badge shows, e.g. "On". */
export const badgeText = (panel: CsTelemetrySettings) =>
  badgeOf(panel).shadowRoot?.querySelector('[part=label]')?.textContent ?? '';

/** The focusable control with role="switch". */
export const switchControl = (panel: CsTelemetrySettings) =>
  panel.shadowRoot!.querySelector('cs-switch')!.shadowRoot!.querySelector<HTMLButtonElement>('[role=switch]')!;

export const alertText = (panel: CsTelemetrySettings) =>
  panel.shadowRoot!.querySelector('[role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The panel's heading, e.g. "Telemetry". */
export const headingText = (panel: CsTelemetrySettings) => panel.shadowRoot!.querySelector('[part=heading]')?.textContent?.trim() ?? '';

/** The main switch's label: its slotted text without the help line (nor lit's marker comments). */
export const switchLabel = (panel: CsTelemetrySettings) =>
  [...panel.shadowRoot!.querySelector('cs-switch')!.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && node.slot !== 'help'))
    .map((node) => node.textContent)
    .join('')
    .trim();
