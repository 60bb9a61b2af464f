// The page of a React settings webview. It acquires the VS Code API once, as a React webview does for its own
// messages, and hands it to the panel, because a second acquireVsCodeApi() call throws.
import { createRoot } from 'react-dom/client';
import { SettingsPage } from './SettingsPage.js';

const vscodeApi = acquireVsCodeApi!();
createRoot(document.getElementById('root')!).render(<SettingsPage vscodeApi={vscodeApi} />);
