/**
 * A JSON body as a foldable tree (native <details>, so it works from the keyboard) with a raw,
 * pretty-printed alternative. Children render only when their node is open, and long arrays a
 * page at a time, so large documents stay fast. `highlight` (a JSON Pointer from a finding's
 * evidence) opens the path to that value and marks it.
 */
import { useState, type ReactNode } from 'react';
import { useT, type Translate } from '../i18n/index.js';
import { pointerTokens, resolveJsonPointer } from '../ui-logic/evidence-pointer.js';
import {
  DEFAULT_FOLD_POLICY,
  childCount,
  countNodes,
  foldedPreview,
  isContainer,
  jsonChildren,
  jsonKind,
  prettyJson,
  scalarText,
  startsOpen,
  type FoldPolicy,
  type JsonValue,
} from '../ui-logic/json-fold.js';
import { EvidenceMark } from './EvidenceMark.js';

const CHILD_PAGE = 200;
const EXPAND_ALL_LIMIT = 5000;
const EXPAND_ALL: FoldPolicy = { openDepth: Number.POSITIVE_INFINITY, maxOpenChildren: Number.POSITIVE_INFINITY };
const COLLAPSE_ALL: FoldPolicy = { openDepth: 1, maxOpenChildren: Number.POSITIVE_INFINITY };

const SCALAR_CLASSES: Record<string, string> = {
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-sky-800 dark:text-sky-300',
  boolean: 'text-violet-800 dark:text-violet-300',
  null: 'text-slate-600 dark:text-slate-400',
};

interface NodeProps {
  name: string | number | undefined;
  value: JsonValue;
  pointer: string;
  depth: number;
  policy: FoldPolicy;
  /** The node a finding's evidence names (the nearest one present when its field is absent). */
  highlight: string | undefined;
  /** Said beside the mark when the field itself is absent. */
  highlightNote: string | undefined;
  t: Translate;
  last: boolean;
}

function KeyLabel({ name }: { name: string | number | undefined }) {
  if (name === undefined) return null;
  if (typeof name === 'number') return <span className="text-slate-500 dark:text-slate-400">{name}: </span>;
  return <span className="text-slate-800 dark:text-slate-200">{JSON.stringify(name)}: </span>;
}

function Highlight({ active, children, note }: { active: boolean; children: ReactNode; note: string | undefined }) {
  if (!active) return <>{children}</>;
  return <EvidenceMark {...(note !== undefined ? { note } : {})}>{children}</EvidenceMark>;
}

/** Items to render at first: a page, or up to the item on the way to the highlighted node. */
function firstShown(value: JsonValue, pointer: string, highlight: string | undefined): number {
  if (!Array.isArray(value) || highlight === undefined || !highlight.startsWith(`${pointer}/`)) return CHILD_PAGE;
  const index = Number(pointerTokens(highlight.slice(pointer.length))?.[0]);
  return Number.isInteger(index) && index >= CHILD_PAGE ? index + 1 : CHILD_PAGE;
}

function JsonNode({ name, value, pointer, depth, policy, highlight, highlightNote, t, last }: NodeProps) {
  const [open, setOpen] = useState(() => startsOpen(value, pointer, depth, policy, highlight));
  const [shown, setShown] = useState(() => firstShown(value, pointer, highlight));
  const comma = last ? '' : ',';
  const marked = highlight === pointer;
  if (!isContainer(value) || childCount(value) === 0) {
    const kind = jsonKind(value);
    return (
      <div className="pl-4 break-words whitespace-pre-wrap">
        <Highlight active={marked} note={highlightNote}>
          <KeyLabel name={name} />
          <span className={SCALAR_CLASSES[kind] ?? ''}>{scalarText(value)}</span>
        </Highlight>
        {comma}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const children = open ? jsonChildren(value, pointer) : [];
  const count = isArray ? value.length : Object.keys(value).length;
  const size = isArray ? t('inspect.json.items', { count }) : t('inspect.json.keys', { count });
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="pl-4">
      <summary className="-ml-4 cursor-pointer rounded pl-0.5 break-words marker:text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-800">
        <Highlight active={marked} note={highlightNote}>
          <KeyLabel name={name} />
          {open ? (
            <span>{isArray ? '[' : '{'}</span>
          ) : (
            <>
              <span className="text-slate-700 dark:text-slate-300">{foldedPreview(value)}</span>
              {comma}
              <span className="ml-2 font-sans whitespace-nowrap text-slate-600 dark:text-slate-400">{size}</span>
            </>
          )}
        </Highlight>
      </summary>
      {open && (
        <>
          {children.slice(0, shown).map((child, index) => (
            <JsonNode
              key={child.pointer}
              name={child.key}
              value={child.value}
              pointer={child.pointer}
              depth={depth + 1}
              policy={policy}
              highlight={highlight}
              highlightNote={highlightNote}
              t={t}
              last={index === children.length - 1}
            />
          ))}
          {children.length > shown && (
            <div className="pl-4">
              <button
                type="button"
                className="rounded px-1 font-sans text-sky-800 underline hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300 dark:hover:bg-slate-800"
                onClick={() => setShown((current) => current + CHILD_PAGE)}
              >
                {t('inspect.json.showMore', { count: Math.min(CHILD_PAGE, children.length - shown) })}
              </button>
            </div>
          )}
          <div className="-ml-4 pl-0.5">
            {isArray ? ']' : '}'}
            {comma}
          </div>
        </>
      )}
    </details>
  );
}

const TOOL_BUTTON =
  'rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 aria-pressed:bg-slate-200 aria-pressed:font-semibold dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-700';

export function JsonBodyView({ value, highlight }: { value: JsonValue; highlight?: string }) {
  const t = useT();
  const [mode, setMode] = useState<'tree' | 'raw'>('tree');
  const [fold, setFold] = useState<{ policy: FoldPolicy; generation: number }>({ policy: DEFAULT_FOLD_POLICY, generation: 0 });
  const canExpandAll = isContainer(value) && countNodes(value, EXPAND_ALL_LIMIT + 1) <= EXPAND_ALL_LIMIT;
  const resolved = highlight === undefined ? undefined : resolveJsonPointer(value, highlight);
  const target = resolved === undefined ? undefined : resolved.found ? resolved.pointer : resolved.nearest;
  const note = resolved === undefined || resolved.found ? undefined : t('inspect.evidence.absent', { field: resolved.missing });
  return (
    <div>
      <div role="toolbar" aria-label={t('inspect.json.view')} className="mb-1 flex flex-wrap gap-1">
        <button type="button" className={TOOL_BUTTON} aria-pressed={mode === 'tree'} onClick={() => setMode('tree')}>
          {t('inspect.json.tree')}
        </button>
        <button type="button" className={TOOL_BUTTON} aria-pressed={mode === 'raw'} onClick={() => setMode('raw')}>
          {t('inspect.json.raw')}
        </button>
        {mode === 'tree' && isContainer(value) && (
          <>
            <button
              type="button"
              className={TOOL_BUTTON}
              disabled={!canExpandAll}
              onClick={() => setFold((current) => ({ policy: EXPAND_ALL, generation: current.generation + 1 }))}
            >
              {t('inspect.json.expandAll')}
            </button>
            <button type="button" className={TOOL_BUTTON} onClick={() => setFold((current) => ({ policy: COLLAPSE_ALL, generation: current.generation + 1 }))}>
              {t('inspect.json.collapseAll')}
            </button>
          </>
        )}
      </div>
      {mode === 'raw' ? (
        <pre className="rounded bg-slate-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-900 dark:bg-slate-950 dark:text-slate-100">{prettyJson(value)}</pre>
      ) : (
        <div className="rounded bg-slate-50 py-1.5 pr-2 pl-1 font-mono text-xs leading-5 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
          <JsonNode key={fold.generation} name={undefined} value={value} pointer="" depth={0} policy={fold.policy} highlight={target} highlightNote={note} t={t} last />
        </div>
      )}
    </div>
  );
}
