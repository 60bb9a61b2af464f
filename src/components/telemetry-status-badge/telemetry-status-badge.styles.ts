import { css } from 'lit';
import { baseStyles } from '../base.styles.js';

export const statusBadgeStyles = [
  baseStyles,
  css`
    :host {
      display: inline-flex;
      vertical-align: middle;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 1px 8px;
      border-radius: 11px;
      border: 1px solid;
      font-size: 11px;
      font-weight: 600;
      line-height: 16px;
      white-space: nowrap;
      color: var(--vscode-descriptionForeground, #9d9d9d);
      border-color: var(--vscode-contrastBorder, currentColor);
    }
    .on {
      color: var(--cs-badge-foreground, var(--vscode-badge-foreground, #f8f8f8));
      background: var(--cs-badge-background, var(--vscode-badge-background, #616161));
      border-color: var(--vscode-contrastBorder, transparent);
    }
    .error {
      color: var(--vscode-errorForeground, #f85149);
      background: var(--vscode-inputValidation-errorBackground, #5a1d1d);
      border-color: var(--vscode-inputValidation-errorBorder, #be1100);
    }
    .icon {
      display: inline-flex;
    }
    .spin {
      transform-origin: 8px 8px;
      animation: spin 1s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (forced-colors: active) {
      .badge {
        border-color: CanvasText;
      }
    }
  `,
];
