// @ts-check
// An example extension: the command "Code Studio: Telemetry Settings" opens a webview panel showing
// <cs-telemetry-settings>, and the package's host adapter connects it to the setting codeStudio.telemetry.allowAnonymousTelemetry.
const vscode = require('vscode');
const { randomBytes } = require('node:crypto');
const {
  connectTelemetryHost,
  initialStateHtml,
  isLocaleTag,
  readTelemetrySetting,
  registerTelemetryPanels,
  TELEMETRY_CATEGORIES,
} = require('@code-studio/telemetry-settings/host');

const VIEW_TYPE = 'codeStudio.telemetrySettings';
const ACCOUNT_KEY = 'codeStudio.demoAccount';
const ACCOUNT_LINKED_KEY = 'codeStudio.demoAccountLinked';
/** How many recent events the demo keeps per category. */
const EVENTS_PER_CATEGORY = 200;
// Placeholders: a real product puts its own pages here.
const LINKS = {
  'privacy-statement': 'https://code-studio.example/privacy',
  'how-telemetry-works': 'https://code-studio.example/docs/telemetry',
};

/**
 * The demo's telemetry sender: it sends nothing anywhere, it only remembers what it would have sent, a ring buffer
 * per category, so the panel can show it. It records only while telemetry is effectively on.
 */
class DemoTelemetry {
  /** @type {Map<import('@code-studio/telemetry-settings/host').TelemetryCategory, import('@code-studio/telemetry-settings/host').TelemetryEvent[]>} */
  #recent = new Map(TELEMETRY_CATEGORIES.map((category) => [category, []]));

  /** What a real sender checks before each event: the setting (read as the panel reads it) and the editor-wide switch. */
  isOn() {
    return readTelemetrySetting(vscode.workspace.getConfiguration('codeStudio.telemetry')) && vscode.env.isTelemetryEnabled;
  }

  /**
   * @param {import('@code-studio/telemetry-settings/host').TelemetryCategory} category
   * @param {string} name
   * @param {Record<string, string | number | boolean | null>} data
   * @returns {boolean} whether it was sent (recorded)
   */
  send(category, name, data) {
    if (!this.isOn()) return false;
    const events = this.#recent.get(category) ?? [];
    events.push({ time: new Date().toISOString(), category, name, data });
    if (events.length > EVENTS_PER_CATEGORY) events.splice(0, events.length - EVENTS_PER_CATEGORY);
    this.#recent.set(category, events);
    return true;
  }

  /** @param {import('@code-studio/telemetry-settings/host').TelemetryCategory} category */
  recent(category) {
    return [...(this.#recent.get(category) ?? [])];
  }
}

/**
 * The editor's display language. The demo setting stands in for a language pack, which this example cannot install
 * offline (without one, VS Code keeps `env.language` at "en"); a real editor passes nothing and gets `env.language`.
 */
function displayLanguage() {
  const demo = vscode.workspace.getConfiguration('codeStudio.demo').get('displayLanguage');
  return typeof demo === 'string' && demo ? demo : vscode.env.language;
}

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  const log = vscode.window.createOutputChannel('Code Studio Telemetry', { log: true });
  // The package's files, served to the webview and nothing else.
  const dist = vscode.Uri.joinPath(context.extensionUri, 'node_modules', '@code-studio', 'telemetry-settings', 'dist');
  const accountChanged = new vscode.EventEmitter();
  const accountLinkChanged = new vscode.EventEmitter();
  const telemetry = new DemoTelemetry();
  /** @returns {{loginName: string, email: string} | null} */
  const signedIn = () => context.globalState.get(ACCOUNT_KEY) ?? null;
  // Linked unless the user said otherwise: the product as specified attaches the account to telemetry.
  const isAccountLinked = () => context.globalState.get(ACCOUNT_LINKED_KEY, true);

  telemetry.send('system', 'system/session-start', {
    os: process.platform,
    arch: process.arch,
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
  });

  /** One event of each kind, as the product would send them in a working session. */
  const sendSampleEvents = () => {
    telemetry.send('system', 'system/heartbeat', { os: process.platform, arch: process.arch, vscodeVersion: vscode.version });
    telemetry.send('model-command', 'model-command/run', { model: 'demo-model', command: 'explain' });
    telemetry.send('tokens', 'tokens/usage', { prompt: 120, completion: 48 });
    telemetry.send('autocomplete', 'autocomplete/feedback', { accepted: true });
    const account = signedIn();
    // Identity goes only with the account switch on; nothing is sent for a signed-out user.
    if (account && isAccountLinked()) {
      telemetry.send('account', 'account/identify', { loginName: account.loginName, email: account.email });
    }
  };

  /** Wires a panel, however it came (the command, a reload, a revival): its page and its host adapter. */
  const setUp = (/** @type {vscode.WebviewPanel} */ panel) => {
    panel.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    // Disposed with the panel by registerTelemetryPanels.
    const connection = connectTelemetryHost(panel.webview, {
      vscode,
      // A real editor returns its signed-in user here; the demo account is kept in globalState.
      account: signedIn,
      onDidChangeAccount: accountChanged.event,
      log: (message) => log.warn(message),
      events: (category) => telemetry.recent(category),
      accountLinked: {
        get: isAccountLinked,
        set: async (linked) => {
          await context.globalState.update(ACCOUNT_LINKED_KEY, linked);
          accountLinkChanged.fire(linked);
        },
        onDidChange: accountLinkChanged.event,
      },
      history: context.globalState,
      links: LINKS,
      locale: displayLanguage,
    });
    // The page is written once the adapter has read the state (within a time limit), so its first frame shows it.
    void initialStateHtml(connection, { log: (message) => log.warn(message) }).then((initialState) => {
      try {
        panel.webview.html = pageHtml(panel.webview, vscode.Uri.joinPath(dist, 'webview.js'), displayLanguage(), initialState);
      } catch (error) {
        log.warn(`could not write the page: ${error instanceof Error ? error.message : String(error)}`); // the panel was closed meanwhile
      }
    });
    return connection;
  };

  // One panel: the command shows it; a reload restores it (the serializer); an extension-host restart revives it.
  const panels = registerTelemetryPanels({
    vscode,
    viewType: VIEW_TYPE,
    title: 'Telemetry Settings',
    panelOptions: { enableScripts: true, localResourceRoots: [dist] },
    setUp,
    memento: context.workspaceState,
    log: (message) => log.warn(message),
  });

  const setAccount = async (/** @type {{loginName: string, email: string} | null} */ account) => {
    await context.globalState.update(ACCOUNT_KEY, account ?? undefined);
    accountChanged.fire(account);
  };

  context.subscriptions.push(
    log,
    accountChanged,
    accountLinkChanged,
    panels,
    vscode.commands.registerCommand('codeStudio.telemetry.openSettings', () => panels.open()),
    vscode.commands.registerCommand('codeStudio.demo.signIn', () => setAccount({ loginName: 'ada', email: 'ada@example.com' })),
    vscode.commands.registerCommand('codeStudio.demo.signOut', () => setAccount(null)),
    vscode.commands.registerCommand('codeStudio.demo.sendSampleEvents', sendSampleEvents),
  );
}

/**
 * The webview page: a strict CSP whose only script is the package's bundle, by nonce. The chunks it imports when
 * needed (the events list, a language's strings) inherit that nonce, so no script source is allowed besides it.
 * `initialState` is `initialStateHtml`'s data block (JSON, which no CSP runs), or empty.
 * @param {vscode.Webview} webview
 * @param {vscode.Uri} script
 * @param {string} language
 * @param {string} initialState
 */
function pageHtml(webview, script, language, initialState) {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  // The editor's display language, so the page has a language before the host's first state arrives.
  const lang = isLocaleTag(language) ? language : 'en';
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Telemetry Settings</title>
</head>
<body>
  <cs-telemetry-settings></cs-telemetry-settings>
  ${initialState}
  <script type="module" nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script>
</body>
</html>`;
}

function deactivate() {}

module.exports = { activate, deactivate };
