import { useT } from '../i18n/index.js';
import '../i18n/messages/tokens.js';

interface StepUpNoticeProps {
  /** What the server asked for and what the debugger does about it, as the app words it. */
  notice: string;
}

/** The server answered 403 insufficient_scope: the debugger is authorizing again with more scope. */
export function StepUpNotice({ notice }: StepUpNoticeProps) {
  const t = useT();
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-semibold">{t('tools.stepUp.title')}</p>
      <p>{notice}</p>
    </div>
  );
}
