// The alert's words and the rules that choose them: a chunk of its own (dist/webview-alert.js), fetched on the first
// problem, since a panel that never fails never needs them. While it cannot load, the panel says `coreAlertOf`'s
// sentence (view.ts) instead.
import { msg, str } from '@lit/localize';
import { LOCKED_MESSAGES } from '../../protocol/locked-messages.js';
import { PROTOCOL_VERSION } from '../../protocol/protocol.js';
import type { SetField, TelemetryProblem, TelemetryView } from '../../webview/telemetry-client.js';
import { noAnswerText, notKnownText, saveFailedText, sentence, stillText, type TelemetryAlert } from './view.js';

const readFailedText = () => msg('Could not read your setting.', { id: 'alert.read-failed' });
const lastText = (on: boolean) => (on ? msg('It was last on.', { id: 'alert.last-on' }) : msg('It was last off.', { id: 'alert.last-off' }));

/** The words for silence while the value shown is not confirmed: they say only that the editor did not answer. */
const silenceText = () => msg('Code Studio did not answer.', { id: 'alert.no-answer' });

/** Words for each switch's value, on and off. */
type ValueWords = Record<SetField, (on: boolean) => string>;

/** What the host last confirmed, said after silence: it may hold another value now. */
const LAST_WORDS: ValueWords = {
  enabled: lastText,
  accountLinked: (on) =>
    on
      ? msg('Your account details were last included.', { id: 'alert.last-linked' })
      : msg('Your account details were last left out.', { id: 'alert.last-unlinked' }),
};

/** What the host holds after it refused a save, said only while its word is current. */
const STILL_WORDS: ValueWords = {
  enabled: stillText,
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
  return [sentence(saveFailedText(), still, reason), code !== 'locked'];
};

/** The setting cannot be read: there is no editor, it refused, or it is silent. */
const unreachableAlert: AlertOf = ({ code, message }, { host, certainty }) => {
  if (code === 'no-host') return [msg('Not connected to Code Studio.', { id: 'alert.no-host' }), false];
  if (code === 'api-taken') {
    return [
      msg('Not connected to Code Studio: this page called acquireVsCodeApi() before the panel. It must hand the API over with provideVsCodeApi(api).', {
        id: 'alert.api-taken',
      }),
      false,
    ];
  }
  const notKnown = certainty === 'unknown' ? notKnownText() : '';
  if (code !== 'timeout') {
    return [sentence(readFailedText(), message || code, notKnown), true];
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
