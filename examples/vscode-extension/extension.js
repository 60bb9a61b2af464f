// @ts-check
// An example extension: the command "Code Studio: Telemetry Settings" opens a webview panel showing
// <cs-telemetry-settings>, and the package's host adapter connects it to the setting codeStudio.telemetry.enabled.
const vscode = require('vscode');
const { randomBytes } = require('node:crypto');
const { connectTelemetryHost } = require('@code-studio/telemetry-settings/host');

const VIEW_TYPE = 'codeStudio.telemetrySettings';
const ACCOUNT_KEY = 'codeStudio.demoAccount';

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  const log = vscode.window.createOutputChannel('Code Studio Telemetry', { log: true });
  // The package's files, served to the webview and nothing else.
  const dist = vscode.Uri.joinPath(context.extensionUri, 'node_modules', '@code-studio', 'telemetry-settings', 'dist');
  const accountChanged = new vscode.EventEmitter();
  /** @type {vscode.WebviewPanel | undefined} */
  let openPanel;

  /** Wires a new or restored panel: its page, its host adapter, and cleanup when it closes. */
  const setUp = (/** @type {vscode.WebviewPanel} */ panel) => {
    openPanel = panel;
    panel.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    panel.webview.html = pageHtml(panel.webview, vscode.Uri.joinPath(dist, 'webview.js'));
    const host = connectTelemetryHost(panel.webview, {
      vscode,
      // A real editor returns its signed-in user here; the demo account is kept in globalState.
      account: () => context.globalState.get(ACCOUNT_KEY) ?? null,
      onDidChangeAccount: accountChanged.event,
      log: (message) => log.warn(message),
    });
    panel.onDidDispose(() => {
      host.dispose();
      if (openPanel === panel) openPanel = undefined;
    });
  };

  const setAccount = async (/** @type {{loginName: string, email: string} | null} */ account) => {
    await context.globalState.update(ACCOUNT_KEY, account ?? undefined);
    accountChanged.fire(account);
  };

  context.subscriptions.push(
    log,
    accountChanged,
    vscode.commands.registerCommand('codeStudio.telemetry.openSettings', () => {
      if (openPanel) return openPanel.reveal();
      setUp(vscode.window.createWebviewPanel(VIEW_TYPE, 'Telemetry Settings', vscode.ViewColumn.Active));
    }),
    // Brings the panel back after a window reload; the page paints its saved state, then says hello.
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel) {
        setUp(panel);
      },
    }),
    vscode.commands.registerCommand('codeStudio.demo.signIn', () => setAccount({ loginName: 'ada', email: 'ada@example.com' })),
    vscode.commands.registerCommand('codeStudio.demo.signOut', () => setAccount(null)),
  );
}

/**
 * The webview page: a strict CSP whose only script is the package's bundle, by nonce.
 * @param {vscode.Webview} webview
 * @param {vscode.Uri} script
 */
function pageHtml(webview, script) {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Telemetry Settings</title>
</head>
<body>
  <cs-telemetry-settings></cs-telemetry-settings>
  <script type="module" nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script>
</body>
</html>`;
}

function deactivate() {}

module.exports = { activate, deactivate };
