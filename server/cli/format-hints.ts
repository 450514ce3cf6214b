/**
 * The known-server hints in the `check` and `show` reports: which products the run talked to
 * (and why the debugger thinks so), and for each the numbered fix steps of the findings it
 * explains. Terminal text, the JSON report's `hints` field and JUnit text come from here.
 *
 * Clues quote what servers sent (URLs, error texts), so the terminal text goes through `safe`.
 */
import { knownServerHints, renderKnownServerHints, type HintGroup } from '../../src/engine/hints/hints.js';
import type { Session } from '../../src/engine/session.js';
import { redactText } from '../../src/engine/redact.js';
import { terminalSafe, type Style } from './terminal.js';

const safe = (text: string): string => terminalSafe(redactText(text));

/** The run's hint groups in English, for the machine-readable reports. */
export function hintReport(session: Session): HintGroup[] {
  return renderKnownServerHints(knownServerHints(session), 'en');
}

/** Lines for the terminal report; empty when no product was recognised. */
export function formatHints(session: Session, style: Style): string[] {
  const lines: string[] = [];
  for (const { recognition, hints } of hintReport(session)) {
    lines.push(style.bold(safe(recognition.heading)));
    lines.push(style.dim(`  recognised by: ${safe(recognition.clues.map((c) => c.text).join('; '))}`));
    if (recognition.note) lines.push(style.dim(`  ${safe(recognition.note)}`));
    for (const hint of hints) {
      lines.push(`  ${style.cyan('hint')} ${style.bold(safe(hint.title))} ${style.dim(`[explains ${safe(hint.findingIds.join(', '))}]`)}`);
      hint.steps.forEach((step, index) => lines.push(`    ${index + 1}. ${safe(step)}`));
    }
    lines.push('');
  }
  return lines;
}

/** Plain text of the hints (JUnit's system-out). */
export function hintsPlainText(session: Session): string {
  return hintReport(session)
    .map(({ recognition, hints }) =>
      [
        `${recognition.heading} (recognised by: ${recognition.clues.map((c) => c.text).join('; ')})`,
        ...(recognition.note ? [recognition.note] : []),
        ...hints.flatMap((hint) => [`${hint.title} [explains ${hint.findingIds.join(', ')}]`, ...hint.steps.map((step, i) => `  ${i + 1}. ${step}`)]),
      ].join('\n'),
    )
    .join('\n\n');
}
