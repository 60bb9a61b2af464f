import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';

export const statusBadgeStyles = [
  baseStyles,
  css`
    :host {
      display: inline-flex;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 0 8px;
      border-radius: 11px;
      border: 1px solid var(--vscode-contrastBorder, currentColor);
      font-size: 11px;
      font-weight: 600;
      line-height: 18px;
      white-space: nowrap;
    }
    .on {
      color: var(--vscode-badge-foreground, #f8f8f8);
      background: var(--vscode-badge-background, #616161);
      border-color: var(--vscode-contrastBorder, transparent);
    }
    /* Red border, text in the text colour: VS Code's errorForeground is too faint for small text in Light Modern. */
    .error {
      border-color: var(--vscode-inputValidation-errorBorder, #be1100);
    }
  `,
];
