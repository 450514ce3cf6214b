import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { sequenceActors, sessionExchanges, sessionFindings } from '../store/selectors.js';
import { AuthorizationRoundTrip } from './AuthorizationRoundTrip.js';
import { CallbackPage } from './CallbackPage.js';
import { ConnectForm } from './ConnectForm.js';
import { DebuggerTabs } from './DebuggerTabs.js';
import { FindingsView } from './FindingsView.js';
import { FlowControls } from './FlowControls.js';
import { FlowOutcomeNotice } from './FlowOutcomeNotice.js';
import { FlowTimeline } from './FlowTimeline.js';
import { LanguageToggle } from './LanguageToggle.js';
import { LinkedRunPrompt } from './LinkedRunPrompt.js';
import { PresenterToggle, usePresenterShortcut } from './PresenterToggle.js';
import { RelayStatusBanner } from './RelayStatusBanner.js';
import { RenderFailureBoundary } from './RenderFailureBoundary.js';
import { RunSummary } from './RunSummary.js';
import { Scorecard } from './Scorecard.js';
import { SequenceDiagram } from './SequenceDiagram.js';
import { RecordingBanner, SessionFiles, useSessionFileDrop } from './SessionFiles.js';
import { StepDetail } from './StepDetail.js';
import { ThemeToggle } from './ThemeToggle.js';

// Compare is loaded on first use, with the engine's comparison, outside the first page's JavaScript.
const CompareView = lazy(() => import('./CompareView.js').then((module) => ({ default: module.CompareView })));

// Loaded when the Network tab is first opened: the first page's JavaScript stays as small as it was.
const RealClientsTable = lazy(() => import('./RealClientsTable.js').then((module) => ({ default: module.RealClientsTable })));
// The trainer's panel exists only when the relay runs the lab: loaded then.
const WorkshopPanel = lazy(() => import('./WorkshopPanel.js').then((module) => ({ default: module.WorkshopPanel })));
const NetworkPanel = lazy(() => import('./NetworkPanel.js').then((module) => ({ default: module.NetworkPanel })));
// The Tokens and Tools tabs matter once a run got that far: loaded when first opened.
const TokensView = lazy(() => import('./TokensView.js').then((module) => ({ default: module.TokensView })));
const ToolsView = lazy(() => import('./ToolsView.js').then((module) => ({ default: module.ToolsView })));

// Loaded when the presenter view is first switched on.
const PresenterView = lazy(() => import('./PresenterView.js').then((module) => ({ default: module.PresenterView })));

export type AppRoute = 'main' | 'callback-sent';

/** The browser debugger: connect and timeline on the left, the selected step and the run's data in the centre. */
export function App({ route }: { route: AppRoute }) {
  const presenter = useDebugger((s) => s.presenter);
  return <Shell>{route === 'callback-sent' ? <CallbackPage /> : presenter ? <PresenterWorkspace /> : <DebuggerWorkspace />}</Shell>;
}

function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  usePresenterShortcut();
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-1 dark:focus:bg-slate-900">
        {t('app.skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <div className="min-w-0 flex-1">
            <h1 className="font-mono text-base font-semibold tracking-tight">mcp-auth-debugger</h1>
            <p className="text-xs text-slate-600 dark:text-slate-400">{t('app.tagline')}</p>
          </div>
          <PresenterToggle />
          <LanguageToggle />
          <ThemeToggle />
        </div>
      </header>
      <RelayStatusBanner />
      {children}
    </div>
  );
}

/** N runs the next step, R runs to the end; not while typing, and not with a modifier key. */
function useFlowShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const key = event.key.toLowerCase();
      if (key !== 'n' && key !== 'r') return;
      const state = useDebugger.getState();
      if (state.running) return;
      event.preventDefault();
      if (!state.session) void state.start(key === 'n' ? 'step' : 'run');
      else if (key === 'n') void state.next();
      else void state.runToEnd();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** The presenter view in place of the workspace: the whole width, one step at a time. */
function PresenterWorkspace() {
  const t = useT();
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none">
      <RenderFailureBoundary>
        <Suspense fallback={<p className="p-4 text-sm text-slate-600 dark:text-slate-400">{t('presenter.loading')}</p>}>
          <PresenterView />
        </Suspense>
      </RenderFailureBoundary>
    </main>
  );
}

function DebuggerWorkspace() {
  const t = useT();
  const comparing = useDebugger((s) => s.comparison !== undefined);
  useFlowShortcuts();
  useSessionFileDrop();
  const workshopAvailable = useDebugger((s) => s.relayConfig?.workshop === true);

  return (
    <div className="mx-auto grid max-w-screen-2xl gap-4 p-4 md:grid-cols-[15rem_minmax(0,1fr)] lg:grid-cols-[20rem_minmax(0,1fr)]">
      <aside className="space-y-4" aria-label={t('app.sidebar.label')}>
        <ConnectForm />
        {workshopAvailable ? (
          <Suspense fallback={null}>
            <WorkshopPanel />
          </Suspense>
        ) : null}
        <FlowControls />
        <SessionFiles />
        <FlowTimeline />
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 space-y-4 focus:outline-none">
        <LinkedRunPrompt />
        <RecordingBanner />
        {comparing ? (
          <RenderFailureBoundary>
            <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">{t('compare.loading')}</p>}>
              <CompareView />
            </Suspense>
          </RenderFailureBoundary>
        ) : null}
        {/* Hidden, not unmounted, during a comparison: closing it finds every view as it was (folds, a tool form half filled). */}
        <div hidden={comparing} className="space-y-4">
          <RunView />
        </div>
      </main>
    </div>
  );
}

/** The run (live or recorded) as the page shows it when nothing is compared: summary, sequence, the tabs. */
function RunView() {
  const t = useT();
  const session = useDebugger((s) => s.session);
  const selectedExchangeId = useDebugger((s) => s.selectedExchangeId);
  const selectExchange = useDebugger((s) => s.selectExchange);
  // Memoised on the session so the sequence diagram's own memo holds across re-renders (a new selection).
  const exchanges = useMemo(() => sessionExchanges(session), [session]);
  const problems = sessionFindings(session).filter((f) => f.severity !== 'info').length;
  const tools = session?.data.mcp?.tools?.length;
  const showClients = useDebugger((s) => s.session?.clients !== undefined || s.clientsRun.kind !== 'idle');

  return (
    <>
      {session ? null : <Welcome />}
      <AuthorizationRoundTrip />
      <FlowOutcomeNotice />
      <RunSummary />
      <Scorecard />
      {showClients ? (
        <Suspense fallback={null}>
          <RealClientsTable />
        </Suspense>
      ) : null}
      <RenderFailureBoundary>
        <DebuggerTabs
          tabs={[
            {
              id: 'step',
              render: () => (
                <div className="space-y-4">
                  {exchanges.length > 0 ? (
                    <section aria-label={t('app.sequence.label')} className="panel overflow-x-auto p-3">
                      <SequenceDiagram exchanges={exchanges} actors={sequenceActors(session)} selectedId={selectedExchangeId} onSelect={selectExchange} />
                    </section>
                  ) : null}
                  <StepDetail />
                </div>
              ),
            },
            {
              id: 'network',
              ...(exchanges.length > 0 ? { badge: String(exchanges.length) } : {}),
              render: () => (
                <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">{t('app.tabs.loading')}</p>}>
                  <NetworkPanel />
                </Suspense>
              ),
            },
            {
              id: 'tokens',
              render: () => (
                <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">{t('app.tabs.loading')}</p>}>
                  <TokensView />
                </Suspense>
              ),
            },
            {
              id: 'tools',
              ...(tools ? { badge: String(tools) } : {}),
              render: () => (
                <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">{t('app.tabs.loading')}</p>}>
                  <ToolsView />
                </Suspense>
              ),
            },
            { id: 'findings', ...(problems > 0 ? { badge: String(problems) } : {}), render: () => <FindingsView /> },
          ]}
        />
      </RenderFailureBoundary>
    </>
  );
}

function Welcome() {
  const t = useT();
  return (
    <section className="panel p-4" aria-labelledby="welcome-title">
      <h2 id="welcome-title" className="text-lg font-semibold">
        {t('app.welcome.title')}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700 dark:text-slate-300">{t('app.welcome.body')}</p>
      <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-700 dark:text-slate-300">
        <li>{t('app.welcome.run')}</li>
        <li>{t('app.welcome.step')}</li>
        <li>{t('app.welcome.keys')}</li>
      </ul>
    </section>
  );
}
