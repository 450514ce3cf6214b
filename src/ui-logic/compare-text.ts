/**
 * A comparison's difference in the page's language, from its kind and values (the engine's
 * English sentence is the command line's).
 */
import type { SessionDifference } from '../engine/compare.js';
import type { StepId } from '../engine/types.js';
import type { Translate } from '../i18n/index.js';

/** `stepName` names a step the way the page does (its title in the page's language). */
export function differenceText(t: Translate, difference: SessionDifference, stepName: (stepId: StepId) => string): string {
  const p = difference.params;
  switch (difference.kind) {
    case 'status':
      return t('compare.difference.status', { now: statusText(t, p, 'now', stepName), recorded: statusText(t, p, 'recorded', stepName) });
    case 'reached':
      return t('compare.difference.reached', { outcome: t(`compare.outcome.${p.outcome ?? ''}`) });
    case 'outcome':
      return t('compare.difference.outcome', { now: t(`compare.outcome.${p.now ?? ''}`), recorded: t(`compare.outcome.${p.recorded ?? ''}`) });
    case 'discovery':
      return t('compare.difference.discovery', { ...p, what: t(`compare.discovery.${p.what ?? ''}`) });
    default:
      return t(`compare.difference.${difference.kind}`, p);
  }
}

function statusText(t: Translate, params: Record<string, string>, side: 'now' | 'recorded', stepName: (stepId: StepId) => string): string {
  const status = params[`${side}Status`] ?? 'ready';
  const stepId = params[`${side}Step`];
  const step = stepId === undefined ? '' : `“${stepName(stepId as StepId)}”`;
  const finding = params[`${side}Finding`];
  if (status === 'stopped') return finding ? t('compare.status.stoppedFinding', { step, finding }) : t('compare.status.stopped', { step });
  if (status === 'waiting') return t('compare.status.waiting', { step });
  return t(status === 'completed' ? 'compare.status.completed' : 'compare.status.ready');
}
