/** The languages the UI speaks. Kept apart from the message tables so the store can name them without importing the translations (which read the store). */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
