import { lazy, Suspense, useId, useState } from 'react';
import type { McpData, McpTool } from '../engine/flow-data.js';
import { useT } from '../i18n/index.js';
import { defaultArguments, parameterSignature } from '../ui-logic/tool-schema.js';
import { StepUpNotice } from './StepUpNotice.js';
import { ToolResultView } from './ToolResultView.js';
import '../i18n/messages/tokens.js';

// rjsf and ajv are large; they load when a tool is first shown, not with the page.
const ToolForm = lazy(() => import('./ToolForm.js').then((module) => ({ default: module.ToolForm })));

export interface ToolsPanelProps {
  tools: McpTool[];
  calls: McpData['toolCalls'];
  onCall: (name: string, args: Record<string, unknown>) => Promise<void>;
  busy: boolean;
  /**
   * Set while a 403 insufficient_scope sends the flow back for more scope: the sentence saying
   * which scope the server asked for and that the debugger authorizes again.
   */
  stepUpNotice: string | undefined;
}

/** Calls shown, newest first. */
const MAX_CALLS_SHOWN = 10;

/** The server's tools: pick one, fill the form generated from its inputSchema, call it, see the result. */
export function ToolsPanel({ tools, calls, onCall, busy, stepUpNotice }: ToolsPanelProps) {
  const t = useT();
  const headingId = useId();
  const toolHeadingId = useId();
  const callsHeadingId = useId();
  const [selectedName, setSelectedName] = useState<string | undefined>(undefined);
  // What the person typed per tool, kept while they switch between tools.
  const [drafts, setDrafts] = useState<Record<string, Record<string, unknown>>>({});
  const [callFailure, setCallFailure] = useState<string | undefined>(undefined);

  const tool = tools.find((candidate) => candidate.name === selectedName) ?? tools[0];
  const args = tool ? (drafts[tool.name] ?? defaultArguments(tool.inputSchema)) : {};
  const recent = calls.slice(-MAX_CALLS_SHOWN).reverse();

  const call = (name: string, values: Record<string, unknown>) => {
    setCallFailure(undefined);
    onCall(name, values).catch((error: unknown) => setCallFailure(error instanceof Error ? error.message : String(error)));
  };

  return (
    <section aria-labelledby={headingId} className="space-y-4 text-slate-800 dark:text-slate-100">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {t('tools.heading')}
        </h2>
        {tools.length > 0 ? <span className="text-sm text-slate-600 dark:text-slate-400">{t('tools.count', { count: tools.length })}</span> : null}
      </div>

      {stepUpNotice !== undefined ? <StepUpNotice notice={stepUpNotice} /> : null}

      {tools.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('tools.empty')}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-[minmax(12rem,17rem)_minmax(0,1fr)]">
          <ul aria-label={t('tools.listLabel')} className="space-y-1">
            {tools.map((candidate) => {
              const selected = candidate.name === tool?.name;
              const signature = parameterSignature(candidate.inputSchema);
              return (
                <li key={candidate.name}>
                  <button
                    type="button"
                    aria-pressed={selected}
                    onClick={() => setSelectedName(candidate.name)}
                    className={`w-full rounded-md border px-3 py-2 text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
                      selected
                        ? 'border-sky-600 bg-sky-50 dark:border-sky-500 dark:bg-sky-950'
                        : 'border-slate-200 bg-white hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800'
                    }`}
                  >
                    <span className="block font-mono text-sm font-semibold break-all">{candidate.name}</span>
                    {candidate.title ? <span className="block text-sm">{candidate.title}</span> : null}
                    <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">({signature || t('tools.noParameters')})</span>
                    {candidate.description ? (
                      <span className="mt-0.5 line-clamp-2 block text-xs text-slate-700 dark:text-slate-300" translate="no">
                        {candidate.description}
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ul>

          {tool ? (
            <section aria-labelledby={toolHeadingId} className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
              <div>
                <h3 id={toolHeadingId} className="font-mono text-base font-semibold break-all">
                  {tool.name}
                </h3>
                {tool.title ? <p className="text-sm font-medium">{tool.title}</p> : null}
                {tool.description ? (
                  <p className="mt-1 text-sm whitespace-pre-line text-slate-700 dark:text-slate-300" translate="no">
                    {tool.description}
                  </p>
                ) : null}
              </div>
              <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">{t('tools.form.loading')}</p>}>
                <ToolForm
                  tool={tool}
                  formData={args}
                  busy={busy}
                  onChange={(values) => setDrafts((all) => ({ ...all, [tool.name]: values }))}
                  onSubmit={(values) => call(tool.name, values)}
                />
              </Suspense>
              <details className="rounded border border-slate-200 dark:border-slate-700">
                <summary className="cursor-pointer px-2 py-1 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300">
                  {t('tools.form.arguments')}
                </summary>
                <pre className="overflow-auto border-t border-slate-200 p-2 font-mono text-xs dark:border-slate-700">{JSON.stringify(args, null, 2)}</pre>
              </details>
              {callFailure ? (
                <p role="alert" className="text-sm text-red-800 dark:text-red-200">
                  {callFailure}
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
      )}

      <section aria-labelledby={callsHeadingId} className="space-y-2">
        <h3 id={callsHeadingId} className="text-base font-semibold">
          {t('tools.results.heading')}
        </h3>
        {recent.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t('tools.results.empty')}</p>
        ) : (
          <ol className="space-y-3">
            {recent.map((entry, index) => (
              <li key={calls.length - index}>
                <ToolResultView call={entry} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
