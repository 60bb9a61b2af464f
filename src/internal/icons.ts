import { svg } from 'lit';

// 16×16 line glyphs drawn inline with currentColor: no icon font or image, so nothing for the webview's CSP to allow.
// Whole-number strokes keep the path data short; the shapes differ, so no state is told by colour alone.
const icon = (path: ReturnType<typeof svg>) => svg`<svg viewBox="0 0 16 16" aria-hidden="true">${path}</svg>`;

export const checkIcon = icon(svg`<path d="M3 8l3 3 7-7"/>`);
export const offIcon = icon(svg`<circle cx="8" cy="8" r="6"/><path d="M4 12l8-8"/>`);
export const lockIcon = icon(svg`<path d="M4 7h8v7H4zm2 0V4h4v3"/>`);
export const exclamationIcon = icon(svg`<circle cx="8" cy="8" r="6"/><path d="M8 4v5m0 2v1"/>`);
export const warningIcon = icon(svg`<path d="M8 2l7 12H1zm0 4v4m0 1v2"/>`);
export const spinnerIcon = icon(svg`<path class="spin" d="M8 2a6 6 0 1 0 6 6"/>`);
export const chevronIcon = icon(svg`<path d="M6 4l4 4-4 4"/>`);
