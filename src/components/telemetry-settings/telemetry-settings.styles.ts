import { css } from 'lit';
import { baseStyles } from '../base.styles.js';

export const telemetrySettingsStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      max-width: var(--cs-telemetry-max-width, 720px);
      padding: 12px 16px;
      background: var(--cs-telemetry-background, var(--vscode-editor-background, #1f1f1f));
      overflow-wrap: anywhere;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    h2 {
      margin: 0;
      font-size: 1.1em;
      font-weight: 600;
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 4px;
      margin: 0 0 4px;
      font-size: inherit;
      font-weight: 600;
    }
    p {
      margin: 0;
    }
    .purpose {
      margin: 8px 0 16px;
      color: var(--vscode-descriptionForeground, #9d9d9d);
    }
    cs-switch {
      padding: 8px 0;
    }
    .note,
    .alert:not(:empty) {
      display: flex;
      align-items: flex-start;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 0 0 8px;
      padding: 4px 8px;
      border-inline-start: 2px solid var(--vscode-descriptionForeground, #9d9d9d);
    }
    .warning {
      border-color: var(--vscode-editorWarning-foreground, #cca700);
      background: var(--vscode-inputValidation-warningBackground, #352a05);
    }
    .alert:not(:empty) {
      border: 1px solid var(--vscode-inputValidation-errorBorder, #be1100);
      background: var(--vscode-inputValidation-errorBackground, #5a1d1d);
    }
    .note > span:last-child,
    .alert > span:nth-child(2) {
      flex: 1 1 12em;
    }
    .icon {
      display: inline-flex;
      padding-top: 2px;
    }
    .warning .icon {
      color: var(--vscode-editorWarning-foreground, #cca700);
    }
    .alert .icon {
      color: var(--vscode-errorForeground, #f85149);
    }
    .retry {
      padding: 2px 12px;
      border: 1px solid var(--vscode-button-border, transparent);
      border-radius: 2px;
      background: var(--vscode-button-background, #0078d4);
      color: var(--vscode-button-foreground, #ffffff);
      font: inherit;
      cursor: pointer;
    }
    .retry:hover {
      background: var(--vscode-button-hoverBackground, #026ec1);
    }
    cs-telemetry-data-types,
    .never {
      margin-top: 16px;
    }
    .never p {
      margin-inline-start: 20px;
    }
    :host-context(.vscode-high-contrast) .note,
    :host-context(.vscode-high-contrast) .alert:not(:empty) {
      border-color: var(--vscode-contrastBorder, #6fc3df);
    }
    @media (forced-colors: active) {
      .note,
      .alert:not(:empty) {
        border-color: CanvasText;
      }
      .retry {
        border-color: ButtonText;
      }
    }
  `,
];
