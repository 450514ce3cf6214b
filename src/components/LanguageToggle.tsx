import { LANGUAGES, type Language, useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';

/** Each language named in itself, so a person who reads only one of them finds it. */
const NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

export function LanguageToggle() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const setLanguage = useDebugger((s) => s.setLanguage);
  return (
    <div role="group" aria-label={t('app.language.label')} className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
          className={`px-2 py-1 text-xs ${
            language === option ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
