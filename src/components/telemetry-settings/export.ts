// The export extension's button and its outcome, in the optional parts' chunk: loaded when a host offers `export`.
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { noAnswerText, sentence } from './view.js';
import type { TelemetryExportStatus } from './events-lists.js';

/** The outcome of the last export in the panel's words; the file's name and the host's reason as text after them. */
export function exportStatusText(outcome: TelemetryExportStatus): string {
  switch (outcome.status) {
    case 'exporting':
      return msg('Exporting: choose where to save the file in the dialog.', { id: 'export.exporting' });
    case 'written': {
      const { count, file } = outcome;
      if (count === 0) return msg(str`Nothing has been sent yet: ${file} holds an empty list.`, { id: 'export.written-none' });
      return count === 1
        ? msg(str`Exported 1 event to ${file}.`, { id: 'export.written-one' })
        : msg(str`Exported ${count} events to ${file}.`, { id: 'export.written' });
    }
    default:
      if (outcome.code === 'export-cancelled') return msg('Nothing was exported: no file was chosen.', { id: 'export.cancelled' });
      // Silence after the dialog: the host may have written the file or not, and the panel cannot tell which.
      if (outcome.code === 'timeout') {
        return sentence(noAnswerText(), msg('Whether the file was written is not known.', { id: 'export.not-known' }));
      }
      return sentence(msg('Could not export what was sent.', { id: 'export.failed' }), outcome.message);
  }
}

/**
 * "Export what was sent…" and, in a live region below it, how the last export ended. A link-like button, as "Show
 * what was sent" is: both open the record. Stays focusable while the dialog is open (aria-disabled).
 */
export function renderExport(outcome: TelemetryExportStatus | undefined, onExport: () => void) {
  const exporting = outcome?.status === 'exporting';
  return html`<p class="links">
      <button class="link" part="export" aria-disabled=${exporting ? 'true' : 'false'} @click=${() => exporting || onExport()}>
        ${msg('Export what was sent…', { id: 'export.button' })}
      </button>
    </p>
    <p class="dim" part="export-status" role="status">${outcome ? exportStatusText(outcome) : nothing}</p>`;
}
