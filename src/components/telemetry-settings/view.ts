// What the telemetry panel shows, derived from the client's view: pure functions, no element, so that any panel built
// on the same bridge (the bench's peer) shows the same states and words.
import { msg, str } from '@lit/localize';
import { LOCKED_MESSAGES, PROTOCOL_VERSION, type EditorTelemetryLevel } from '../../protocol/protocol.js';
import type { SetField, TelemetryProblem, TelemetryView } from '../../webview/telemetry-client.js';
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
  return level === 'all' ? 'on' : level === 'error' ? 'errors-only' : 'off';
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

/** The words for silence while the value shown is not confirmed: they say only that the editor did not answer. */
const silenceText = () => msg('Code Studio did not answer.', { id: 'alert.no-answer' });

/** Sentences one after another as the language writes them: after a space, or none in Japanese and Chinese. */
const sentence = (...parts: string[]) => parts.filter(Boolean).join(/^(ja|zh)\b/.test(getLocale()) ? '' : ' ');

/** Words for each switch's value, on and off. */
type ValueWords = Record<SetField, (on: boolean) => string>;

/** What the host last confirmed, said after silence: it may hold another value now. */
const LAST_WORDS: ValueWords = {
  enabled: (on) => (on ? msg('It was last on.', { id: 'alert.last-on' }) : msg('It was last off.', { id: 'alert.last-off' })),
  accountLinked: (on) =>
    on
      ? msg('Your account details were last included.', { id: 'alert.last-linked' })
      : msg('Your account details were last left out.', { id: 'alert.last-unlinked' }),
};

/** What the host holds after it refused a save, said only while its word is current. */
const STILL_WORDS: ValueWords = {
  enabled: (on) => (on ? msg('It is still on.', { id: 'alert.still-on' }) : msg('It is still off.', { id: 'alert.still-off' })),
  accountLinked: (on) =>
    on
      ? msg('Your account details are still included.', { id: 'alert.still-linked' })
      : msg('Your account details are still not included.', { id: 'alert.still-unlinked' }),
};

/** One switch's value in words, or none when the host has not told it. */
function valueText(words: ValueWords, field: SetField, host: TelemetryView['host']): string {
  const value = host?.[field];
  return value === undefined ? '' : words[field](value);
}

/** Why the host refused a save, in its words, except the two `locked` texts the panel has in its own language. */
function refusalText(code: string, message: string): string {
  if (code === 'locked') {
    if (!message || message === LOCKED_MESSAGES.policy) return msg('Your organization manages this setting.', { id: 'alert.reason-locked' });
    if (message === LOCKED_MESSAGES.unreadable) {
      return msg("Code Studio could not read your organization's policy for this setting, so it cannot be changed now.", {
        id: 'alert.reason-locked-unreadable',
      });
    }
  }
  // The host names the scope that decides (a workspace or folder setting); without its words, say so generally.
  if (code === 'overridden' && !message) return msg('A workspace or folder setting overrides this.', { id: 'alert.reason-overridden' });
  return message || code;
}

/** The alert's words, and whether Retry can help. */
export type TelemetryAlert = [text: string, retry: boolean];

type AlertOf = (problem: TelemetryProblem, view: TelemetryView) => TelemetryAlert;

/** A save failed: by silence, or refused by the host. */
const saveFailedAlert: AlertOf = ({ code, message, field = 'enabled' }, { host, certainty }) => {
  // Silence may hide a save that landed: say what the host last confirmed, no more.
  if (code === 'timeout' && certainty !== 'confirmed') {
    return [sentence(silenceText(), valueText(LAST_WORDS, field, host)), true];
  }
  // Still so only when the host's state is current: after its error, its state followed or is on its way.
  const still = certainty === 'confirmed' ? valueText(STILL_WORDS, field, host) : '';
  const reason = code === 'timeout' ? noAnswerText() : refusalText(code, message);
  // Retry cannot change a policy's mind.
  return [sentence(msg('Could not save.', { id: 'alert.save-failed' }), still, reason), code !== 'locked'];
};

/** The setting cannot be read: there is no editor, it refused, or it is silent. */
const unreachableAlert: AlertOf = ({ code, message }, { host, certainty }) => {
  if (code === 'no-host') return [msg('Not connected to Code Studio.', { id: 'alert.no-host' }), false];
  const notKnown = certainty === 'unknown' ? msg('Your setting is not known now.', { id: 'alert.not-known' }) : '';
  if (code !== 'timeout') {
    return [sentence(msg('Could not read your setting.', { id: 'alert.read-failed' }), message || code, notKnown), true];
  }
  // A save went unanswered and the read after it too: the host may hold either value.
  if (host && notKnown) return [sentence(silenceText(), notKnown), true];
  const unreachable = msg("Can't reach Code Studio to read or change this setting.", { id: 'alert.unreachable' });
  return [sentence(unreachable, valueText(LAST_WORDS, 'enabled', host)), true];
};

/** The editor speaks another protocol: only an update helps. */
const incompatibleAlert: AlertOf = (problem) => [
  // The placeholder's text is in the translation files: it stays `problem.hostProtocol`.
  msg(str`Code Studio needs an update: the editor speaks settings protocol ${problem.hostProtocol}, this page ${PROTOCOL_VERSION}.`, {
    id: 'alert.incompatible',
  }),
  false,
];

const ALERTS: Record<TelemetryProblem['kind'], AlertOf> = {
  'save-failed': saveFailedAlert,
  unreachable: unreachableAlert,
  incompatible: incompatibleAlert,
};

/**
 * The failure in words: what failed, what it means for the user, and what to do; and whether Retry can help. The
 * words claim only what the host confirmed: a value is "still" so only when the host's word is current, "last" so
 * after silence, and not known once a read failed after a save went unanswered. Undefined when nothing failed.
 */
export function alertOf(view: TelemetryView): TelemetryAlert | undefined {
  return view.problem ? ALERTS[view.problem.kind](view.problem, view) : undefined;
}
