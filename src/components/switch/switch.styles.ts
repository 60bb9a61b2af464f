import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';

export const switchStyles = [
  baseStyles,
  css`
    :host {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      --on: var(--cs-switch-checked-background, var(--vscode-button-background, #0078d4));
    }
    label {
      flex: 1;
      display: grid;
      gap: 4px;
    }
    button {
      flex: none;
      width: 32px;
      height: 18px;
      padding: 0;
      border-radius: 9px;
      border: 1px solid var(--vscode-contrastBorder, var(--vscode-checkbox-border, #3c3c3c));
      background: var(--vscode-input-background, #313131);
    }
    button::before {
      content: '';
      display: block;
      width: 12px;
      height: 12px;
      margin: 2px;
      border-radius: 50%;
      background: var(--vscode-foreground, #ccc);
    }
    button:disabled,
    [aria-disabled='true'] {
      cursor: default;
      opacity: 0.5;
    }
    /* Slides only under the user's hand (the switch has focus then); a value set from code is painted in place. */
    :host(:focus-within) button::before {
      transition: transform 0.1s;
    }
    [aria-checked='true'] {
      border-color: var(--vscode-contrastActiveBorder, var(--on));
      background: var(--on);
    }
    [aria-checked='true']::before {
      transform: translateX(14px);
      background: var(--vscode-button-foreground, #fff);
    }
    /* On moves the thumb to the inline end, which is the left in a right-to-left page. */
    :host(:dir(rtl)) [aria-checked='true']::before {
      transform: translateX(-14px);
    }
    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
      button::before {
        background: ButtonText;
      }
      [aria-checked='true'] {
        background: Highlight;
      }
      [aria-checked='true']::before {
        background: HighlightText;
      }
    }
  `,
];
