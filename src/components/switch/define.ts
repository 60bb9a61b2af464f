import { defineElement } from '../../internal/define-element.js';
import { CsSwitch } from './switch.js';

defineElement('cs-switch', CsSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'cs-switch': CsSwitch;
  }
}
