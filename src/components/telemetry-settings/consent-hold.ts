// Why nothing leaves although the switch may be on, in the extensions' chunk: only a host with a gate tells it.
import { msg } from '@lit/localize';
import type { TelemetryView } from '../../webview/telemetry-client.js';
import { isDoNotTrack } from './view.js';

/**
 * DO_NOT_TRACK in the editor's environment, or the first-run notice not yet answered. Empty when neither, or while
 * the host's word is not current.
 */
export function consentHoldText(view: TelemetryView): string {
  if (view.phase !== 'ready') return '';
  if (isDoNotTrack(view)) {
    return msg('Your environment sets DO_NOT_TRACK, so Code Studio sends nothing, whatever this switch says.', { id: 'panel.do-not-track' });
  }
  if (view.host?.noticePending === true) {
    return msg('Code Studio sends nothing until you answer its notice about telemetry.', { id: 'panel.notice-pending' });
  }
  return '';
}
