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

/** The list of collected data inside the panel. */
export const dataTypesOf = (panel: CsTelemetrySettings) => panel.shadowRoot!.querySelector('cs-telemetry-data-types')!;

/** The account item's "Include my account details" control with role="switch". */
export const accountSwitchControl = (panel: CsTelemetrySettings) =>
  dataTypesOf(panel).shadowRoot!.querySelector('[part=account-switch]')!.shadowRoot!.querySelector<HTMLButtonElement>('[role=switch]')!;

/** The data-types item whose title is `title`, e.g. "Token usage". */
export function dataTypeItem(panel: CsTelemetrySettings, title: string): HTMLElement {
  const item = [...dataTypesOf(panel).shadowRoot!.querySelectorAll<HTMLElement>('[part=item]')].find(
    (li) => li.querySelector('[part=toggle]')?.textContent?.trim() === title,
  );
  if (!item) throw new Error(`No data type titled "${title}"`);
  return item;
}

/** The line under the switch saying when and by what the setting last changed, or '' when there is none. */
export const historyText = (panel: CsTelemetrySettings) =>
  panel.shadowRoot!.querySelector('[part=history]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
