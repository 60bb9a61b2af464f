// Stands in for the VS Code webview API inside the demo's iframe: messages go to the parent page (the fake editor),
// and state lives in sessionStorage, as VS Code keeps it for a webview across reloads.
import type { VsCodeApi } from '../src/webview/vscode-api.js';

const STATE_KEY = 'cs-demo-webview-state';
let acquired = false;

globalThis.acquireVsCodeApi = (): VsCodeApi => {
  if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
  acquired = true;
  return {
    postMessage: (message) => window.parent.postMessage(message, location.origin),
    getState: () => JSON.parse(sessionStorage.getItem(STATE_KEY) ?? 'null'),
    setState: (state) => {
      sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
      return state;
    },
  };
};
