import '../i18n/messages/tokens.js';
/**
 * The JOSE header of a JWT, each parameter with the message key that explains it and, for `alg`
 * and `typ`, a note on the value (RFC 7515 §4.1, RFC 7519 §5, RFC 9068 §2.1).
 */

/** Header parameters with an explanation, in the order they are shown. */
export const HEADER_PARAMETERS = ['alg', 'typ', 'kid', 'cty', 'jku', 'jwk', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'crit', 'enc', 'zip'] as const;

export interface HeaderRow {
  name: string;
  /** The value as shown: strings as they are, anything else as JSON. */
  value: string;
  /** Message key explaining the parameter; undefined for parameters outside RFC 7515/7516. */
  explanationKey?: string;
  /** Message key with a note on this particular value ("RSA signature with SHA-256"). */
  valueNoteKey?: string;
}

export function describeHeader(header: Record<string, unknown>): HeaderRow[] {
  const known: readonly string[] = HEADER_PARAMETERS;
  const names = [...HEADER_PARAMETERS.filter((name) => name in header), ...Object.keys(header).filter((name) => !known.includes(name))];
  return names.map((name) => {
    const raw = header[name];
    const row: HeaderRow = { name, value: typeof raw === 'string' ? raw : JSON.stringify(raw) };
    if (known.includes(name)) row.explanationKey = `tokens.header.${name}`;
    const note = name === 'alg' ? algorithmNoteKey(raw) : name === 'typ' ? typeNoteKey(raw) : undefined;
    if (note) row.valueNoteKey = note;
    return row;
  });
}

/** The family of a JWS `alg` (RFC 7518 §3.1, RFC 8037). */
export function algorithmNoteKey(alg: unknown): string | undefined {
  if (typeof alg !== 'string') return undefined;
  if (alg.toLowerCase() === 'none') return 'tokens.alg.none';
  if (/^HS\d+$/.test(alg)) return 'tokens.alg.hmac';
  if (/^RS\d+$/.test(alg)) return 'tokens.alg.rsa';
  if (/^PS\d+$/.test(alg)) return 'tokens.alg.rsa-pss';
  if (/^ES\d+K?$/.test(alg)) return 'tokens.alg.ecdsa';
  if (alg === 'EdDSA' || alg === 'Ed25519' || alg === 'Ed448') return 'tokens.alg.eddsa';
  return undefined;
}

/** RFC 9068 §2.1 `at+jwt` (media type `application/at+jwt`), or the generic `JWT` (RFC 7519 §5.1). */
export function typeNoteKey(typ: unknown): string | undefined {
  if (typeof typ !== 'string') return undefined;
  if (/^(application\/)?at\+jwt$/i.test(typ)) return 'tokens.typ.at-jwt';
  if (/^(application\/)?jwt$/i.test(typ)) return 'tokens.typ.jwt';
  if (/^(application\/)?logout\+jwt$/i.test(typ)) return 'tokens.typ.logout-jwt';
  if (/^(application\/)?oauth-id-jag\+jwt$/i.test(typ)) return 'tokens.typ.id-jag';
  return undefined;
}
