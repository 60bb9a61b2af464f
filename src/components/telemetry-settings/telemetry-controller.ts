import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clockFor } from '../../internal/clock.js';
import { LOADING_VIEW, TelemetryClient, type TelemetryView } from '../../webview/telemetry-client.js';
import { sharedVsCodeApi, type VsCodeApi } from '../../webview/vscode-api.js';
import { telemetryContext } from '../../webview/telemetry-context.js';

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
  /** The connection to the editor; undefined while the panel is out of the document or waiting to connect. */
  client?: TelemetryClient;

  constructor(host: ControllerHost) {
    this.#host = host;
    this.#provider = new ContextProvider(host, { context: telemetryContext, initialValue: LOADING_VIEW });
    host.addController(this);
  }

  get view(): TelemetryView {
    return this.#provider.value;
  }

  hostConnected(): void {
    // A panel moved in the document is connected again without any property change: ask for the update that connects.
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    if (this.client || !this.#host.isConnected) return;
    const api = this.#host.vscodeApi ?? sharedVsCodeApi();
    // Outside a webview: say so, and look again at the next update (a `vscodeApi` set later, or provideVsCodeApi).
    if (!api) return this.#show(NO_HOST_VIEW);
    this.client = new TelemetryClient({ api, timeout: this.#host.timeout, scheduler: clockFor(this.#host) });
    this.client.subscribe((view) => this.#show(view));
    this.#show(this.client.view);
  }

  /** Drops the connection; the next update makes a new one if the panel is still in the document. */
  hostDisconnected(): void {
    this.client?.dispose();
    this.client = undefined;
    this.#host.requestUpdate();
  }

  #show(view: TelemetryView): void {
    if (view === this.#provider.value) return;
    this.#provider.setValue(view);
    this.#host.requestUpdate();
  }
}
