// dist/webview.js: one self-contained module for a VS Code webview. Loading it registers every element, and each
// <cs-telemetry-settings> on the page connects to the editor through the page's acquireVsCodeApi() by itself.
import './components/telemetry-settings/define.js';

export { provideVsCodeApi, sharedVsCodeApi, type VsCodeApi } from './webview/vscode-api.js';
