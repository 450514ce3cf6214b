/**
 * The known-server hints of the session shown, computed once per session object (a session is
 * replaced, never changed, as the flow advances), so every finding card can ask which hint
 * explains it without recognising the servers again.
 */
import { knownServerHints, renderHint, type KnownServerHints, type RenderedHint } from '../engine/hints/hints.js';
import type { HintLanguage } from '../engine/hints/hint-texts.js';
import type { Session } from '../engine/session.js';

const cache = new WeakMap<Session, KnownServerHints>();

export function sessionHints(session: Session): KnownServerHints {
  let result = cache.get(session);
  if (!result) {
    result = knownServerHints(session);
    cache.set(session, result);
  }
  return result;
}

/** The hints that explain a finding with this id, in one language. */
export function hintsExplaining(session: Session | undefined, findingId: string, language: HintLanguage): RenderedHint[] {
  if (!session) return [];
  return sessionHints(session)
    .hints.filter((hint) => hint.findingIds.includes(findingId))
    .map((hint) => renderHint(hint, language));
}
