/** The part of the object returned by VS Code's `acquireVsCodeApi()` that the panel uses. */
export interface VsCodeApi {
  postMessage(message: unknown): unknown;
  getState(): unknown;
  setState<T>(state: T): T;
  /**
   * Not in VS Code's API: a transport of the embedder's own (a settings page that routes messages itself). When
   * present, host messages are taken from it, and the embedder vouches that they come from the host; without it they
   * are the window's `message` events that pass `isFromHost`. Either way each message is still checked by the guards.
   * Returns the unsubscribe.
   */
  onDidReceiveMessage?(listener: (data: unknown) => void): () => void;
}

/**
 * Saves `value` under `key` in the page's webview state and keeps every other key there: a settings page that shares
 * its API (`provideVsCodeApi`) keeps its own saved state. A saved state that is not an object is the page's alone,
 * so nothing is saved over it.
 */
export function saveStateEntry(api: VsCodeApi, key: string, value: unknown): void {
  const saved = api.getState();
  if (saved !== undefined && saved !== null && (typeof saved !== 'object' || Array.isArray(saved))) return;
  api.setState({ ...saved, [key]: value });
}

declare global {
  // Present only inside a VS Code webview, and callable only once per webview.
  var acquireVsCodeApi: (() => VsCodeApi) | undefined;
}

let sharedApi: VsCodeApi | undefined;
/** `acquireVsCodeApi()` threw: the page took the API before the panel and did not hand it over. */
let apiTaken = false;

/**
 * Hands the package the API object the page already acquired, since `acquireVsCodeApi()` throws when called twice.
 * Call it before the panels' first update (a microtask after they are inserted); a panel that connects later uses it.
 */
export function provideVsCodeApi(api: VsCodeApi): void {
  sharedApi = api;
}

/** The page's VS Code API: the one provided, or the global's result, acquired once and shared; undefined outside a webview. */
export function sharedVsCodeApi(): VsCodeApi | undefined {
  if (sharedApi) return sharedApi;
  if (typeof globalThis.acquireVsCodeApi !== 'function') return undefined;
  try {
    sharedApi = globalThis.acquireVsCodeApi();
  } catch {
    apiTaken = true;
    console.error('[cs-telemetry] acquireVsCodeApi() failed: pass the page\'s API to provideVsCodeApi()');
  }
  return sharedApi;
}

/** Whether the page's own `acquireVsCodeApi()` call came first, so that the panel could not take the API. */
export const isVsCodeApiTaken = () => apiTaken;
