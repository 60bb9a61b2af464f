/**
 * The words the elements show in the locale shown now, for play functions that must pass under any locale the
 * Storybook toolbar picks:
 *
 *   localized('On', 'badge.on')                                       // "On", "Ein", "オン"…
 *   localized(str`${3} events sent recently, newest first.`, 'events.count')
 *   localized(html`Last changed ${ago(5, 'minute')}, in your settings`, 'history.settings-file')
 *   sentences(localized('Could not save.', 'alert.save-failed'), 'The settings file is read-only.')
 *
 * Each message is looked up by the id the element gives it, through the same runtime and locale modules the elements
 * use; the English source written beside it is what English shows, so in English a play function still compares with
 * that exact text. A wrong id shows up as soon as the story runs in another locale.
 */
import { msg, type TemplateLike } from '@lit/localize';
import { render } from 'lit';
import { getLocale, intlLocale } from '../../src/internal/i18n/locale.js';
import { words } from './words.js';

/** Message `id` in the locale shown, as text; `source` is its English (a string, `str` or `html` template). */
export function localized(source: TemplateLike, id: string): string {
  const result = msg(source, { id });
  if (typeof result === 'string') return result;
  const box = document.createElement('div');
  render(result, box);
  return words(box);
}

/** Sentences one after another as the locale shown writes them: after a space, or none in Japanese and Chinese. */
export function sentences(...parts: string[]): string {
  return parts.filter(Boolean).join(/^(ja|zh)\b/.test(getLocale()) ? '' : ' ');
}

/** "5 minutes ago" (or "now" for 0 seconds) in the locale shown, as Intl words it. */
export function ago(count: number, unit: Intl.RelativeTimeFormatUnit): string {
  return new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(-count, unit);
}
