import { css } from 'lit';
import { baseStyles } from '../base.styles.js';

export const dataTypesStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    h3 {
      margin: 0 0 4px;
      font-size: inherit;
      font-weight: 600;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      padding: 8px 0;
      border-bottom: 1px solid var(--cs-data-types-separator, var(--vscode-settings-rowHoverBackground, rgba(128, 128, 128, 0.2)));
    }
    button {
      display: flex;
      align-items: center;
      gap: 4px;
      margin: 0;
      padding: 0;
      border: none;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .title {
      font-weight: 600;
    }
    .chevron {
      display: inline-flex;
    }
    [aria-expanded='true'] .chevron {
      transform: rotate(90deg);
    }
    :host(:dir(rtl)) [aria-expanded='false'] .chevron {
      transform: scaleX(-1);
    }
    p {
      margin: 2px 0 0 20px;
      overflow-wrap: anywhere;
    }
    .description,
    .detail {
      color: var(--vscode-descriptionForeground, #9d9d9d);
    }
    .attached {
      color: var(--vscode-editorWarning-foreground, #cca700);
    }
    .value {
      font-weight: 600;
    }
    [hidden] {
      display: none;
    }
  `,
];
