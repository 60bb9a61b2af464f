// How many events of a data type the editor's sent log holds, under its item: part of the events extension's chunk.
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { SentCount } from '../../protocol/protocol.js';
import { intlLocale } from '../../internal/i18n/locale.js';

/** "12 sent in the last 7 days, 40 kept in all." or "None sent in the last 7 days." */
export function sentCountText(count: SentCount): string {
  const number = (value: number) => value.toLocaleString(intlLocale());
  const week = count.lastWeek;
  const lastWeek =
    week === 0
      ? msg('None sent in the last 7 days', { id: 'data.count.none' })
      : msg(str`${number(week)} sent in the last 7 days`, { id: 'data.count.week' });
  // Kept in all says more only when it differs from the week's.
  if (count.kept === week) return msg(str`${lastWeek}.`, { id: 'data.count.sentence' });
  const kept = number(count.kept);
  return msg(str`${lastWeek}, ${kept} kept in all.`, { id: 'data.count.kept' });
}

/** The count line under a data type's description. Not a live region: a count that grows with each event would chatter. */
export function renderSentCount(count: SentCount) {
  return html`<p class="dim" part="sent-count">${sentCountText(count)}</p>`;
}
