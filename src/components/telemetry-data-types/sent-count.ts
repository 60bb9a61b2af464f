// How many events of a data type the editor's sent log holds, under its item: part of the events extension's chunk.
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { SentCount } from '../../protocol/protocol.js';
import { intlLocale } from '../../internal/i18n/locale.js';

/** "12 sent in the last 7 days, 40 kept in all." or "None sent in the last 7 days."; whole sentences, for translators. */
export function sentCountText(count: SentCount): string {
  const week = count.lastWeek.toLocaleString(intlLocale());
  const kept = count.kept.toLocaleString(intlLocale());
  // Kept in all is said only when it differs from the week's.
  if (count.kept === count.lastWeek) {
    return count.lastWeek === 0
      ? msg('None sent in the last 7 days.', { id: 'data.count.none' })
      : msg(str`${week} sent in the last 7 days.`, { id: 'data.count.week' });
  }
  return count.lastWeek === 0
    ? msg(str`None sent in the last 7 days, ${kept} kept in all.`, { id: 'data.count.none-kept' })
    : msg(str`${week} sent in the last 7 days, ${kept} kept in all.`, { id: 'data.count.week-kept' });
}

/** The count line under a data type's description. Not a live region: a count that grows with each event would chatter. */
export function renderSentCount(count: SentCount) {
  return html`<p class="dim" part="sent-count">${sentCountText(count)}</p>`;
}
