/**
 * JWT NumericDate values (seconds since the epoch) shown to people.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-2
 */

/**
 * The ISO 8601 form of a NumericDate. The value comes from an untrusted token, and one outside
 * the range of a Date (`toISOString` throws for it) is shown as the number it is.
 */
export function numericDateText(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}
