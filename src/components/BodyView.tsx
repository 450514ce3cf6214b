/** A request or response body in the view that suits it: JSON tree, form parameters, server-sent events, or wrapped text. */
import type { HeaderList } from '../engine/types.js';
import { useEngineText } from '../i18n/engine-text.js';
import { useT } from '../i18n/index.js';
import { classifyBody } from '../ui-logic/body-format.js';
import type { EngineTextSource } from '../ui-logic/engine-text.js';
import { formatBytes } from '../ui-logic/http-format.js';
import { EvidenceMark } from './EvidenceMark.js';
import { JsonBodyView } from './JsonBodyView.js';
import { ParametersTable } from './ParametersTable.js';

interface BodyViewProps {
  headers: HeaderList;
  body: string | undefined;
  /** Bytes received when the transport cut the body. */
  truncatedAt?: number;
  /** JSON Pointer of the value a finding's evidence names. */
  highlight?: string;
  /** Name of the form parameter a finding's evidence names. */
  highlightParam?: string;
}

export function BodyView({ headers, body, truncatedAt, highlight, highlightParam }: BodyViewProps) {
  const t = useT();
  const view = classifyBody(headers, body);
  // A pointer into a body that is not JSON still leads here, and says what it named.
  const unplaced = highlight !== undefined && view.kind !== 'json' ? <EvidenceMark block note={t('inspect.evidence.notJson', { field: highlight || '/' })} /> : null;
  const truncated =
    truncatedAt !== undefined ? (
      <p className="mb-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
        {t('inspect.body.truncated', { size: formatBytes(truncatedAt) })}
      </p>
    ) : null;
  switch (view.kind) {
    case 'empty':
      return (
        <>
          {unplaced}
          <p className="text-sm text-slate-600 dark:text-slate-300">{t('inspect.body.empty')}</p>
        </>
      );
    case 'json':
      return (
        <>
          {truncated}
          <JsonBodyView value={view.value} {...(highlight !== undefined ? { highlight } : {})} />
        </>
      );
    case 'form':
      return (
        <>
          {truncated}
          {unplaced}
          <ParametersTable params={view.params} caption={t('inspect.form.heading')} {...(highlightParam !== undefined ? { evidence: highlightParam } : {})} />
        </>
      );
    case 'event-stream':
      return (
        <div>
          {truncated}
          {unplaced}
          <p className="mb-1 text-xs text-slate-600 dark:text-slate-300">{t('inspect.body.events', { count: view.events.length })}</p>
          <ol className="space-y-2">
            {view.events.map((event, index) => (
              <li key={index}>
                <p className="text-xs font-medium text-slate-700 dark:text-slate-200">
                  {t('inspect.body.event', { n: index + 1 })}
                  {event.event !== undefined && <span className="ml-2 font-mono font-normal">{t('inspect.body.eventType', { type: event.event })}</span>}
                </p>
                {event.json !== undefined ? (
                  <JsonBodyView value={event.json} />
                ) : (
                  <pre className="rounded bg-slate-50 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-slate-950">{event.data}</pre>
                )}
              </li>
            ))}
          </ol>
        </div>
      );
    case 'text':
      return (
        <>
          {truncated}
          {unplaced}
          {view.invalidJson !== undefined && (
            <p className="mb-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
              <InvalidJsonNote reason={view.invalidJson} />
            </p>
          )}
          {/* Scrollable, so focusable: keyboard users can scroll it too. */}
          <pre
            tabIndex={0}
            aria-label={t('inspect.body.heading')}
            className="max-h-96 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:bg-slate-950 dark:text-slate-100"
          >
            {view.text}
          </pre>
        </>
      );
  }
}

/** Why a body that says JSON does not parse, in the page's language (the phrase tables load when first needed). */
function InvalidJsonNote({ reason }: { reason: EngineTextSource }) {
  const t = useT();
  const { text } = useEngineText();
  return <>{t('inspect.body.invalidJson', { error: text(reason) })}</>;
}
