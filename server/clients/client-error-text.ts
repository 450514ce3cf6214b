/**
 * What a client raised, made fit to show and keep: the values the run knows to be secret (the
 * client secret, the code, the tokens) and anything shaped like one (JWTs, `code=`, `token=`
 * query parameters, URL userinfo) are replaced, control and bidirectional characters become
 * visible escapes, whitespace is folded and the text is bounded. SDK errors quote what servers
 * sent, so this is hostile input.
 */
import { REDACTED, redactText } from '../../src/engine/redact.js';

const MAX_ERROR_CHARS = 500;
/** C0 and C1 controls, DEL, and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const ACTIVE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** `"access_token": "…"` and the like inside quoted JSON. */
const SECRET_JSON_FIELDS = /("(?:access_token|refresh_token|id_token|client_secret|code|code_verifier|assertion)"\s*:\s*")[^"]*"/gi;

export function sanitiseClientError(text: string, secrets: Iterable<string>): string {
  let safe = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...new Set(secrets)].filter((value) => value.length >= 4).sort((a, b) => b.length - a.length)) {
    safe = safe.split(secret).join(REDACTED);
  }
  safe = redactText(safe).replace(SECRET_JSON_FIELDS, `$1${REDACTED}"`);
  safe = safe.replace(ACTIVE_CHARACTERS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  safe = safe.replace(/\s+/g, ' ').trim();
  return safe.length > MAX_ERROR_CHARS ? `${safe.slice(0, MAX_ERROR_CHARS - 1)}…` : safe;
}
