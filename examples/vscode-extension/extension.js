// @ts-check
// An example extension: the command "Code Studio: Telemetry Settings" opens a webview panel showing
// <cs-telemetry-settings>, and the package's host adapter connects it to the setting codeStudio.telemetry.allowAnonymousTelemetry.
const vscode = require('vscode');
const { appendFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { connectTelemetryHost, createTelemetryGate, registerTelemetryPanels, showTelemetryNotice } = require('@code-studio/telemetry-settings/host');

const VIEW_TYPE = 'codeStudio.telemetrySettings';
const ACCOUNT_KEY = 'codeStudio.demoAccount';
const ACCOUNT_LINKED_KEY = 'codeStudio.demoAccountLinked';
/** Where the demo's upload writes what the collector got, in the extension's global storage folder. */
const SENT_EVENTS_FILE = 'sent-events.jsonl';
// Placeholders: a real product puts its own pages here.
const LINKS = {
  'privacy-statement': 'https://code-studio.example/privacy',
  'how-telemetry-works': 'https://code-studio.example/docs/telemetry',
};

/**
 * What each data type may carry: the gate drops any other field, and any event whose name (`<data type>/…`) is of
 * none of them. VS Code's own `common.*` properties go with every event, as the gate lets them.
 * @type {import('@code-studio/telemetry-settings/host').TelemetryGateOptions['dataTypes']}
 */
const DATA_TYPES = {
  system: { fields: ['os', 'arch', 'vscodeVersion', 'appHost'] },
  'model-command': { fields: ['model', 'command'] },
  tokens: { fields: ['prompt', 'completion'] },
  autocomplete: { fields: ['accepted'] },
  account: { fields: ['signedIn', 'loginName', 'email'] },
};

/**
 * The demo's transport, behind the gate's outbox: called with each batch the gate lets go. When the demo setting
 * `codeStudio.demo.collectorUrl` is set it POSTs the batch as JSON there and fails unless the collector accepts it;
 * then (or straight away without a URL) it appends the batch's events, one JSON object a line, to a file anyone can
 * read to audit what a collector got.
 * @param {string} file
 * @returns {import('@code-studio/telemetry-settings/host').TelemetryUpload}
 */
function collectorUpload(file) {
  return async (events, { signal }) => {
    const url = vscode.workspace.getConfiguration('codeStudio.demo').get('collectorUrl');
    if (typeof url === 'string' && url) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(events),
        signal,
      });
      if (!response.ok) throw new Error(`the collector answered ${response.status}`);
    }
    appendFileSync(file, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
  };
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
  const accountChanged = new vscode.EventEmitter();
  const accountLinkChanged = new vscode.EventEmitter();
  /** @returns {{loginName: string, email: string} | null} */
  const signedIn = () => context.globalState.get(ACCOUNT_KEY) ?? null;
  // Linked unless the user said otherwise: the product as specified attaches the account to telemetry.
  const isAccountLinked = () => context.globalState.get(ACCOUNT_LINKED_KEY, true);

  mkdirSync(context.globalStorageUri.fsPath, { recursive: true });
  const accountLinked = {
    get: isAccountLinked,
    set: async (/** @type {boolean} */ linked) => {
      await context.globalState.update(ACCOUNT_LINKED_KEY, linked);
      accountLinkChanged.fire(linked);
    },
    onDidChange: accountLinkChanged.event,
  };
  // Every event goes through VS Code's logger, then the gate, then its outbox: the gate decides at each send, and
  // again before each upload. The panels read the account, its switch and what was sent from the gate.
  const gate = createTelemetryGate({
    vscode,
    upload: collectorUpload(join(context.globalStorageUri.fsPath, SENT_EVENTS_FILE)),
    storage: context.globalStorageUri.fsPath,
    deletionRequest: true,
    dataTypes: DATA_TYPES,
    account: signedIn,
    onDidChangeAccount: accountChanged.event,
    accountLinked,
    // Nothing is uploaded until the notice below is answered or closed; DO_NOT_TRACK in the environment sends nothing.
    notice: context.globalState,
    log: (message) => log.warn(message),
  });
  const telemetry = gate.createLogger();

  telemetry.logUsage('system/session-start', {
    os: process.platform,
    arch: process.arch,
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
  });

  /** One event of each data type, as the product would send them in a working session; then uploaded at once. */
  const sendSampleEvents = async () => {
    telemetry.logUsage('system/heartbeat', { os: process.platform, arch: process.arch, vscodeVersion: vscode.version });
    telemetry.logUsage('model-command/run', { model: 'demo-model', command: 'explain' });
    telemetry.logUsage('tokens/usage', { prompt: 120, completion: 48 });
    telemetry.logUsage('autocomplete/feedback', { accepted: true });
    const account = signedIn();
    // The gate sends the login name and email only while the account switch is on. The email is trusted so that the
    // logger does not redact it: the user chose to send it.
    telemetry.logUsage('account/session', {
      signedIn: account !== null,
      ...(account && { loginName: account.loginName, email: new vscode.TelemetryTrustedValue(account.email) }),
    });
    await gate.flush();
  };

  // One panel: the command shows it; a reload restores it (the serializer); an extension-host restart revives it.
  // The package writes its page (the CSP, the script, the first state) and serves its own dist folder to it.
  const panels = registerTelemetryPanels({
    vscode,
    viewType: VIEW_TYPE,
    title: 'Telemetry Settings',
    memento: context.workspaceState,
    locale: displayLanguage,
    log: (message) => log.warn(message),
    // Each panel's host adapter, however the panel came; disposed with the panel.
    setUp: (panel) =>
      connectTelemetryHost(panel.webview, {
        vscode,
        // The account, its switch and what the collector got ("Show what was sent"), from the gate: one source.
        gate,
        log: (message) => log.warn(message),
        history: context.globalState,
        links: LINKS,
        locale: displayLanguage,
      }),
  });

  const setAccount = async (/** @type {{loginName: string, email: string} | null} */ account) => {
    await context.globalState.update(ACCOUNT_KEY, account ?? undefined);
    accountChanged.fire(account);
  };

  context.subscriptions.push(
    log,
    gate,
    accountChanged,
    accountLinkChanged,
    panels,
    vscode.commands.registerCommand('codeStudio.telemetry.openSettings', () => panels.open()),
    vscode.commands.registerCommand('codeStudio.demo.signIn', () => setAccount({ loginName: 'ada', email: 'ada@example.com' })),
    vscode.commands.registerCommand('codeStudio.demo.signOut', () => setAccount(null)),
    vscode.commands.registerCommand('codeStudio.demo.sendSampleEvents', sendSampleEvents),
  );

  // The first activation tells the user before anything leaves; the answer is kept in globalState.
  void showTelemetryNotice({
    vscode,
    memento: context.globalState,
    gate,
    openSettings: () => panels.open(),
    log: (message) => log.warn(message),
  });
}

function deactivate() {}

module.exports = { activate, deactivate };
