import { useId, useMemo } from 'react';
import type { McpData } from '../engine/flow-data.js';
import { useT, type Translate } from '../i18n/index.js';
import { isWebLink, readToolResult, type ToolContentItem } from '../ui-logic/tool-result.js';
import { EngineText } from './EngineText.js';
import '../i18n/messages/tokens.js';

export type ToolCall = McpData['toolCalls'][number];

interface ToolResultViewProps {
  call: ToolCall;
}

const label = 'text-xs font-semibold text-slate-600 dark:text-slate-400';
const pre = 'max-h-80 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all dark:bg-slate-950';

/**
 * One `tools/call`: the arguments sent and what came back (content items, structuredContent),
 * a result with `isError` and a failed request both in the error colour.
 */
export function ToolResultView({ call }: ToolResultViewProps) {
  const t = useT();
  const headingId = useId();
  const shown = useMemo(() => (call.result !== undefined ? readToolResult(call.result) : undefined), [call.result]);
  const failed = call.error !== undefined || shown?.isError === true;
  const status = call.error !== undefined ? 'tools.result.rpcError' : shown?.isError ? 'tools.result.isError' : shown ? 'tools.result.ok' : 'tools.result.none';

  return (
    <article
      aria-labelledby={headingId}
      className={`space-y-2 rounded-lg border p-3 ${
        failed ? 'border-red-300 bg-red-50/40 dark:border-red-800 dark:bg-red-950/30' : 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900'
      }`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h4 id={headingId} className="font-mono text-sm font-semibold">
          {call.name}
        </h4>
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-semibold ${
            failed ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200' : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
          }`}
        >
          {t(status)}
        </span>
      </header>

      <div>
        <p className={label}>{t('tools.result.arguments')}</p>
        <pre className={pre}>{compactJson(call.arguments)}</pre>
      </div>

      {call.error !== undefined ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-xs break-words text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {/* Our words where the call names them; otherwise the server's, as it sent them. */}
          {call.errorId !== undefined ? <EngineText source={{ english: call.error, id: call.errorId, params: call.errorParams }} /> : <code className="font-mono break-all">{call.error}</code>}
        </p>
      ) : null}

      {shown ? (
        <>
          <div className="space-y-1">
            <p className={label}>{t('tools.result.content')}</p>
            {shown.content.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t('tools.result.noContent')}</p>
            ) : (
              <ol className="space-y-2">
                {shown.content.map((item, index) => (
                  <li key={index}>{renderItem(item, call.name, shown.isError, t)}</li>
                ))}
              </ol>
            )}
          </div>
          {shown.structuredContent !== undefined ? (
            <div>
              <p className={`${label} font-mono`}>{t('tools.result.structured')}</p>
              <pre className={pre}>{shown.structuredContent}</pre>
            </div>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

/** Short arguments on one line, longer ones pretty-printed. */
function compactJson(value: unknown): string {
  const line = JSON.stringify(value);
  return line.length <= 100 ? line : JSON.stringify(value, null, 2);
}

function renderItem(item: ToolContentItem, toolName: string, isError: boolean, t: Translate) {
  const caption = 'mb-0.5 text-xs text-slate-600 dark:text-slate-400';
  switch (item.kind) {
    case 'text':
      return (
        <>
          <p className={caption}>{t(item.json ? 'tools.content.json' : 'tools.content.text')}</p>
          <pre className={`${pre} ${isError ? 'text-red-800 dark:text-red-200' : ''}`}>{item.json ?? item.text}</pre>
        </>
      );
    case 'image':
      return (
        <>
          <p className={caption}>{t('tools.content.image', { mimeType: item.mimeType })}</p>
          <img src={item.dataUri} alt={t('tools.content.imageAlt', { name: toolName })} className="max-h-80 max-w-full rounded border border-slate-200 dark:border-slate-700" />
        </>
      );
    case 'audio':
      return (
        <>
          <p className={caption}>{t('tools.content.audio', { mimeType: item.mimeType })}</p>
          <audio controls src={item.dataUri} aria-label={t('tools.content.audioLabel', { name: toolName })} />
        </>
      );
    case 'resource':
      return (
        <>
          <p className={caption}>
            {t('tools.content.resource')}: <span className="font-mono break-all">{item.uri}</span>
            {item.mimeType ? <span className="font-mono"> ({item.mimeType})</span> : null}
          </p>
          {item.text !== undefined ? <pre className={pre}>{item.text}</pre> : null}
          {item.blobBytes !== undefined ? <p className="text-sm">{t('tools.content.blob', { count: item.blobBytes })}</p> : null}
        </>
      );
    case 'resource_link':
      return (
        <>
          <p className={caption}>{t('tools.content.resourceLink')}</p>
          <p className="text-sm">
            {(item.title ?? item.name) ? <span className="font-medium">{item.title ?? item.name} </span> : null}
            {isWebLink(item.uri) ? (
              <a href={item.uri} target="_blank" rel="noreferrer noopener" className="font-mono break-all text-sky-700 underline dark:text-sky-300">
                {item.uri}
              </a>
            ) : (
              <span className="font-mono break-all">{item.uri}</span>
            )}
            {item.mimeType ? <span className="font-mono text-slate-600 dark:text-slate-400"> ({item.mimeType})</span> : null}
          </p>
          {item.description ? (
            <p className="text-sm text-slate-700 dark:text-slate-300" translate="no">
              {item.description}
            </p>
          ) : null}
        </>
      );
    case 'unknown':
      return (
        <>
          <p className={caption}>{t('tools.content.unknown', { type: item.type })}</p>
          <pre className={pre}>{item.json}</pre>
        </>
      );
  }
}
