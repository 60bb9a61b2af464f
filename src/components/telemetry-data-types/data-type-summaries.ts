import { msg } from '@lit/localize';

/** What the list shows of each kind of data before it is expanded: the first frame needs these words, no more. */
export interface TelemetryDataTypeSummary {
  id: string;
  title: string;
  description: string;
}

/** The five kinds of data the product collects, in the order the settings page lists them, in the active locale. */
// A function, not a constant: the words are looked up at render time, so a locale change reaches them.
export function dataTypeSummaries(): readonly TelemetryDataTypeSummary[] {
  return [
    {
      id: 'system',
      title: msg('System configurations', { id: 'data.system.title' }),
      description: msg('Information about your operating system and development environment.', { id: 'data.system.description' }),
    },
    {
      id: 'model-command',
      title: msg('Model and command', { id: 'data.model-command.title' }),
      description: msg('The AI model and the command used.', { id: 'data.model-command.description' }),
    },
    {
      id: 'tokens',
      title: msg('Token usage', { id: 'data.tokens.title' }),
      description: msg('The number of tokens generated during interactions.', { id: 'data.tokens.description' }),
    },
    {
      id: 'autocomplete',
      title: msg('Autocomplete feedback', { id: 'data.autocomplete.title' }),
      description: msg('Whether you accepted or rejected suggestions.', { id: 'data.autocomplete.description' }),
    },
    {
      id: 'account',
      title: msg('Account details, when signed in', { id: 'data.account.title' }),
      description: msg('Your login name and email.', { id: 'data.account.description' }),
    },
  ];
}
