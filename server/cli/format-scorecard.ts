/** The scorecard in the text report: one line per area, the failing ones first to the eye. */
import { SCORE_AREAS, type AreaScore } from '../../src/engine/scorecard.js';
import type { Style } from './terminal.js';

const WIDTH = Math.max(...SCORE_AREAS.map((area) => area.length)) + 2;

export function formatScorecard(scores: readonly AreaScore[], style: Style): string[] {
  const lines = [style.bold('Scorecard')];
  for (const score of scores) {
    const area = score.area.padEnd(WIDTH);
    const counts = [score.errors > 0 ? `${score.errors} error${score.errors === 1 ? '' : 's'}` : '', score.warnings > 0 ? `${score.warnings} warning${score.warnings === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(', ');
    const ids = score.findingIds.length > 0 ? style.dim(`  ${score.findingIds.slice(0, 3).join(', ')}${score.findingIds.length > 3 ? ', …' : ''}`) : '';
    if (score.verdict === 'failed') lines.push(`  ${style.red('✗')} ${area}${style.red('failed')}${counts ? ` · ${counts}` : ''}${ids}`);
    else if (score.verdict === 'warnings') lines.push(`  ${style.yellow('!')} ${area}${style.yellow('warnings')} · ${counts}${ids}`);
    else if (score.verdict === 'passed') lines.push(`  ${style.green('✓')} ${area}${style.green('passed')}`);
    else lines.push(`  ${style.dim('·')} ${area}${style.dim('not run')}`);
  }
  return [...lines, ''];
}
