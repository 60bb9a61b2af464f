// What the telemetry panel shows, derived from the client's view: pure functions, no element, so that any panel built
// on the same bridge (the bench's peer) shows the same states and words.
import { msg } from '@lit/localize';
import { levelAllows, type EditorTelemetryLevel } from '../../protocol/protocol.js';
import type { TelemetryView } from '../../webview/telemetry-client.js';
import { getLocale } from '../../internal/i18n/locale.js';
import type { TelemetryBadgeIdentity, TelemetryBadgeStatus } from '../telemetry-status-badge/telemetry-status-badge.js';

/** The first read is on its way and nothing failed yet. */
export const isReading = (view: TelemetryView) => view.phase === 'loading' && !view.problem;

/** The setting's value is known, and current enough to show as the host's. */
const isKnown = (view: TelemetryView) => view.phase === 'ready' && view.enabled !== null && view.certainty !== 'unknown';

/**
 * The editor's telemetry level as the host told it. A host without the level tells only on or off, and its on means
 * what it always meant: everything.
 */
export function editorLevel(host: TelemetryView['host']): EditorTelemetryLevel {
  return host?.editorTelemetryLevel ?? (host?.editorTelemetryEnabled === false ? 'off' : 'all');
}

/**
 * The badge's answer to "is telemetry on?", as the consent gate decides: with the switch on, usage data goes at
 * level `all`, only error reports at `error`, and nothing at `crash` or `off`.
 */
export function badgeStatus(view: TelemetryView): TelemetryBadgeStatus {
  if (view.saving || view.accountSaving) return 'saving';
  if (isReading(view)) return 'loading';
  if (!isKnown(view)) return 'error';
  if (!view.enabled || isDoNotTrack(view)) return 'off';
  const level = editorLevel(view.host);
  return levelAllows(level, 'usage') ? 'on' : levelAllows(level, 'error') ? 'errors-only' : 'off';
}

/** Whether "on" carries the account, told only when the host offers the account switch. */
export function badgeIdentity(view: TelemetryView): TelemetryBadgeIdentity | undefined {
  const host = view.host;
  if (host?.accountLinked === undefined) return undefined;
  return host.accountLinked && host.account ? 'linked' : 'anonymous';
}

/** A policy sets the setting: neither switch can change it. */
export const isLocked = (view: TelemetryView) => view.host?.managedBy === 'policy';

/**
 * What the editor's telemetry level leaves of what the switch allows, as the host's current word says; empty at `all`
 * (the switch alone decides) and while the host's word is not current.
 */
export function editorLevelText(view: TelemetryView): string {
  if (view.phase !== 'ready') return '';
  switch (editorLevel(view.host)) {
    case 'all':
      return '';
    case 'error':
      return msg("The editor's telemetry is set to errors only, so Code Studio sends only error reports while this switch is on, and no usage data.", {
        id: 'panel.editor-error',
      });
    case 'crash':
      return msg(
        "The editor's telemetry is set to crash reports only, so Code Studio sends nothing, whatever this switch says. The editor itself may still send crash reports.",
        { id: 'panel.editor-crash' },
      );
    case 'off':
      return msg("The editor's telemetry is off, so Code Studio sends nothing, whatever this switch says.", { id: 'panel.editor-off' });
  }
}

/**
 * A value of the setting in settings.json that is not true or false counts as off: which file holds it, and what to do.
 * Empty while every value is valid or the host's word is not current.
 */
export function invalidSettingText(view: TelemetryView): string {
  if (view.phase !== 'ready') return '';
  switch (view.host?.invalidSetting) {
    case 'user':
      return msg('The value of this setting in your user settings.json is not valid, so telemetry is off. Set it to true or false.', {
        id: 'panel.invalid-user',
      });
    case 'workspace':
      return msg('The value of this setting in the workspace settings.json is not valid, so telemetry is off. Set it to true or false.', {
        id: 'panel.invalid-workspace',
      });
    case 'workspaceFolder':
      return msg("The value of this setting in the folder's settings.json is not valid, so telemetry is off. Set it to true or false.", {
        id: 'panel.invalid-folder',
      });
    default:
      return '';
  }
}

/** The host's environment sets DO_NOT_TRACK: nothing is sent, whatever the switch says. */
export const isDoNotTrack = (view: TelemetryView) => view.host?.doNotTrack === true;

/** Nothing leaves now whatever the switch says: DO_NOT_TRACK, or the notice not yet answered (words: consent-hold.ts). */
export const isHeld = (view: TelemetryView) => isDoNotTrack(view) || view.host?.noticePending === true;

/** The warning under the switch: a value in settings.json that is not valid, then what the editor's level leaves. */
export const settingWarningText = (view: TelemetryView) => sentence(invalidSettingText(view), editorLevelText(view));

/** The main switch can be flipped: its value is known and no policy fixes it. */
export const isSwitchUsable = (view: TelemetryView) => isKnown(view) && !isLocked(view);

/** An account is, or is about to be, attached: then the panel never calls the data anonymous. */
export function isIdentified(view: TelemetryView): boolean {
  const host = view.host;
  return !!host?.account && (host.accountLinked === undefined || host.accountLinked || !!view.accountLinked);
}

/**
 * The switch's help line: when it takes effect; while an account is attached, that the data is not anonymous; and,
 * when the host offers it, that switching off asks for what was collected to be deleted.
 */
export const switchHelpText = (view: TelemetryView) =>
  sentence(
    msg('Takes effect at once; change it at any time.', { id: 'panel.help' }),
    isIdentified(view)
      ? msg('While you are signed in, your login name and email are sent with this data, so it is not anonymous.', {
          id: 'panel.help-account',
        })
      : '',
    view.host?.offers.includes('deletion-request')
      ? msg('Switching it off also asks Code Studio to delete the data it collected from this machine.', { id: 'panel.help-deletion' })
      : '',
  );

/** The list of collected data takes no change (its account switch): a policy fixes the setting, or it is not read. */
export const areDataTypesLocked = (view: TelemetryView) => isLocked(view) || view.phase !== 'ready';

/**
 * The account switch's value for the list: undefined when the host does not offer it, null while not usable (not
 * ready), else what it shows.
 */
export const accountSwitchValue = (view: TelemetryView) =>
  view.host?.accountLinked === undefined ? undefined : view.phase === 'ready' ? view.accountLinked : null;

/** The words for a request the editor left unanswered, for a save and for a list of events alike. */
export const noAnswerText = () => msg('Code Studio did not answer in time.', { id: 'alert.reason-timeout' });

/** Sentences one after another as the language writes them: after a space, or none in Japanese and Chinese. */
export const sentence = (...parts: string[]) => parts.filter(Boolean).join(/^(ja|zh)\b/.test(getLocale()) ? '' : ' ');

/** The alert's words, and whether Retry can help. */
export type TelemetryAlert = [text: string, retry: boolean];

// The few alert words the core keeps, for the sentence it says when the alert's chunk (alert.ts) cannot load; the
// chunk builds its sentences from the same words.
export const saveFailedText = () => msg('Could not save.', { id: 'alert.save-failed' });
export const notKnownText = () => msg('Your setting is not known now.', { id: 'alert.not-known' });
/** What the host holds after it refused a save, said only while its word is current. */
export const stillText = (on: boolean) => (on ? msg('It is still on.', { id: 'alert.still-on' }) : msg('It is still off.', { id: 'alert.still-off' }));

/**
 * The alert when its chunk could not be loaded: that a save failed, and what the editor holds while its word is
 * current; otherwise that the setting is not known. Retry where a save can be tried again.
 */
export function coreAlertOf({ problem, host, certainty }: TelemetryView): TelemetryAlert | undefined {
  if (!problem) return undefined;
  const held = host && certainty === 'confirmed' ? stillText(host.enabled) : notKnownText();
  const save = problem.kind === 'save-failed';
  return [sentence(save ? saveFailedText() : '', held), save && problem.code !== 'locked'];
}
