import { LANGUAGES, type Language, useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { SegmentedChoice } from './SegmentedChoice.js';

/** Each language named in itself, so a person who reads only one of them finds it. */
const NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

export function LanguageToggle() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const setLanguage = useDebugger((s) => s.setLanguage);
  return (
    <SegmentedChoice
      label={t('app.language.label')}
      options={LANGUAGES.map((option) => ({ value: option, content: NAMES[option], lang: option }))}
      value={language}
      onChange={setLanguage}
    />
  );
}
