/** The open shadow root of `element`; throws, naming `what`, when it has none (not upgraded, or not yet rendered). */
export function shadowRootOf(element: Element, what: string): ShadowRoot {
  const root = element.shadowRoot;
  if (!root) throw new Error(`The ${what} has no shadow root`);
  return root;
}
