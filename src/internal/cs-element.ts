import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';

/**
 * What every element of the package repeats, once: it re-renders when the page's language changes (a label given
 * to it may be a `msg()` too). Styles compose `baseStyles` (base.styles.ts); tags are registered with `defineElement`.
 */
export class CsElement extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
}
