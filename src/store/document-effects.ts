/**
 * The store's effects on the document: the theme as a `dark` class on <html> (Tailwind's dark
 * variant), `color-scheme` for native controls, `lang` for the chosen language, and a
 * `presenter` class that makes every rem-sized text and space larger (styles.css).
 */
import type { DebuggerStore } from './index.js';
import type { Theme } from './settings-slice.js';

function applyTheme(theme: Theme, systemDark: boolean): void {
  const dark = theme === 'dark' || (theme === 'system' && systemDark);
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
}

/** Keeps <html> in step with the store; returns the function that stops it. */
export function reflectSettingsOnDocument(store: DebuggerStore): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const { theme, language, presenter } = store.getState();
    applyTheme(theme, media.matches);
    document.documentElement.lang = language;
    document.documentElement.classList.toggle('presenter', presenter);
  };
  apply();
  media.addEventListener('change', apply);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.theme !== previous.theme || state.language !== previous.language || state.presenter !== previous.presenter) apply();
  });
  return () => {
    media.removeEventListener('change', apply);
    unsubscribe();
  };
}
