/**
 * Registers a tag once. A second registration (hot reload, or two bundles in one webview) warns instead of throwing,
 * since the first definition is already serving every instance on the page.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== element) console.warn(`[cs-telemetry] <${tag}> is already defined`);
    return;
  }
  customElements.define(tag, element);
}
