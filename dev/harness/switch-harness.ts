/**
 * Reads a `<cs-switch>` and acts on it as a user does, so that tests and play functions never reach into its shadow
 * root themselves:
 *
 *   const telemetry = new SwitchHarness(element);
 *   telemetry.checked; telemetry.disabled; telemetry.label; telemetry.help;
 *   telemetry.click(); telemetry.pressSpace();
 *
 * Works on a switch in another frame too (the webview page's iframe): it checks node types, never `instanceof`.
 */
import type { CsSwitch } from '../../src/components/switch/switch.js';
import { PART } from './selectors.js';
import { shadowRootOf } from './shadow-root.js';
import { words } from './words.js';

export class SwitchHarness {
  constructor(readonly element: CsSwitch) {}

  get root(): ShadowRoot {
    return shadowRootOf(this.element, 'switch');
  }

  /** The focusable button with role="switch": what a user clicks and what a screen reader announces. */
  get control(): HTMLButtonElement {
    const control = this.root.querySelector<HTMLButtonElement>(PART.switchControl);
    if (!control) throw new Error('The switch has not rendered its control yet');
    return control;
  }

  /** What the switch announces: on when aria-checked is "true". */
  get checked(): boolean {
    return this.control.getAttribute('aria-checked') === 'true';
  }

  /** Whether a user can flip it. */
  /** No change is possible: disabled, or locked (unavailable to a reader, but still focusable). */
  get disabled(): boolean {
    return this.control.disabled || this.control.getAttribute('aria-disabled') === 'true';
  }

  /** The label: its slotted words without the help line, or the `label` attribute when nothing is slotted. */
  get label(): string {
    const slotted = [...this.element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && (node as Element).slot !== 'help'))
      .map((node) => node.textContent)
      .join('')
      .trim();
    return slotted || this.element.label;
  }

  /** The help line read with the switch ('' when there is none). */
  get help(): string {
    return words(this.element.querySelector(PART.switchHelp));
  }

  get updateComplete(): Promise<boolean> {
    return this.element.updateComplete;
  }

  focus(): void {
    this.control.focus();
  }

  /** A click on the control; a disabled control ignores it, as it does a user's. */
  click(): void {
    this.control.click();
  }

  /**
   * Space on the focused control, as the browser handles it for a button: keydown, keyup, then a click unless either
   * was cancelled or the control is disabled. (A browser test that wants the browser's own keys uses `sendKeys`.)
   */
  pressSpace(): void {
    const control = this.control;
    control.focus();
    const key = { key: ' ', code: 'Space', bubbles: true, composed: true, cancelable: true };
    const down = control.dispatchEvent(new KeyboardEvent('keydown', key));
    const up = control.dispatchEvent(new KeyboardEvent('keyup', key));
    if (down && up && !control.disabled) control.click();
  }
}
