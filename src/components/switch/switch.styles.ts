import { css } from 'lit';
import { baseStyles } from '../base.styles.js';

export const switchStyles = [
  baseStyles,
  css`
    :host {
      display: flex;
      align-items: flex-start;
      gap: 12px;
    }
    .text {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .label {
      font-weight: 600;
    }
    .help {
      color: var(--vscode-descriptionForeground, #9d9d9d);
      overflow-wrap: anywhere;
    }
    .help:empty {
      display: none;
    }
    button {
      flex: none;
      margin: 0;
      padding: 2px;
      border: none;
      border-radius: 10px;
      background: none;
      cursor: pointer;
      font: inherit;
      color: inherit;
    }
    button:disabled {
      cursor: default;
      opacity: 0.5;
    }
    .track {
      display: block;
      box-sizing: border-box;
      width: 32px;
      height: 18px;
      border-radius: 9px;
      border: 1px solid var(--cs-switch-border, var(--vscode-checkbox-border, #3c3c3c));
      background: var(--cs-switch-background, var(--vscode-input-background, #313131));
    }
    .thumb {
      display: block;
      width: 12px;
      height: 12px;
      margin: 2px;
      border-radius: 50%;
      background: var(--cs-switch-thumb, var(--vscode-foreground, #cccccc));
    }
    .animate .thumb {
      transition: transform 100ms ease-out;
    }
    [aria-checked='true'] .track {
      border-color: var(--vscode-contrastActiveBorder, var(--cs-switch-checked-background, var(--vscode-button-background, #0078d4)));
      background: var(--cs-switch-checked-background, var(--vscode-button-background, #0078d4));
    }
    [aria-checked='true'] .thumb {
      transform: translateX(14px);
      background: var(--cs-switch-checked-thumb, var(--vscode-button-foreground, #ffffff));
    }
    :host-context(.vscode-high-contrast) .track {
      border-color: var(--vscode-contrastBorder, #6fc3df);
    }
    @media (forced-colors: active) {
      .track {
        border-color: ButtonText;
        background: Canvas;
      }
      .thumb {
        background: ButtonText;
      }
      [aria-checked='true'] .track {
        background: Highlight;
        border-color: Highlight;
      }
      [aria-checked='true'] .thumb {
        background: HighlightText;
      }
      button:disabled .track {
        border-color: GrayText;
      }
    }
  `,
];
