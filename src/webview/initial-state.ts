import { INITIAL_STATE_ELEMENT_ID } from '../protocol/protocol.js';

/**
 * The state message the host embedded in the page, as raw JSON data for the client to check like any host message;
 * undefined when there is none. Only the text of a JSON data block counts: it is never run and never rendered.
 */
export function readInitialState(document: Document): unknown {
  const text = document.querySelector(`script[type="application/json"]#${INITIAL_STATE_ELEMENT_ID}`)?.textContent;
  // Looked up, not caught: a page's first exception has V8 build a stack trace, milliseconds in the first render.
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: no state.
  }
}
