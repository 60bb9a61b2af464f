import { svg } from 'lit';

// 16×16 glyphs drawn inline with currentColor: no icon font or image, so nothing for the webview's CSP to allow.
const icon = (path: ReturnType<typeof svg>) => svg`<svg viewBox="0 0 16 16" aria-hidden="true">${path}</svg>`;

export const checkIcon = icon(svg`<path d="M6.3 11.6 2.7 8l1-1 2.6 2.6 6-6 1 1z"/>`);
export const offIcon = icon(svg`<path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM3 8a5 5 0 0 1 8.1-3.9l-7 7A5 5 0 0 1 3 8zm5 5a5 5 0 0 1-3-1l7-7A5 5 0 0 1 8 13z"/>`);
export const lockIcon = icon(svg`<path d="M11 7V5a3 3 0 0 0-6 0v2H4v7h8V7zM6.2 5a1.8 1.8 0 0 1 3.6 0v2H6.2z"/>`);
export const warningIcon = icon(svg`<path d="M8 1 15 14H1zm-.7 4.5v4h1.4v-4zm0 5.3v1.4h1.4v-1.4z"/>`);
export const spinnerIcon = icon(svg`<path class="spin" d="M8 1.5A6.5 6.5 0 1 0 14.5 8H13A5 5 0 1 1 8 3z"/>`);
export const chevronIcon = icon(svg`<path d="m6 3.5 4.5 4.5L6 12.5l-1-1L8.5 8 5 4.5z"/>`);
