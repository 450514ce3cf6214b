import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { THEMES, type Theme } from '../store/settings-slice.js';

const GLYPHS: Record<Theme, string> = { light: '☀', dark: '☾', system: '◐' };

/** Light, dark or the system's choice, as a small segmented control. */
export function ThemeToggle() {
  const t = useT();
  const theme = useDebugger((s) => s.theme);
  const setTheme = useDebugger((s) => s.setTheme);
  return (
    <div role="group" aria-label={t('app.theme.label')} className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
      {THEMES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={theme === option}
          title={t(`app.theme.${option}`)}
          onClick={() => setTheme(option)}
          className={`px-2 py-1 text-xs ${
            theme === option ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
        >
          <span aria-hidden="true">{GLYPHS[option]}</span> {t(`app.theme.${option}`)}
        </button>
      ))}
    </div>
  );
}
