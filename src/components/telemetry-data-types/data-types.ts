/** One kind of data collected while telemetry is on. */
export interface TelemetryDataType {
  /** Stable id that protocol extensions use to refer to this kind of data. */
  id: string;
  title: string;
  /** One line, always visible. */
  description: string;
  /** Shown when the item is expanded. */
  detail: string;
}

export type TelemetryDataTypeId = 'system' | 'model-command' | 'tokens' | 'autocomplete' | 'account';

/** The five kinds of data the product collects, in the order the settings page lists them. */
// Frozen: every list shares this default, so no one list may change it for the others.
export const DEFAULT_DATA_TYPES: readonly TelemetryDataType[] = Object.freeze([
  {
    id: 'system',
    title: 'System configurations',
    description: 'Information about your operating system and development environment.',
    detail: 'Shows problems that affect only some systems.',
  },
  {
    id: 'model-command',
    title: 'Model and command',
    description: 'The AI model and the command used.',
    detail: 'Shows what to improve first.',
  },
  {
    id: 'tokens',
    title: 'Token usage',
    description: 'The number of tokens generated during interactions.',
    detail: 'A count only, never the text.',
  },
  {
    id: 'autocomplete',
    title: 'Autocomplete feedback',
    description: 'Whether you accepted or rejected suggestions.',
    detail: 'Never the suggestion or your code.',
  },
  {
    id: 'account',
    title: 'Account details, when signed in',
    description: 'Your login name and email.',
    detail: 'They identify you, so this data is not anonymous. Sign out to stop sending them.',
  },
]);
