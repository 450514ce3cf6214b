/**
 * The Markdown report's section on known servers: each recognised product, what it was
 * recognised by, and the numbered fix steps for the findings it explains.
 */
import { knownServerHints, renderKnownServerHints } from '../engine/hints/hints.js';
import type { Session } from '../engine/session.js';

/** Lines of the section (none when no product was recognised); `text` escapes server text for Markdown. */
export function hintsMarkdown(session: Session, text: (value: string) => string): string[] {
  const groups = renderKnownServerHints(knownServerHints(session), 'en');
  if (groups.length === 0) return [];
  const out = ['## Known servers', ''];
  for (const { recognition, hints } of groups) {
    out.push(`### ${text(recognition.heading)}`, '', `Recognised by: ${recognition.clues.map((c) => text(c.text)).join('; ')}.`, '');
    if (recognition.note) out.push(`_${text(recognition.note)}_`, '');
    for (const hint of hints) {
      out.push(`**${text(hint.title)}** (explains ${hint.findingIds.map((id) => `\`${id}\``).join(', ')})`, '');
      hint.steps.forEach((step, index) => out.push(`${index + 1}. ${text(step)}`));
      out.push('');
    }
  }
  return out;
}
