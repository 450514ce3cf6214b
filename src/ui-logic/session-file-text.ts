/**
 * Why a file is not a session, in the page's language, from the problem's id and values (the
 * reader's English sentence is the command line's).
 */
import type { SessionFileProblem } from '../engine/session-file.js';
import type { Translate } from '../i18n/index.js';

export function sessionFileProblemText(t: Translate, problem: SessionFileProblem): string {
  const { params } = problem;
  // A damaged session names what is damaged by kind; its English words stay with the command line.
  if (problem.id === 'damaged' && typeof params.damage === 'string') {
    return t('app.sessionFile.problem.damaged', { ...params, detail: t(`app.sessionFile.damaged.${params.damage}`, params) });
  }
  return t(`app.sessionFile.problem.${problem.id}`, params);
}
