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

/** Documents whose embed a panel has taken: a page's embed is the host's word as it built the page, once. */
const taken = new WeakSet<Document>();

/**
 * The embedded state for the page's first connection, and undefined ever after: a panel connected again later (moved,
 * or removed and added back) would otherwise show the page-load state as the host's current word. It starts from the
 * saved state or from "Checking…" instead.
 */
export function takeInitialState(document: Document): unknown {
  if (taken.has(document)) return undefined;
  taken.add(document);
  return readInitialState(document);
}
