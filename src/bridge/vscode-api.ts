/** The part of the object returned by VS Code's `acquireVsCodeApi()` that the panel uses. */
export interface VsCodeApi {
  postMessage(message: unknown): unknown;
  getState(): unknown;
  setState<T>(state: T): T;
}

declare global {
  // Present only inside a VS Code webview, and callable only once per webview.
  var acquireVsCodeApi: (() => VsCodeApi) | undefined;
}

let sharedApi: VsCodeApi | undefined;

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
    console.error('[cs-telemetry] acquireVsCodeApi() failed: pass the page\'s API to provideVsCodeApi()');
  }
  return sharedApi;
}
