/**
 * The authorization round trip in a browser. The authorization server sends the person's
 * browser back to `<origin>/callback`, a route of this SPA. Two ways there:
 *
 * - a popup: the /callback page in it hands the URL to the page that opened it (postMessage to
 *   the opener, and a BroadcastChannel for when the authorization server cut the opener link)
 *   and closes;
 * - this tab: the form and the session are in sessionStorage already; a marker says the round
 *   trip happens here, and the /callback page restores the flow and goes on.
 */
import { readStored, removeStored, STORAGE_KEYS, writeStored } from './browser-storage.js';

export const CALLBACK_PATH = '/callback';
const CALLBACK_CHANNEL = 'mcp-auth-debugger:authorization-callback';
const POPUP_NAME = 'mcp-auth-debugger-authorization';

export interface CallbackMessage {
  type: 'authorization-callback';
  url: string;
}

export type RoundTripWay = 'popup' | 'same-tab';

function isCallbackMessage(value: unknown): value is CallbackMessage {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.type === 'authorization-callback' && typeof record.url === 'string';
}

/**
 * Whether the page may send the person to `url`: http(s) only. The engine already refuses an
 * authorization endpoint of any other scheme; this holds even if something slipped through, so
 * a javascript:, data: or file: URL is never navigated to (not only because the CSP blocks it).
 */
export function isNavigableUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:';
}

/** Opens the authorization URL in a popup; false when the browser blocked it or the URL is not http(s). */
export function openAuthorizationPopup(url: string): boolean {
  if (!isNavigableUrl(url)) return false;
  writeStored('session', STORAGE_KEYS.roundTrip, 'popup');
  const popup = window.open(url, POPUP_NAME, 'popup,width=560,height=760');
  return popup !== null;
}

/** Marks the round trip as happening in this tab and leaves for the authorization server. */
export function openAuthorizationInThisTab(url: string): void {
  if (!isNavigableUrl(url)) return;
  writeStored('session', STORAGE_KEYS.roundTrip, 'same-tab');
  window.location.assign(url);
}

/**
 * What the /callback page does with the URL it landed on: `this-tab` when this tab left for
 * the authorization server (the caller completes the flow here), otherwise it passes the URL
 * to the page that opened the popup and answers `sent`.
 */
export function landOnCallback(href: string): 'this-tab' | 'sent' {
  const way = readStored('session', STORAGE_KEYS.roundTrip);
  removeStored('session', STORAGE_KEYS.roundTrip);
  if (way === 'same-tab') return 'this-tab';
  const message: CallbackMessage = { type: 'authorization-callback', url: href };
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(CALLBACK_CHANNEL);
    channel.postMessage(message);
    channel.close();
  }
  const opener: unknown = window.opener;
  if (opener && typeof opener === 'object' && 'postMessage' in opener && typeof opener.postMessage === 'function') {
    (opener as Window).postMessage(message, window.location.origin);
  }
  return 'sent';
}

/**
 * Listens for callback URLs from a popup. `direct` is true for a postMessage from a window
 * this page opened (it is ours for sure); a BroadcastChannel message may come from another
 * tab's popup, so the receiver matches it by `state`.
 */
export function listenForCallbacks(onCallback: (url: string, direct: boolean) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== window.location.origin || !isCallbackMessage(event.data)) return;
    onCallback(event.data.url, true);
  };
  window.addEventListener('message', onMessage);
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CALLBACK_CHANNEL);
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      if (isCallbackMessage(event.data)) onCallback(event.data.url, false);
    };
  }
  return () => {
    window.removeEventListener('message', onMessage);
    channel?.close();
  };
}

/** The `state` parameter of a callback URL (query, or fragment for a fragment response). */
export function callbackState(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.searchParams.get('state') ?? new URLSearchParams(parsed.hash.slice(1)).get('state') ?? undefined;
}
