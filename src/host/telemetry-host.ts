/**
 * The extension-host half of protocol v1 (docs/protocol.md): answers the webview's requests, writes the setting,
 * and pushes the state whenever it changes by any road. Node only, no DOM; the `vscode` module is injected.
 */
import type * as vscode from 'vscode';
import {
  isPlainObject,
  isWebviewMessage,
  MAX_STRING_LENGTH,
  PROTOCOL_VERSION,
  type ErrorMessage,
  type ManagedBy,
  type StateMessage,
  type TelemetryAccount,
  type TelemetryErrorCode,
  type TelemetryState,
  type WebviewMessage,
} from '../bridge/protocol.js';

/** The parts of the `vscode` module the adapter uses; pass the module itself. */
export interface TelemetryHostVsCode {
  workspace: Pick<typeof vscode.workspace, 'getConfiguration' | 'onDidChangeConfiguration'>;
  env: Pick<typeof vscode.env, 'isTelemetryEnabled' | 'onDidChangeTelemetryEnabled'>;
  ConfigurationTarget: Pick<typeof vscode.ConfigurationTarget, 'Global' | 'Workspace' | 'WorkspaceFolder'>;
}

/** What the adapter needs of a webview: `vscode.Webview` has both. */
export interface TelemetryHostWebview {
  postMessage(message: unknown): Thenable<boolean>;
  onDidReceiveMessage: vscode.Event<unknown>;
}

export interface TelemetryHostOptions {
  /** The `vscode` module, injected so that the adapter runs in tests without an editor. */
  vscode: TelemetryHostVsCode;
  /** Configuration section of the setting. Default `codeStudio.telemetry`. */
  section?: string;
  /** Key of the setting within the section. Default `enabled`. */
  key?: string;
  /** Where a change from the panel is written. Default the user (global) settings. */
  target?: vscode.ConfigurationTarget;
  /** The signed-in account whose login name and email are attached to telemetry, or null when signed out. */
  account?: () => TelemetryAccount | null | undefined | Thenable<TelemetryAccount | null | undefined>;
  /** Fires when the account changes (signed in, out, or switched). */
  onDidChangeAccount?: vscode.Event<unknown>;
  /** Who fixes the setting, if anyone: `'policy'` disables the switch and refuses writes. */
  managedBy?: ManagedBy | null | (() => ManagedBy | null | undefined);
  /** Fires when `managedBy`'s answer may have changed. */
  onDidChangeManagedBy?: vscode.Event<unknown>;
  /** Shown to the user when a `set` is refused by policy. */
  lockedMessage?: string;
  /** Where the adapter reports what it could not do (an output channel's `appendLine`, say). Default `console.warn`. */
  log?: (message: string) => void;
}

export const DEFAULT_SECTION = 'codeStudio.telemetry';
export const DEFAULT_KEY = 'enabled';
export const DEFAULT_LOCKED_MESSAGE = 'Your organization manages this setting.';

/**
 * The value of the setting as telemetry code must read it: a non-boolean value (a hand-edited settings.json) counts
 * as the default, and a missing default as on, as the product ships. Use it wherever telemetry is sent so that the
 * panel and the sender never disagree.
 */
export function readTelemetrySetting(
  configuration: Pick<vscode.WorkspaceConfiguration, 'get' | 'inspect'>,
  key: string = DEFAULT_KEY,
): boolean {
  const value = configuration.get<unknown>(key);
  if (typeof value === 'boolean') return value;
  const fallback = configuration.inspect<unknown>(key)?.defaultValue;
  return typeof fallback === 'boolean' ? fallback : true;
}

/** The longest id the adapter echoes back in `inReplyTo`; the webview rejects longer ones. */
const replyableId = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' && value.length <= MAX_STRING_LENGTH ? value : undefined;

const shortText = (value: unknown, fallback: string) =>
  (typeof value === 'string' && value ? value : fallback).slice(0, MAX_STRING_LENGTH);

/**
 * Connects a telemetry settings webview to the editor's configuration. Returns a disposable that stops listening
 * and posting; dispose it with the webview (`panel.onDidDispose`).
 */
export function connectTelemetryHost(webview: TelemetryHostWebview, options: TelemetryHostOptions): vscode.Disposable {
  const { vscode: api, section = DEFAULT_SECTION, key = DEFAULT_KEY } = options;
  const target = options.target ?? api.ConfigurationTarget.Global;
  const log = (message: string) => {
    try {
      (options.log ?? ((text: string) => console.warn(`[telemetry-host] ${text}`)))(message);
    } catch {
      // A closed output channel must not stop the adapter.
    }
  };
  const fullKey = `${section}.${key}`;
  let disposed = false;
  let rev = 0;
  let lastSent = '';
  // Requests are handled one at a time, in the order they came, as the webview expects of its host.
  let queue: Promise<void> = Promise.resolve();

  const readManagedBy = (): ManagedBy | null => {
    try {
      const value = typeof options.managedBy === 'function' ? options.managedBy() : options.managedBy;
      return value === 'policy' ? value : null;
    } catch (error) {
      log(`could not read who manages the setting: ${describe(error)}`);
      return null;
    }
  };

  const readAccount = async (): Promise<TelemetryAccount | null> => {
    if (!options.account) return null;
    try {
      const account = await options.account();
      if (!account) return null;
      return { loginName: shortText(account.loginName, ''), email: shortText(account.email, '') };
    } catch (error) {
      log(`could not read the signed-in account: ${describe(error)}`);
      return null;
    }
  };

  const readState = async (): Promise<TelemetryState> => ({
    enabled: readTelemetrySetting(api.workspace.getConfiguration(section), key),
    editorTelemetryEnabled: api.env.isTelemetryEnabled,
    managedBy: readManagedBy(),
    account: await readAccount(),
  });

  const post = async (message: StateMessage | ErrorMessage) => {
    if (disposed) return;
    try {
      // Resolves false while the webview is hidden: nothing is lost, it says hello when shown again.
      await webview.postMessage(message);
    } catch (error) {
      log(`could not post ${message.type}: ${describe(error)}`);
    }
  };

  /** Posts the current state; `rev` grows only when the state differs from the last one posted. */
  const postState = async (inReplyTo?: string, always = inReplyTo !== undefined) => {
    const state = await readState();
    const serialized = JSON.stringify(state);
    if (serialized !== lastSent) {
      lastSent = serialized;
      rev++;
    } else if (!always) {
      return; // a push that changes nothing
    }
    await post({ type: 'telemetry/state', protocol: PROTOCOL_VERSION, rev, ...(inReplyTo && { inReplyTo }), state });
  };

  const postError = (inReplyTo: string, code: TelemetryErrorCode, message: string) =>
    post({ type: 'telemetry/error', protocol: PROTOCOL_VERSION, inReplyTo, code, message: shortText(message, code) });

  const handle = async (message: WebviewMessage) => {
    if (message.type !== 'telemetry/set') return postState(message.id);
    if (readManagedBy()) return postError(message.id, 'locked', options.lockedMessage ?? DEFAULT_LOCKED_MESSAGE);
    const configuration = api.workspace.getConfiguration(section);
    if (readTelemetrySetting(configuration, key) !== message.enabled) {
      try {
        await configuration.update(key, message.enabled, target);
      } catch (error) {
        await postError(message.id, 'write-failed', describe(error));
        return postState(undefined, true); // the state as it really is
      }
    }
    return postState(message.id);
  };

  /** Runs `work` after everything before it, so that replies leave in the order requests came. */
  const enqueue = (work: () => Promise<void>, what: string) => {
    queue = queue.then(work).catch((error) => log(`could not ${what}: ${describe(error)}`));
  };

  const receive = (message: unknown) => {
    if (disposed) return;
    if (isWebviewMessage(message)) return enqueue(() => handle(message), `answer ${message.type}`);
    const id = isPlainObject(message) && Object.hasOwn(message, 'id') ? replyableId(message.id) : undefined;
    if (id) enqueue(() => postError(id, 'bad-request', badRequestText(message)), 'answer a malformed request');
    else log('dropped a malformed message from the webview');
  };

  const push = () => {
    if (!disposed) enqueue(() => postState(), 'push the state');
  };

  const subscriptions = [
    webview.onDidReceiveMessage(receive),
    api.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(fullKey)) push();
    }),
    api.env.onDidChangeTelemetryEnabled(push),
    options.onDidChangeAccount?.(push),
    options.onDidChangeManagedBy?.(push),
  ];

  return {
    dispose() {
      disposed = true;
      for (const subscription of subscriptions) subscription?.dispose();
    },
  };
}

function badRequestText(message: unknown): string {
  const type = isPlainObject(message) && Object.hasOwn(message, 'type') ? message.type : undefined;
  if (type === 'telemetry/hello' && isPlainObject(message) && message.protocol !== PROTOCOL_VERSION) {
    return `This editor speaks telemetry protocol ${PROTOCOL_VERSION}.`;
  }
  return typeof type === 'string' && ['telemetry/hello', 'telemetry/get', 'telemetry/set'].includes(type)
    ? `Malformed ${type} request.`
    : 'Unknown request.';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
