/** `host` as it appears in a URL's authority: IPv6 literals need brackets (`::1` → `[::1]`). */
export function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
