/** The tutorial's pitfalls checklist in the text report: one line per row, with what decided it. */
import type { PitfallResult } from '../../src/engine/pitfalls.js';
import type { Style } from './terminal.js';

export function formatPitfalls(rows: readonly PitfallResult[], style: Style): string[] {
  const lines = [style.bold('Security pitfalls (the tutorial\'s 14)')];
  for (const row of rows) {
    const title = `${String(row.number).padStart(2)}. ${row.title.en}`;
    if (row.status === 'broken') lines.push(`  ${style.red('✗')} ${title} ${style.red('broken')} ${style.dim(row.findingIds.join(', '))}`);
    else if (row.status === 'held') lines.push(`  ${style.green('✓')} ${title} ${style.green('held')}`);
    else if (row.status === 'not-tested') lines.push(`  ${style.yellow('?')} ${title} ${style.yellow('not tested')} ${style.dim(row.howToTest?.en ?? '')}`);
    else lines.push(`  ${style.dim('·')} ${title} ${style.dim(`not observable from outside: ${row.advice.en}`)}`);
  }
  return [...lines, ''];
}
