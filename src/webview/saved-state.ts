import { isPlainObject, isStateMessage, isTelemetryState, type StateMessage, type TelemetryState } from '../protocol/protocol.js';
import { saveStateEntry, type VsCodeApi } from './vscode-api.js';

/** The key of the panel's entry in the page's webview state; the page's other keys are kept as they are. */
export const SAVED_STATE_KEY = 'csTelemetry';

/**
 * What the panel keeps with the webview (`setState`), so that a reloaded page paints the last confirmed state at once:
 * the host's state, its `rev` and its `instance`, so that a reload tells whether this or an embedded state is newer.
 */
export interface SavedTelemetryState {
  rev: number;
  state: TelemetryState;
  instance?: string;
}

/** The panel's saved entry, checked as untrusted as any host message; undefined when absent, malformed or unreadable. */
export function readSavedState(api: VsCodeApi): SavedTelemetryState | undefined {
  try {
    const saved = api.getState();
    const entry = isPlainObject(saved) && Object.hasOwn(saved, SAVED_STATE_KEY) ? saved[SAVED_STATE_KEY] : undefined;
    if (!isPlainObject(entry)) return undefined;
    const { rev, state, instance } = entry;
    if (typeof rev !== 'number' || !isTelemetryState(state)) return undefined;
    return { rev, state, ...(typeof instance === 'string' && { instance }) };
  } catch {
    // A saved state that cannot be read is no saved state.
    return undefined;
  }
}

/** Keeps the last confirmed state with the page. */
export function writeSavedState(api: VsCodeApi, saved: SavedTelemetryState): void {
  try {
    saveStateEntry(api, SAVED_STATE_KEY, saved);
  } catch {
    // Without a saved state a reloaded page shows "Checking…" until the host answers: slower, never wrong.
  }
}

/**
 * Where a page starts: the embedded state message (a push the host wrote into the page), or the saved state when it is
 * as new as the embed or newer (the same host's word since: a reload of this page, which `rev` counts). A state in
 * reply to a request (of no page yet) is no embed.
 */
export function startingPoint(
  embedded: unknown,
  saved: SavedTelemetryState | undefined,
): { embed: StateMessage; saved?: undefined } | { embed?: undefined; saved: SavedTelemetryState } | Record<string, never> {
  const embed = isStateMessage(embedded) && embedded.inReplyTo === undefined ? embedded : undefined;
  if (saved && (!embed || (saved.instance === embed.instance && saved.rev >= embed.rev))) return { saved };
  return embed ? { embed } : {};
}
