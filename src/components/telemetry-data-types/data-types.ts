import { msg, str } from '@lit/localize';

/** What VS Code's telemetry logger puts in place of a value that looks like an email: a token, not words to translate. */
const REDACTED = '<REDACTED: …>';

/** One kind of data collected while telemetry is on. */
export interface TelemetryDataType {
  /** Stable id: one of the protocol's `TelemetryCategory` ids for the five kinds, any other for an item of your own. */
  id: string;
  title: string;
  /** One line, always visible. */
  description: string;
  /** Shown when the item is expanded. */
  detail: string;
  /** Shown under the detail: what the editor adds to this data or changes in it on the way, in plain words. */
  howSent?: string;
}

/** The five kinds of data the product collects, in the order the settings page lists them, in the active locale. */
// A function, not a constant: the words are looked up at render time, so a locale change reaches them.
export function defaultDataTypes(): readonly TelemetryDataType[] {
  return [
    {
      id: 'system',
      title: msg('System configurations', { id: 'data.system.title' }),
      description: msg('Information about your operating system and development environment.', { id: 'data.system.description' }),
      detail: msg('Shows problems that affect only some systems.', { id: 'data.system.detail' }),
      // VS Code's telemetry logger adds its common properties to every event before Code Studio's sender sees it.
      howSent: msg(
        "The editor itself adds to every event: an anonymous machine id and session id, the editor's version, the extension's name and version, and the kind of window and remote.",
        { id: 'data.system.how-sent' },
      ),
    },
    {
      id: 'model-command',
      title: msg('Model and command', { id: 'data.model-command.title' }),
      description: msg('The AI model and the command used.', { id: 'data.model-command.description' }),
      detail: msg('Shows what to improve first.', { id: 'data.model-command.detail' }),
    },
    {
      id: 'tokens',
      title: msg('Token usage', { id: 'data.tokens.title' }),
      description: msg('The number of tokens generated during interactions.', { id: 'data.tokens.description' }),
      detail: msg('A count only, never the text.', { id: 'data.tokens.detail' }),
    },
    {
      id: 'autocomplete',
      title: msg('Autocomplete feedback', { id: 'data.autocomplete.title' }),
      description: msg('Whether you accepted or rejected suggestions.', { id: 'data.autocomplete.description' }),
      detail: msg('Never the suggestion or your code.', { id: 'data.autocomplete.detail' }),
    },
    {
      id: 'account',
      title: msg('Account details, when signed in', { id: 'data.account.title' }),
      description: msg('Your login name and email.', { id: 'data.account.description' }),
      detail: msg('They identify you, so this data is not anonymous. Sign out to stop sending them.', { id: 'data.account.detail' }),
      // VS Code's logger redacts what looks like an email unless it is a TelemetryTrustedValue: Code Studio wraps it.
      howSent: msg(
        str`Code Studio sends them only while you are signed in and your account details are included. It marks your email as trusted, so the editor sends it as written instead of replacing it with "${REDACTED}".`,
        { id: 'data.account.how-sent' },
      ),
    },
  ];
}
