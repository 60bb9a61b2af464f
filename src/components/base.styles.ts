import { css } from 'lit';

/** Shared by every element: VS Code's font and colours, a hidden-but-read class, and the focus ring. */
export const baseStyles = css`
  :host {
    font-family: var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    font-size: var(--vscode-font-size, 13px);
    color: var(--vscode-foreground, #cccccc);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 1px solid var(--vscode-focusBorder, #0078d4);
    outline-offset: 2px;
  }
  svg {
    width: 1em;
    height: 1em;
    flex: none;
    fill: currentColor;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
