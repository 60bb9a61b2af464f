/**
 * The dependencies Vite pre-bundles for the stories, in Storybook and in the story tests alike: one copy of lit for the
 * stories and the elements (otherwise Lit warns that several versions are loaded).
 */
export const optimizedDeps = ['lit', 'lit/directive-helpers.js', 'lit/async-directive.js', '@lit/context', '@lit/localize', 'storybook/test'];
