// The words each kind of data shows only once expanded: a chunk of its own (dist/webview-data-type-details.js),
// fetched after the list's first paint, since no first frame shows them.
import { msg, str } from '@lit/localize';

/** What VS Code's telemetry logger puts in place of a value that looks like an email: a token, not words to translate. */
const REDACTED = '<REDACTED: …>';

/** What an expanded item says: why the data helps, and what the editor adds to it or changes in it on the way. */
export interface TelemetryDataTypeDetail {
  detail: string;
  howSent?: string;
}

/** The detail of each of the five kinds, by id, in the active locale. */
export function dataTypeDetails(): Readonly<Record<string, TelemetryDataTypeDetail>> {
  return {
    system: {
      detail: msg('Shows problems that affect only some systems.', { id: 'data.system.detail' }),
      // VS Code's telemetry logger adds its common properties to every event before Code Studio's sender sees it.
      howSent: msg(
        "The editor itself adds to every event: an anonymous machine id and session id, the editor's version, the extension's name and version, and the kind of window and remote.",
        { id: 'data.system.how-sent' },
      ),
    },
    'model-command': { detail: msg('Shows what to improve first.', { id: 'data.model-command.detail' }) },
    tokens: { detail: msg('A count only, never the text.', { id: 'data.tokens.detail' }) },
    autocomplete: { detail: msg('Never the suggestion or your code.', { id: 'data.autocomplete.detail' }) },
    account: {
      detail: msg('They identify you, so this data is not anonymous. Sign out to stop sending them.', { id: 'data.account.detail' }),
      // VS Code's logger redacts what looks like an email unless it is a TelemetryTrustedValue: Code Studio wraps it.
      howSent: msg(
        str`Code Studio sends them only while you are signed in and your account details are included. It marks your email as trusted, so the editor sends it as written instead of replacing it with "${REDACTED}".`,
        { id: 'data.account.how-sent' },
      ),
    },
  };
}
