/**
 * True when a window `message` event comes from the webview's host: the webview's own origin, posted by a window
 * that is neither this one nor a frame inside it. VS Code deletes `parent`, `top` and `frameElement` inside a
 * webview, so the host frame cannot be named directly; it can only be told apart from what it is not.
 */
export function isFromHost(event: MessageEvent, self: Window): boolean {
  if (event.origin !== self.origin) return false;
  const source = event.source;
  if (source === null) return true;
  if (source === self) return false;
  // A descendant frame has this window among its ancestors; the walk up always ends at the top (its own parent).
  let frame = source as Window;
  for (;;) {
    // `parent` may be read across origins; VS Code deletes it inside webviews, which ends the walk as at the top.
    const parent = frame.parent;
    if (parent === self) return false;
    if (!parent || parent === frame) return true;
    frame = parent;
  }
}

/** Subscribes to host messages on `self`; the listener receives raw, still untrusted data. Returns the unsubscribe. */
export function listenToHost(self: Window, listener: (data: unknown) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (isFromHost(event, self)) listener(event.data);
  };
  self.addEventListener('message', onMessage);
  return () => self.removeEventListener('message', onMessage);
}
