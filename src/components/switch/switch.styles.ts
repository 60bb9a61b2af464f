import { css } from 'lit';
import { baseStyles } from '../base.styles.js';

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
    #label {
      font-weight: 600;
    }
    button {
      padding: 2px;
      border: 0;
      border-radius: 10px;
      background: none;
    }
    button:disabled {
      cursor: default;
      opacity: 0.5;
    }
    .track {
      display: block;
      width: 30px;
      height: 16px;
      border-radius: 9px;
      border: 1px solid var(--vscode-contrastBorder, var(--cs-switch-border, var(--vscode-checkbox-border, #3c3c3c)));
      background: var(--cs-switch-background, var(--vscode-input-background, #313131));
    }
    .thumb {
      display: block;
      width: 12px;
      height: 12px;
      margin: 2px;
      border-radius: 50%;
      background: var(--cs-switch-thumb, var(--vscode-foreground, #ccc));
    }
    .animate .thumb {
      transition: transform 0.1s;
    }
    [aria-checked='true'] .track {
      border-color: var(--vscode-contrastActiveBorder, var(--on));
      background: var(--on);
    }
    [aria-checked='true'] .thumb {
      transform: translateX(14px);
      background: var(--cs-switch-checked-thumb, var(--vscode-button-foreground, #fff));
    }
    @media (forced-colors: active) {
      .track {
        border-color: ButtonText;
      }
      .thumb {
        background: ButtonText;
      }
      [aria-checked='true'] .track {
        background: Highlight;
      }
      [aria-checked='true'] .thumb {
        background: HighlightText;
      }
    }
  `,
];
