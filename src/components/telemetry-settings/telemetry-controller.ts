import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clockFor } from '../../internal/clock.js';
import type { EventsChangedMessage, EventsMessage, ExportedMessage, LinkTarget, TelemetryCategory } from '../../protocol/protocol.js';
import { LOADING_VIEW, TelemetryClient, type TelemetryView } from '../../webview/telemetry-client.js';
import type { EventsLists, TelemetryExportStatus } from './events-lists.js';
import { isVsCodeApiTaken, sharedVsCodeApi, type VsCodeApi } from '../../webview/vscode-api.js';
import { takeInitialState } from '../../webview/initial-state.js';
import { telemetryContext } from '../../webview/telemetry-context.js';
import { applyLocale } from '../../internal/i18n/locale.js';
import { noAnswerText } from './view.js';
import { optionalPart } from '../optional-part.js';

const NO_HOST_VIEW: TelemetryView = {
  ...LOADING_VIEW,
  phase: 'unreachable',
  problem: { kind: 'unreachable', code: 'no-host', message: '' },
};

/** The page called `acquireVsCodeApi()` itself and kept the API: the panel says what the page must do. */
const API_TAKEN_VIEW: TelemetryView = { ...NO_HOST_VIEW, problem: { kind: 'unreachable', code: 'api-taken', message: '' } };

interface ControllerHost extends ReactiveControllerHost, HTMLElement {
  vscodeApi?: VsCodeApi;
  timeout: number;
}

/**
 * Connects a panel to the editor for as long as it is in the document, provides its view to its subtree, speaks the
 * host's language, and keeps the events lists the panel asked for.
 * Connection waits for the panel's first update, so an API set as a property right after insertion is the one used.
 */
export class TelemetryController implements ReactiveController {
  readonly #host: ControllerHost;
  readonly #provider: ContextProvider<typeof telemetryContext>;
  /** The connection to the editor; undefined while the panel is out of the document or waiting to connect. */
  #client?: TelemetryClient;
  /** How many times the host said each category's log changed: an open list asks again when its count moves. */
  eventsChanged: Partial<Record<TelemetryCategory, number>> = {};
  /** The events lists and export of this connection: the recent events of each category the panel asked for. */
  #eventsLists?: EventsLists;
  /** The host locale last handed to `applyLocale`; a symbol until the first. */
  #appliedLocale: string | undefined | symbol = Symbol('none');

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
    this.connect();
    const locale = this.view.host?.locale;
    if (locale !== this.#appliedLocale) {
      this.#appliedLocale = locale;
      applyLocale(locale);
    }
  }

  /** Drops the connection; the next update makes a new one if the panel is still in the document. */
  hostDisconnected(): void {
    this.#client?.dispose();
    this.#client = undefined;
    this.#eventsLists = undefined;
    this.#host.requestUpdate();
  }

  /** Drops the connection and makes a new one at the next update (a new API or timeout). */
  reconnect(): void {
    this.hostDisconnected();
  }

  /** The user flipped the switch. */
  setEnabled(enabled: boolean): void {
    this.#client?.setEnabled(enabled);
  }

  /** The user flipped the account switch. */
  setAccountLinked(accountLinked: boolean): void {
    this.#client?.setAccountLinked(accountLinked);
  }

  /** The user pressed Retry. */
  retry(): void {
    this.#client?.retry();
  }

  /** The user asked for a link the host offers. */
  open(target: LinkTarget): void {
    this.#client?.open(target);
  }

  /** Asks for the newest page of a category's events; `refresh`: the list shown stays and the newer are added. */
  requestEvents(category: TelemetryCategory, refresh = false): void {
    this.#lists()?.requestEvents(category, refresh);
  }

  /** Asks for the page older than the events a category's list shows. */
  requestOlderEvents(category: TelemetryCategory): void {
    this.#lists()?.requestOlderEvents(category);
  }

  /** Asks the host to write everything it sent to a file the user picks. */
  exportEvents(): void {
    this.#lists()?.exportEvents();
  }

  get events(): EventsLists['events'] {
    return this.#eventsLists?.events ?? {};
  }

  get exportStatus(): TelemetryExportStatus | undefined {
    return this.#eventsLists?.exportStatus;
  }

  /** The connection's lists and export, made when first asked for: their code comes with the lists' UI. */
  #lists(): EventsLists | undefined {
    const client = this.#client;
    const Lists = optionalPart.module?.EventsLists;
    if (!client || !Lists) return undefined;
    return (this.#eventsLists ??= new Lists(client, () => this.#host.requestUpdate(), noAnswerText));
  }

  /** Connects if the panel is in the document and not connected; called before each update by the panel itself too. */
  connect(): void {
    if (this.#client || !this.#host.isConnected) return;
    const api = this.#host.vscodeApi ?? sharedVsCodeApi();
    // Outside a webview: say so, and look again at the next update (a `vscodeApi` set later, or provideVsCodeApi).
    if (!api) return this.#show(isVsCodeApiTaken() ? API_TAKEN_VIEW : NO_HOST_VIEW);
    // The host's state embedded in the page, so that this update, the first render, shows it: no "Checking…". The
    // page's first connection only: later ones start from the saved state.
    const initialState = takeInitialState(document);
    const client = (this.#client = new TelemetryClient({
      api,
      timeout: this.#host.timeout,
      scheduler: clockFor(this.#host),
      initialState,
      // The events extension's guards come with its UI, which is in before any list can ask.
      readEvents: (data): data is EventsMessage | EventsChangedMessage | ExportedMessage => !!optionalPart.module?.readEvents(data),
    }));
    client.subscribe((view) => this.#show(view));
    client.onEventsChanged((category) => {
      this.eventsChanged = { ...this.eventsChanged, [category]: (this.eventsChanged[category] ?? 0) + 1 };
      this.#host.requestUpdate();
    });
    this.#show(client.view);
  }

  #show(view: TelemetryView): void {
    if (view === this.#provider.value) return;
    this.#provider.setValue(view);
    this.#host.requestUpdate();
  }
}
