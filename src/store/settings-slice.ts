/** Preferences of the person: language, theme and the presenter view. Remembered in localStorage (no secrets here). */
import type { StateCreator } from 'zustand';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import type { DebuggerState } from './index.js';

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  language: Language;
  theme: Theme;
  /** The presenter view: large text, one step at a time, for a projector. */
  presenter: boolean;
}

export interface SettingsSlice extends Settings {
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  setPresenter(presenter: boolean): void;
}

/** Reads stored settings back; unknown values are left out. */
export function settingsFrom(value: unknown): Partial<Settings> {
  if (typeof value !== 'object' || value === null) return {};
  const { language, theme, presenter } = value as Record<string, unknown>;
  const settings: Partial<Settings> = {};
  const knownLanguage = LANGUAGES.find((l) => l === language);
  if (knownLanguage) settings.language = knownLanguage;
  const knownTheme = THEMES.find((t) => t === theme);
  if (knownTheme) settings.theme = knownTheme;
  if (typeof presenter === 'boolean') settings.presenter = presenter;
  return settings;
}

/** The first of the browser's languages the UI speaks, else English. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower === 'zh-sg') return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export const createSettingsSlice: StateCreator<DebuggerState, [], [], SettingsSlice> = (set) => ({
  language: 'en',
  theme: 'system',
  presenter: false,
  setLanguage: (language) => set({ language }),
  setTheme: (theme) => set({ theme }),
  setPresenter: (presenter) => set({ presenter }),
});
