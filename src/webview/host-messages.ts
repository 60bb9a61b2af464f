/** The most frames searched below the webview's window; a page with more is not one the panel can vouch for. */
const MAX_FRAMES = 256;

/**
 * The frame at `index` inside `parent`, or undefined past the last. Read by index, not up to `length`: a same-origin
 * frame can redefine its own `length`, never its indexed frames. Across origins an index past the last throws.
 */
function childFrame(parent: Window, index: number): Window | undefined {
  try {
    return parent[index] ?? undefined;
  } catch {
    return undefined;
  }
}

/** True when `source` is a frame inside `self`, at any depth; also true past MAX_FRAMES, failing closed. */
function isDescendantFrame(source: Window, self: Window): boolean {
  // Walked down from `self`: a frame's own `parent` is the frame's to fake, its place under `self` is not.
  const pending: Window[] = [self];
  let seen = 0;
  while (pending.length) {
    const parent = pending.pop()!;
    for (let index = 0; ; index++) {
      const frame = childFrame(parent, index);
      if (!frame) break;
      if (frame === source || ++seen > MAX_FRAMES) return true;
      pending.push(frame);
    }
  }
  return false;
}

/**
 * True when a window `message` event comes from the webview's host: a real (trusted) event from the webview's own
 * origin, posted by a window that is neither this one nor a frame inside it. VS Code deletes `parent`, `top` and
 * `frameElement` inside a webview, so the host frame cannot be named directly; it can only be told apart from what it
 * is not.
 */
export function isFromHost(event: MessageEvent, self: Window): boolean {
  // A script can dispatch a MessageEvent of its own making with any origin; only the browser's are trusted.
  if (!event.isTrusted || event.origin !== self.origin) return false;
  const source = event.source;
  // A window always posts with itself as the source: no source means a port or a forgery, not the host frame.
  if (source === null || source === self || !('frames' in source)) return false;
  return !isDescendantFrame(source, self);
}

/** Subscribes to host messages on `self`; the listener receives raw, still untrusted data. Returns the unsubscribe. */
export function listenToHost(self: Window, listener: (data: unknown) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (isFromHost(event, self)) listener(event.data);
  };
  self.addEventListener('message', onMessage);
  return () => self.removeEventListener('message', onMessage);
}
