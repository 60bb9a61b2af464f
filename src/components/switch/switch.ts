import { LitElement, html } from 'lit';
import { switchStyles } from './switch.styles.js';
import { CsElement } from '../../internal/cs-element.js';

/**
 * @tagname cs-switch
 * @summary An on/off switch that follows the WAI-ARIA switch pattern and takes part in forms.
 *
 * @slot - The label. Falls back to the `label` attribute.
 * @slot help - Text that explains the switch; screen readers read it with the switch.
 *
 * @fires change - When the user flips the switch (pointer, Space or Enter), never when code sets `checked`.
 *   Bubbles and is composed; cancelable, and `preventDefault()` flips it back.
 *
 * @csspart control - The focusable button with `role="switch"`: the track, with the thumb drawn as its `::before`.
 *
 * @cssprop [--cs-switch-checked-background=var(--vscode-button-background, #0078d4)] - Track colour when on.
 * @cssprop [--vscode-input-background=#313131] - Track colour when off.
 * @cssprop [--vscode-checkbox-border=#3c3c3c] - Track border when off.
 * @cssprop [--vscode-foreground=#ccc] - Thumb colour when off.
 * @cssprop [--vscode-button-foreground=#fff] - Thumb colour when on.
 * @cssprop [--vscode-contrastBorder] - High-contrast track border; replaces the checkbox border when set.
 * @cssprop [--vscode-contrastActiveBorder] - High-contrast track border when on.
 * @cssprop [--vscode-focusBorder=#0078d4] - Focus ring.
 */
export class CsSwitch extends CsElement {
  static override styles = switchStyles;
  static override properties = {
    checked: { type: Boolean },
    disabled: { type: Boolean, reflect: true },
    locked: { type: Boolean, reflect: true },
    label: {},
    name: {},
    value: {},
  };
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static formAssociated = true;

  /** Whether the switch is on. Setting it from code fires no event. */
  checked = false;

  /** Disables the switch: not focusable, and no change is possible. */
  disabled = false;

  /**
   * Shows the switch as unavailable (`aria-disabled`) but keeps it focusable, so that keyboard and screen reader users
   * reach it and hear its help text (say, who fixes the setting); no change is possible.
   */
  locked = false;

  /** The accessible label, used when nothing is slotted. */
  label = '';

  /** The form field name. */
  name = '';

  /** The value submitted with the form while the switch is on. */
  value = 'on';

  #internals = this.attachInternals();
  #formDisabled = false;


  override render() {
    return html`
      <label for="control">
        <span id="label"><slot>${this.label}</slot></span>
        <span id="help" class="dim"><slot name="help"></slot></span>
      </label>
      <button
        id="control"
        part="control"
        role="switch"
        aria-checked=${this.checked ? 'true' : 'false'}
        aria-labelledby="label"
        aria-describedby="help"
        aria-disabled=${this.locked ? 'true' : 'false'}
        ?disabled=${this.disabled || this.#formDisabled}
        @click=${this.#onClick}
      ></button>
    `;
  }

  protected override updated(): void {
    this.#internals.setFormValue(this.checked ? this.value : null);
  }

  /** @internal Form reset restores the `checked` attribute's value. */
  formResetCallback(): void {
    this.checked = this.hasAttribute('checked');
  }

  /**
   * @internal Called for a disabled fieldset and for our own `disabled` attribute alike; keep only the first, since the
   * attribute is reflected after render and an update requested then would be lost.
   */
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled && !this.hasAttribute('disabled');
    this.requestUpdate();
  }

  // The native button turns Space (on release) and Enter into clicks, which is the switch pattern's keyboard.
  // Each flip is painted at once, in this task, not after a microtask: a listener's work (a whole panel's render)
  // then never delays it, and a flip undone by preventDefault is undone in the same task, before any frame shows it.
  #onClick(): void {
    if (this.disabled || this.locked || this.#formDisabled) return;
    this.#flip();
    const accepted = this.dispatchEvent(new Event('change', { bubbles: true, composed: true, cancelable: true }));
    if (!accepted) this.#flip();
  }

  #flip(): void {
    this.checked = !this.checked;
    this.performUpdate();
  }
}
