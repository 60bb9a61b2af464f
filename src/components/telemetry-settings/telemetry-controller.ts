import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TelemetryClient, type TelemetryClientOptions, type TelemetryView } from '../../bridge/telemetry-client.js';
import { sharedVsCodeApi, type VsCodeApi } from '../../bridge/vscode-api.js';
import { telemetryContext } from '../../context/telemetry-context.js';

const LOADING_VIEW: TelemetryView = { phase: 'loading', enabled: null, saving: false, host: null, problem: null };

const NO_HOST_VIEW: TelemetryView = {
  ...LOADING_VIEW,
  phase: 'unreachable',
  problem: { kind: 'unreachable', code: 'no-host', message: '' },
};

interface ControllerHost extends ReactiveControllerHost, HTMLElement {
  vscodeApi?: VsCodeApi;
  timeout: number;
}

/**
 * Connects a panel to the editor for as long as it is in the document, and provides its view to its subtree.
 * Connection waits for the panel's first update, so an API set as a property right after insertion is the one used.
 */
export class TelemetryController implements ReactiveController {
  readonly #host: ControllerHost;
  readonly #provider: ContextProvider<typeof telemetryContext>;
  #client?: TelemetryClient;
  #connected = false;

  constructor(host: ControllerHost, readonly clientOptions: Partial<TelemetryClientOptions> = {}) {
    this.#host = host;
    this.#provider = new ContextProvider(host, { context: telemetryContext, initialValue: LOADING_VIEW });
    host.addController(this);
  }

  get view(): TelemetryView {
    return this.#provider.value;
  }

  get client(): TelemetryClient | undefined {
    return this.#client;
  }

  hostConnected(): void {
    this.#connected = true;
    // A panel moved in the document is connected again without any property change: ask for the update that connects.
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    if (this.#connected && !this.#client) this.#connect();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#disconnect();
  }

  /** Drops the current connection and makes a new one at the next update (the API changed). */
  reconnect(): void {
    this.#disconnect();
    this.#host.requestUpdate();
  }

  setEnabled(enabled: boolean): void {
    this.#client?.setEnabled(enabled);
  }

  retry(): void {
    this.#client?.retry();
  }

  #connect(): void {
    const api = this.#host.vscodeApi ?? sharedVsCodeApi();
    // Outside a webview: say so, and look again at the next update (a `vscodeApi` set later, or provideVsCodeApi).
    if (!api) return this.#show(NO_HOST_VIEW);
    const client = new TelemetryClient({ ...this.clientOptions, api, timeout: this.#host.timeout });
    this.#client = client;
    client.subscribe((view) => this.#show(view));
    this.#show(client.view);
  }

  #disconnect(): void {
    this.#client?.dispose();
    this.#client = undefined;
  }

  #show(view: TelemetryView): void {
    if (view === this.#provider.value) return;
    this.#provider.setValue(view);
    this.#host.requestUpdate();
  }
}
