import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { THEMES, type Theme } from '../store/settings-slice.js';
import { SegmentedChoice } from './SegmentedChoice.js';

const GLYPHS: Record<Theme, string> = { light: '☀', dark: '☾', system: '◐' };

/** Light, dark or the system's choice, as a small segmented control. */
export function ThemeToggle() {
  const t = useT();
  const theme = useDebugger((s) => s.theme);
  const setTheme = useDebugger((s) => s.setTheme);
  return (
    <SegmentedChoice
      label={t('app.theme.label')}
      options={THEMES.map((option) => ({
        value: option,
        title: t(`app.theme.${option}`),
        content: (
          <>
            <span aria-hidden="true">{GLYPHS[option]}</span> {t(`app.theme.${option}`)}
          </>
        ),
      }))}
      value={theme}
      onChange={setTheme}
    />
  );
}
