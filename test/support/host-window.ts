/**
 * A real window that plays the webview's host for tests of the window path: a same-origin pop-up, which is neither
 * the test page nor a frame inside it, as VS Code's host frame is neither. What it posts arrives as real, trusted
 * `message` events whose `source` is that window.
 *
 *   await postFrom(hostWindow(), message);   // resolves once every listener on `window` has seen the message
 */
let popup: Window | null = null;

/** The pop-up, opened on first use and closed with the test page. */
export function hostWindow(): Window {
  if (!popup || popup.closed) {
    popup = window.open('', 'cs-test-host-window', 'popup');
    if (!popup) throw new Error('the browser blocked the pop-up that plays the host');
    window.addEventListener('pagehide', () => popup?.close(), { once: true });
  }
  return popup;
}

let marks = 0;

/**
 * Posts `data` to `target` from `from`'s own realm, so that the event's source is `from`, and resolves once its
 * dispatch is over: a mark that `from` posts to itself right after it arrives after it (one event loop, one task
 * source, first in first out), and the target never sees the mark.
 */
export function postFrom(from: Window, data: unknown, target: Window = window): Promise<void> {
  const mark = `cs-test-mark-${++marks}`;
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      from.removeEventListener('message', onMark);
      reject(new Error('a message posted from another window did not arrive'));
    }, 5000);
    function onMark(event: MessageEvent) {
      if (event.data !== mark) return;
      clearTimeout(timer);
      from.removeEventListener('message', onMark);
      resolve();
    }
    from.addEventListener('message', onMark);
  });
  // A function made in `from`'s realm: the window that calls postMessage is the one the event names as its source.
  const post = new (from as Window & typeof globalThis).Function(
    'target',
    'data',
    'mark',
    'target.postMessage(data, "*"); self.postMessage(mark, "*");',
  );
  post(target, data, mark);
  return done;
}
