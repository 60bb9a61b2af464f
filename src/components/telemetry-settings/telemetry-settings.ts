import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { LinkTarget } from '../../protocol/protocol.js';
import type { CsSwitch } from '../switch/switch.js';
import { DEFAULT_TIMEOUT, type TelemetryView } from '../../webview/telemetry-client.js';
import type { VsCodeApi } from '../../webview/vscode-api.js';
import { intlLocale } from '../../internal/i18n/locale.js';
import { lockIcon, spinnerIcon, warningIcon } from '../../internal/icons.js';
import { holdFor, partFailedText } from '../../internal/lazy-part.js';
import { dataTypesParts, optionalPart, panelParts } from '../optional-part.js';
import type { CsAccountLinkedChangeEvent, CsEventsRequestEvent } from '../events.js';
import { alertPart } from './alert-part.js';
import { TelemetryController } from './telemetry-controller.js';
import { telemetrySettingsStyles } from './telemetry-settings.styles.js';
import {
  accountSwitchValue,
  areDataTypesLocked,
  badgeIdentity,
  badgeStatus,
  isHeld,
  settingWarningText,
  coreAlertOf,
  isIdentified,
  isLocked,
  isReading,
  isSwitchUsable,
  switchHelpText,
} from './view.js';
import { CsElement } from '../../internal/cs-element.js';

/** The optional parts the panel needs for a view: its own (history, links) and its list's. */
const partsOf = (view: TelemetryView) => [
  ...panelParts(view.host?.changedBy, view.host?.offers ?? []),
  // The words for DO_NOT_TRACK and a notice not yet answered.
  ...(isHeld(view) ? [optionalPart] : []),
  ...dataTypesParts(accountSwitchValue(view), !!view.host?.offers.includes('events')),
];

/** The alert's words, needed once something failed. */
const alertParts = (view: TelemetryView) => (view.problem ? [alertPart] : []);

/** No counts told: one object, so that a render does not hand the list a new one each time. */
const NO_COUNTS = Object.freeze({});

const note = (icon: unknown, text: string, kind = '') => html`<p class="note ${kind}">${icon}<span>${text}</span></p>`;

/** Who fixes the setting: the locked switch's description, read with it, instead of "change it at any time". */
const lockedText = () => msg('Managed by your organization: a policy sets this setting.', { id: 'panel.locked' });

/**
 * @tagname cs-telemetry-settings
 * @summary Code Studio's telemetry settings section: the switch, its state in words, what is collected and what never is.
 * Inside a VS Code webview it connects to the editor by itself; elsewhere give it a `vscodeApi`.
 *
 * @slot - Extra content under the section; it can read the panel's state through `telemetryContext`.
 *
 * @csspart heading - The "Telemetry" heading.
 * @csspart badge - The status badge.
 * @csspart switch - The Allow Anonymous Telemetry switch.
 * @csspart alert - The live region that reports failures.
 * @csspart retry - The Retry button.
 * @csspart data-types - The list of collected data.
 * @csspart never-collected - The statement of what is never collected.
 * @csspart history - The line saying when and by what the setting last changed (when the host tells).
 * @csspart links - The Privacy statement and How telemetry works buttons (those the host offers).
 * @csspart export - The "Export what was sent…" button (when the host offers `export`).
 * @csspart export-status - The live line saying how the last export ended.
 *
 * @cssprop [--cs-telemetry-background=var(--vscode-editor-background, #1f1f1f)] - The section's background.
 * @cssprop [--cs-telemetry-max-width=720px] - The widest the section grows.
 * @cssprop [--vscode-font-family=system-ui, sans-serif] - The font of every element (set by VS Code in a webview).
 * @cssprop [--vscode-font-size=13px] - The text size of every element.
 * @cssprop [--vscode-foreground=#ccc] - Text.
 * @cssprop [--vscode-editorWarning-foreground=#cca700] - The editor-wide-off note's accent.
 * @cssprop [--vscode-inputValidation-warningBackground=#352a05] - The editor-wide-off note's background.
 * @cssprop [--vscode-errorForeground=#f85149] - The alert's accent.
 * @cssprop [--vscode-inputValidation-errorBackground=#5a1d1d] - The alert's background.
 * @cssprop [--vscode-button-background=#0078d4] - The Retry button.
 * @cssprop [--vscode-button-hoverBackground=#026ec1] - The Retry button under the pointer.
 * @cssprop [--vscode-textLink-foreground=#4daafc] - The links.
 */
export class CsTelemetrySettings extends CsElement {
  static override styles = telemetrySettingsStyles;
  static override properties = {
    vscodeApi: { attribute: false },
    timeout: { type: Number },
  };

  /** The webview API to talk through; defaults to the one the page acquired with `acquireVsCodeApi()`. */
  vscodeApi?: VsCodeApi;

  /** How long a request may go unanswered before the panel shows the host's last known state and an alert, in ms. */
  timeout = DEFAULT_TIMEOUT;

  #controller = new TelemetryController(this);


  /** What the panel shows now. */
  get view(): TelemetryView {
    return this.#controller.view;
  }

  // Held until the parts the view needs are in (the extensions', the list's, the alert's words), so that a part never
  // arrives after the rest of the section and pushes it down, and an alert paints with the state it reports. Connecting before the first update lets the client's first view (a saved
  // state) count; later connections follow a changed API, which willUpdate handles.
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated) this.#controller.connect();
    return holdFor(
      () => [...partsOf(this.view), ...alertParts(this.view)],
      () => super.scheduleUpdate(),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the first update the controller has not connected yet, and will use these values when it does.
    if (this.hasUpdated && (changed.has('vscodeApi') || changed.has('timeout'))) {
      this.#controller.reconnect(); // this same update makes the new connection
    }
  }

  override render() {
    const view = this.view;
    const host = view.host;
    const locked = isLocked(view);
    const identified = isIdentified(view);
    const status = badgeStatus(view);
    const offers = host?.offers ?? [];
    // Without its chunk (it could not load), the core's sentence: what failed and what the editor holds.
    const [problem, retry] = (alertPart.module?.alertOf ?? coreAlertOf)(view) ?? [];
    const levelText = settingWarningText(view);
    const holdText = optionalPart.module?.consentHoldText(view) ?? '';
    return html`
      <section aria-labelledby="heading" lang=${intlLocale()}>
        <header>
          <h2 id="heading" part="heading">${msg('Telemetry', { id: 'panel.heading' })}</h2>
          <cs-telemetry-status-badge
            part="badge"
            status=${status}
            identity=${ifDefined(badgeIdentity(view))}
            ?locked=${locked}
          ></cs-telemetry-status-badge>
        </header>
        <p class="purpose dim">
          ${identified
            ? msg(
                'Code Studio collects usage data to improve product quality and user experience. It helps the team understand feature usage, find performance issues and prioritise enhancements.',
                { id: 'panel.purpose' },
              )
            : msg(
                'Code Studio collects anonymous usage data to improve product quality and user experience. It helps the team understand feature usage, find performance issues and prioritise enhancements.',
                { id: 'panel.purpose-anonymous' },
              )}
        </p>
        <cs-switch
          part="switch"
          .checked=${live(view.enabled === true)}
          ?disabled=${!isSwitchUsable(view) && !locked}
          ?locked=${locked}
          @change=${this.#onChange}
          >${msg('Allow Anonymous Telemetry', { id: 'panel.switch' })}<span slot="help">${locked ? [lockIcon, lockedText()] : switchHelpText(view)}</span></cs-switch
        >
        ${optionalPart.module?.renderHistory(host) ?? nothing}
        ${isReading(view)
          ? note(spinnerIcon, msg('Reading your setting from Code Studio…', { id: 'panel.loading' }))
          : nothing}
        ${holdText ? note(warningIcon, holdText, 'warning') : nothing}
        ${levelText ? note(warningIcon, levelText, 'warning') : nothing}
        <div class=${problem ? 'note failure' : ''}>
          <div role="alert" part="alert">${problem ? [warningIcon, html`<span>${problem}</span>`] : nothing}</div>
          ${retry
            ? html`<button part="retry" @click=${() => this.#controller.retry()}>${msg('Retry', { id: 'alert.retry' })}</button>`
            : nothing}
        </div>
        <cs-telemetry-data-types
          part="data-types"
          .account=${host?.account ?? null}
          .accountLinked=${accountSwitchValue(view)}
          .accountSaving=${view.accountSaving}
          .locked=${areDataTypesLocked(view)}
          .eventsOffered=${offers.includes('events')}
          .telemetryOff=${status === 'off'}
          .events=${this.#controller.events}
          .counts=${host?.sentCounts ?? NO_COUNTS}
          .eventsChanged=${this.#controller.eventsChanged}
          @cs-account-linked-change=${this.#onAccountLinkedChange}
          @cs-events-request=${this.#onEventsRequest}
        ></cs-telemetry-data-types>
        ${offers.includes('export') ? (optionalPart.module?.renderExport(this.#controller.exportStatus, this.#export) ?? nothing) : nothing}
        <div class="never" part="never-collected">
          <h3>${msg('Never collected', { id: 'panel.never.heading' })}</h3>
          <p>${msg('Your code, your prompts, your files.', { id: 'panel.never.body' })}</p>
        </div>
        ${optionalPart.module?.renderLinks(offers, this.#open) ?? nothing}
        ${panelParts(host?.changedBy, offers).some((part) => part.failed) ? note(warningIcon, partFailedText(), 'warning') : nothing}
        <slot></slot>
      </section>
    `;
  }

  #open = (target: LinkTarget) => this.#controller.open(target);
  #export = () => this.#controller.exportEvents();

  // The account switch follows the main switch's rule: its flip stands only when the view takes it.
  #onAccountLinkedChange(event: CsAccountLinkedChangeEvent): void {
    event.stopPropagation();
    this.#controller.setAccountLinked(event.detail.accountLinked);
    if (this.view.accountLinked !== event.detail.accountLinked) event.preventDefault();
  }

  #onEventsRequest(event: CsEventsRequestEvent): void {
    event.stopPropagation();
    const { category, refresh, older } = event.detail;
    if (older) this.#controller.requestOlderEvents(category);
    else this.#controller.requestEvents(category, refresh);
  }

  // The switch has one owner, the view: it is bound with live(), so every render sets what the view holds whatever
  // the switch shows, and its own flip stands only when the view takes it (the client shows an intent at once), so it
  // shows the new state without waiting for the panel's render, and never a value the view does not hold.
  #onChange(event: Event): void {
    event.stopPropagation();
    this.#controller.setEnabled(!this.view.enabled);
    if ((event.target as CsSwitch).checked !== (this.view.enabled === true)) event.preventDefault();
  }
}
