/**
 * Token times for people: an absolute local date, a relative phrase ("in 4 minutes") and a
 * countdown ("4:32"). Every function takes `now` (epoch milliseconds) from the caller, so the
 * app's ticking clock drives the display and tests pin it.
 */

/** JWT NumericDate (seconds since the epoch, RFC 7519 §2) to epoch milliseconds. */
export function numericDateToMs(seconds: number): number {
  return seconds * 1000;
}

/** A date and time in the person's language, local time zone unless `timeZone` is given (tests). */
export function formatLocalDateTime(epochMs: number, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(epochMs);
}

const UNITS: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
];

/**
 * "in 4 minutes", "2 minutes ago", "now": the largest whole unit that fits, so a token that
 * lives 15 minutes reads in minutes and one issued yesterday in days.
 */
export function formatRelativeTime(targetMs: number, nowMs: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'long' });
  const seconds = Math.round((targetMs - nowMs) / 1000);
  const magnitude = Math.abs(seconds);
  for (const { unit, seconds: size } of UNITS) {
    if (magnitude >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** "4:32", "1:02:03": whole seconds remaining, never negative. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.floor(remainingMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours === 0) return `${minutes}:${ss}`;
  return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
}

/** Below this a valid token is shown as about to expire. */
const EXPIRY_WARNING_MS = 60_000;

export type ExpiryState =
  | { kind: 'valid'; remainingMs: number; endingSoon: boolean }
  | { kind: 'expired'; sinceMs: number };

export function expiryState(expiresAtMs: number, nowMs: number): ExpiryState {
  const remainingMs = expiresAtMs - nowMs;
  if (remainingMs <= 0) return { kind: 'expired', sinceMs: -remainingMs };
  return { kind: 'valid', remainingMs, endingSoon: remainingMs < EXPIRY_WARNING_MS };
}

/**
 * When the token stops being accepted: its `exp` claim when it is a JWT that has one, else
 * `expires_in` counted from when the token response arrived (RFC 6749 §5.1).
 */
export function tokenExpiresAtMs(claims: Record<string, unknown> | undefined, receivedAt: string, expiresIn: number | undefined): number | undefined {
  if (claims && typeof claims.exp === 'number') return numericDateToMs(claims.exp);
  const received = Date.parse(receivedAt);
  if (expiresIn === undefined || Number.isNaN(received)) return undefined;
  return received + expiresIn * 1000;
}
