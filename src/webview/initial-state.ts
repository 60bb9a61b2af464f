import { INITIAL_STATE_ELEMENT_ID } from '../protocol/protocol.js';

/**
 * The state message the host embedded in the page, as raw JSON data for the client to check like any host message;
 * undefined when there is none. Only the text of a JSON data block counts: it is never run and never rendered.
 */
export function readInitialState(document: Document): unknown {
  try {
    return JSON.parse(document.querySelector(`script[type="application/json"]#${INITIAL_STATE_ELEMENT_ID}`)!.textContent!);
  } catch {
    // No such element, or not JSON: no state.
  }
}
