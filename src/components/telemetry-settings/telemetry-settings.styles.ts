import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';

export const telemetrySettingsStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      box-sizing: border-box;
      max-width: var(--cs-telemetry-max-width, 720px);
      padding: 12px 16px;
      color: var(--vscode-foreground, #ccc);
      background: var(--cs-telemetry-background, var(--vscode-editor-background, #1f1f1f));
    }
    header,
    h3,
    .note {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    p {
      margin: 0;
    }
    .purpose {
      margin: 8px 0;
    }
    cs-switch {
      padding: 8px 0;
    }
    .note {
      margin-block-end: 8px;
      padding: 4px 8px;
      border: 1px solid var(--vscode-contrastBorder, transparent);
      border-inline-start: 2px solid var(--accent, var(--vscode-descriptionForeground, #9d9d9d));
      background: var(--back, none);
    }
    .note > span,
    .failure span {
      flex: 1 1 12em;
    }
    /* The live region holds the alert's words only; Retry sits beside it, in the same row. */
    [role='alert'] {
      display: contents;
    }
    .warning {
      --accent: var(--vscode-editorWarning-foreground, #cca700);
      --back: var(--vscode-inputValidation-warningBackground, #352a05);
    }
    .failure {
      --accent: var(--vscode-errorForeground, #f85149);
      --back: var(--vscode-inputValidation-errorBackground, #5a1d1d);
    }
    .note > svg,
    .failure svg {
      color: var(--accent);
    }
    [part='retry'] {
      padding: 2px 12px;
      border: 1px solid var(--vscode-button-border, transparent);
      border-radius: 2px;
      background: var(--vscode-button-background, #0078d4);
      color: var(--vscode-button-foreground, #fff);
    }
    [part='retry']:hover {
      background: var(--vscode-button-hoverBackground, #026ec1);
    }
    .history {
      margin-block-end: 8px;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin-block-start: 16px;
    }
    cs-telemetry-data-types,
    .never {
      margin-block-start: 16px;
    }
  `,
];
