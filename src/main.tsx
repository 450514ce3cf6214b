import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { createRelayTransport } from './engine/relay-transport.js';
import { RELAY_SECRET_META_NAME } from './wire/relay.js';
import { App, type AppRoute } from './components/App.js';
import { CALLBACK_PATH, listenForCallbacks } from './store/authorization-round-trip.js';
import { connectFormFromQuery } from './store/connect-form.js';
import { reflectSettingsOnDocument } from './store/document-effects.js';
import { useDebugger } from './store/index.js';
import { hydrateFromStorage, persistToStorage } from './store/persistence.js';
import { preferredLanguage } from './store/settings-slice.js';

function main(): void {
  const store = useDebugger;
  // The relay writes its per-process secret into the index.html it serves; without it (a page
  // not served by the relay) the store says so instead of sending requests nowhere.
  const secret = document.querySelector<HTMLMetaElement>(`meta[name="${RELAY_SECRET_META_NAME}"]`)?.content;
  const origin = window.location.origin;
  store.getState().configureRuntime({
    origin,
    fetchImpl: (input, init) => window.fetch(input, init),
    ...(secret ? { transport: createRelayTransport(origin, secret), relaySecret: secret } : {}),
  });

  hydrateFromStorage(store, () => preferredLanguage(navigator.languages));
  persistToStorage(store);
  void store.getState().checkStopOverridable();
  reflectSettingsOnDocument(store);

  let route: AppRoute = 'main';
  if (window.location.pathname === CALLBACK_PATH) {
    const landing = store.getState().receiveCallbackLanding(window.location.href);
    if (landing === 'sent') {
      route = 'callback-sent';
      window.close();
    } else {
      // The code and state must not stay in the address bar or the history.
      window.history.replaceState(null, '', '/');
    }
  }

  if (route === 'main') {
    const linked = connectFormFromQuery(window.location.search, store.getState().form);
    if (linked) {
      // A link to another server is a fresh start: the run shown before was for a different target.
      if (store.getState().session?.options.serverUrl !== linked.form.serverUrl.trim()) store.getState().reset();
      store.getState().replaceForm(linked.form);
      // A link may fill the form; a run it asks for waits for the person's confirmation.
      if (linked.run) store.getState().askToRunFromLink(linked.run);
      window.history.replaceState(null, '', '/');
    }
    listenForCallbacks((url, direct) => void store.getState().receiveCallback(url, direct));
  }

  void store.getState().checkRelay();

  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App route={route} />
      </StrictMode>,
    );
  }
}

main();
