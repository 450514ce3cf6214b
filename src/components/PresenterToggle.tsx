/** The presenter view's switch in the header, and its key (P) anywhere on the page but in a field. */
import { useEffect } from 'react';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';

export function PresenterToggle() {
  const t = useT();
  const presenter = useDebugger((s) => s.presenter);
  const setPresenter = useDebugger((s) => s.setPresenter);
  return (
    <button
      type="button"
      aria-pressed={presenter}
      aria-keyshortcuts="P"
      title={t('presenter.toggle.help')}
      onClick={() => setPresenter(!presenter)}
      className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 aria-pressed:border-slate-700 aria-pressed:bg-slate-800 aria-pressed:text-white dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800 dark:aria-pressed:border-slate-200 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
    >
      <span aria-hidden="true">▣</span>
      {t('presenter.toggle')}
      <kbd className="kbd">P</kbd>
    </button>
  );
}

/** True when a key press belongs to what the person is typing, not to the page. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** P switches the presenter view on and off; not while typing, and not with a modifier key. */
export function usePresenterShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented || isTyping(event)) return;
      if (event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      const { presenter, setPresenter } = useDebugger.getState();
      setPresenter(!presenter);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
