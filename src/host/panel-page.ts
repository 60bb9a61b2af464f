/**
 * The webview page of the telemetry panel, as the package writes it: a strict CSP whose only script is the package's
 * bundle by nonce, the editor's language, the first state embedded; and the watch that says in the extension's log
 * why a page never started. Node only, no DOM.
 */
import type * as vscode from 'vscode';
import { isLocaleTag, isPlainObject, type HelloMessage } from '../protocol/protocol.js';
import { describe, type Log } from './log.js';

/** The parts of the `vscode` module the page uses; pass the module itself. */
export interface TelemetryPanelPageVsCode {
  /** For the default `distUri`: the folder this module was loaded from. */
  Uri?: Pick<typeof vscode.Uri, 'file' | 'joinPath' | 'parse'>;
  /** For the default language: `env.language`. */
  env?: Partial<Pick<typeof vscode.env, 'language'>>;
}

/** What the page needs of a webview: `vscode.Webview` has both. */
export type TelemetryPanelPageWebview = Pick<vscode.Webview, 'cspSource' | 'asWebviewUri'>;

export interface TelemetryPanelPageOptions {
  /** The `vscode` module: the default `distUri` and language come from it. Not needed when both are given. */
  vscode?: TelemetryPanelPageVsCode;
  /**
   * The package's `dist` folder: the page loads `webview.js` from it, and the chunks beside it. Default: the folder
   * the package's host module was loaded from, which once installed is
   * `<extension>/node_modules/@code-studio/telemetry-settings/dist`. An extension that bundles the host module
   * (esbuild) copies `webview*.js` and `locales/` beside its bundle, or names where it put them.
   */
  distUri?: vscode.Uri;
  /** The editor's display language, the page's `<html lang>`. Default `vscode.env.language`; not a language tag: `en`. */
  locale?: string;
  /** What `initialStateHtml` returned: the first state, embedded so that the first frame shows it. Default none. */
  initialState?: string;
  /** The page's title. Default "Telemetry Settings". */
  title?: string;
}

/** How long a written page may take to say hello before the log says why it did not, in ms. */
export const DEFAULT_PAGE_START_TIMEOUT = 10_000;

/** The words logged when a shown page never said hello. */
export const PAGE_DID_NOT_START_MESSAGE =
  "the panel's script did not start: check enableScripts, localResourceRoots (it must hold the package's dist folder) and the script's nonce";
/** The words logged when a page talks but its panel never said hello: the page took the VS Code API first. */
export const PAGE_TOOK_API_MESSAGE =
  "the panel's page sent messages but the panel never said hello: the page called acquireVsCodeApi() before the panel; it must hand its API over with provideVsCodeApi(api) (or the panel's vscodeApi property) before the panel connects";
/** The words logged when the webview's scripts are off. */
export const SCRIPTS_DISABLED_MESSAGE =
  "the webview's enableScripts is off, so the panel's script cannot run and the panel stays blank: open the panel with { enableScripts: true }";

/** The package's `dist` folder: the folder this module runs from (the host entry is one file in `dist`). */
export function defaultDistUri(api: TelemetryPanelPageVsCode | undefined): vscode.Uri {
  if (!api?.Uri) throw new TypeError('telemetry panel page: pass `distUri`, or `vscode` for its default');
  // CommonJS (dist/host.cjs, or a bundle of either entry) has __filename and an empty import.meta.
  const file = typeof __filename === 'string' ? api.Uri.file(__filename) : api.Uri.parse(import.meta.url);
  return api.Uri.joinPath(file, '..');
}

declare const __filename: string | undefined;

/** The webview options the page needs: scripts on, and the package's `dist` as the only local resource root. */
export function telemetryPanelWebviewOptions(distUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [distUri] };
}

/**
 * The telemetry panel's webview page: the CSP `default-src 'none'; script-src 'nonce-…'; style-src <cspSource>;
 * img-src <cspSource>; font-src <cspSource>; base-uri 'none'` with a fresh nonce, `<html lang>` from the editor's
 * language, `<cs-telemetry-settings>`, the embedded first state, and `webview.js` from `distUri` by
 * `webview.asWebviewUri`, the one script. Open the webview with `telemetryPanelWebviewOptions(distUri)`.
 */
export function telemetryPanelHtml(webview: TelemetryPanelPageWebview, options: TelemetryPanelPageOptions = {}): string {
  const distUri = options.distUri ?? defaultDistUri(options.vscode);
  const nonce = newNonce();
  const source = String(webview.cspSource);
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${source}`,
    `img-src ${source}`,
    `font-src ${source}`,
    "base-uri 'none'",
  ].join('; ');
  const locale = options.locale ?? options.vscode?.env?.language;
  // The page has the editor's language before the host's first state arrives.
  const lang = isLocaleTag(locale) ? locale : 'en';
  const script = webview.asWebviewUri(joinUri(options.vscode, distUri, 'webview.js')).toString();
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(options.title ?? 'Telemetry Settings')}</title>
</head>
<body>
  <cs-telemetry-settings></cs-telemetry-settings>
  <noscript><p>${NO_SCRIPT_TEXT}</p></noscript>
  ${options.initialState ?? ''}
  <script type="module" nonce="${nonce}" src="${escapeHtml(script)}"></script>
</body>
</html>`;
}

/**
 * Watches a written page until its panel says hello. If the panel is shown for `timeoutMs` without one, logs why:
 * the page never spoke (its script did not start), or it spoke without a hello (the page took the VS Code API). A
 * hidden panel has not loaded its page, so the time runs only while it is shown. Dispose it with the panel.
 */
export function watchPageStart(
  panel: Pick<vscode.WebviewPanel, 'visible' | 'onDidChangeViewState'> & { webview: Pick<vscode.Webview, 'onDidReceiveMessage'> },
  log: Log,
  timeoutMs: number = DEFAULT_PAGE_START_TIMEOUT,
): vscode.Disposable {
  let spoke = false;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscriptions: vscode.Disposable[] = [];
  const stop = () => {
    done = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const subscription of subscriptions.splice(0)) subscription.dispose();
  };
  const start = () => {
    if (done || timer !== undefined || !panel.visible) return;
    timer = setTimeout(() => {
      const message = spoke ? PAGE_TOOK_API_MESSAGE : PAGE_DID_NOT_START_MESSAGE;
      stop();
      log(message);
    }, timeoutMs);
  };
  subscriptions.push(
    panel.webview.onDidReceiveMessage((message) => {
      spoke = true;
      if (isPlainObject(message) && message.type === HELLO) stop();
    }),
    // Hidden before the page loaded: the time starts again when it is shown.
    panel.onDidChangeViewState(() => {
      if (panel.visible) start();
      else if (timer !== undefined && !done) {
        clearTimeout(timer);
        timer = undefined;
      }
    }),
  );
  start();
  return { dispose: stop };
}

/**
 * Writes a panel's page, `html()` (awaited), unless the panel has one already (a `setUp` that wrote its own), then
 * watches it start (`watchPageStart`). A panel closed meanwhile gets nothing. Dispose it with the panel.
 */
export function writePanelPage(
  panel: vscode.WebviewPanel,
  options: { html: () => string | Thenable<string>; log: Log; timeoutMs?: number },
): vscode.Disposable {
  const { log } = options;
  let disposed = false;
  let watch: vscode.Disposable | undefined;
  const watchIt = () => {
    if (!disposed) watch = watchPageStart(panel, log, options.timeoutMs);
  };
  if (readHtml(panel)) {
    watchIt();
  } else {
    void (async () => {
      try {
        const html = await options.html();
        if (disposed) return;
        panel.webview.html = html;
        watchIt();
      } catch (error) {
        // Closed meanwhile (VS Code: "Webview is disposed"), or the team's page failed.
        if (!disposed) log(`could not write the panel's page: ${describe(error)}`);
      }
    })();
  }
  return {
    dispose() {
      disposed = true;
      watch?.dispose();
    },
  };
}

function readHtml(panel: vscode.WebviewPanel): string {
  try {
    return panel.webview.html ?? '';
  } catch {
    return '';
  }
}

const HELLO: HelloMessage['type'] = 'telemetry/hello';
/** Shown by the page itself when the webview runs no script: what the extension must change. */
const NO_SCRIPT_TEXT =
  'The telemetry panel cannot start: this webview runs no script. The extension must open it with enableScripts: true.';

function joinUri(api: TelemetryPanelPageVsCode | undefined, base: vscode.Uri, file: string): vscode.Uri {
  if (api?.Uri) return api.Uri.joinPath(base, file);
  return base.with({ path: `${base.path.replace(/\/+$/, '')}/${file}` });
}

/** 16 random bytes, base64: a nonce no page can guess, new for every page. */
function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
