/**
 * The findings reference: one static HTML page per finding id, generated from the catalogue
 * at build time (like a linter's rule pages) and served by `start` at `/findings/<id>`. Each
 * page has the English and Chinese title, text and fix, the severity under each spec version,
 * the spec clauses for each version, and the lab fault that triggers it. Built into
 * `dist/findings/` by the Vite build (vite.config.ts), so it ships with the UI.
 */
import { allFindingDefinitions, severityFor } from '../../src/engine/checks/catalogue.js';
import type { FindingDefinition, FindingText } from '../../src/engine/checks/finding-definition.js';
import { resolveSpecRef, specRefLabel } from '../../src/engine/checks/spec-refs.js';
import { SPEC_VERSIONS, type Severity, type SpecVersion } from '../../src/engine/types.js';
import { STEP_TEXT } from '../../src/i18n/steps.js';
import { FINDINGS_REFERENCE_PATH, findingReferencePath } from '../../src/wire/findings-reference.js';
import { LAB_FAULTS } from '../lab/faults.js';


/** The file (under dist/) that holds the page of `id`, or of the index for `undefined`. */
export function findingReferenceFile(id?: string): string {
  return id === undefined ? 'findings/index.html' : `findings/${id}.html`;
}

const SEVERITY_WORDS: Record<Severity, { en: string; zh: string }> = {
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  info: { en: 'info', zh: '信息' },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Catalogue texts hold `{name}` placeholders, filled per run; the page shows them as variables. */
function withPlaceholders(text: string): string {
  return escapeHtml(text).replace(/\{(\w+)\}/g, (_whole, name: string) => `<var>${name}</var>`);
}

const STYLE = `
  :root { color-scheme: light dark; --fg: #0f172a; --muted: #475569; --bg: #fff; --line: #e2e8f0; --link: #1d4ed8;
    --error: #b91c1c; --warning: #a16207; --info: #1d4ed8; }
  @media (prefers-color-scheme: dark) { :root { --fg: #f1f5f9; --muted: #cbd5e1; --bg: #0f172a; --line: #334155; --link: #93c5fd;
    --error: #fca5a5; --warning: #fde047; --info: #93c5fd; } }
  body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem 4rem; background: var(--bg); color: var(--fg); line-height: 1.55;
    font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
  a { color: var(--link); }
  code, var { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-style: normal; }
  var { padding: 0 .2em; border: 1px dashed var(--line); border-radius: .25rem; }
  h1 { font-size: 1.5rem; margin: .25rem 0 1rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
  .id { color: var(--muted); font-size: .95rem; }
  .severity { font-weight: 600; } .severity-error { color: var(--error); } .severity-warning { color: var(--warning); } .severity-info { color: var(--info); }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
  nav { font-size: .9rem; color: var(--muted); }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="icon" href="data:," />
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function severityLabel(severity: Severity): string {
  const words = SEVERITY_WORDS[severity];
  return `<span class="severity severity-${severity}">${words.en} · <span lang="zh-CN">${words.zh}</span></span>`;
}

function textSection(heading: string, language: 'en' | 'zh-CN', text: FindingText | undefined): string {
  if (!text) return '';
  const fix = text.hint ? `<h3>${language === 'en' ? 'How to fix it' : '如何修复'}</h3>\n<p>${withPlaceholders(text.hint)}</p>` : '';
  return `<section lang="${language}">
<h2>${heading}</h2>
<p><strong>${withPlaceholders(text.title)}</strong></p>
<p>${withPlaceholders(text.detail)}</p>
${fix}
</section>`;
}

function severityRows(entry: FindingDefinition): string {
  return SPEC_VERSIONS.map((version) => {
    const severity = severityFor(entry, version);
    const cell = severity ? severityLabel(severity) : 'not checked under this version · <span lang="zh-CN">此版本不检查</span>';
    return `<tr><th scope="row">${version}</th><td>${cell}</td><td>${specLinks(entry, version)}</td></tr>`;
  }).join('\n');
}

function specLinks(entry: FindingDefinition, version: SpecVersion): string {
  if (entry.specRefs.length === 0) return '';
  return `<ul>${entry.specRefs
    .map((ref) => `<li><a href="${escapeHtml(resolveSpecRef(ref, version).url)}">${escapeHtml(specRefLabel(ref, version))}</a></li>`)
    .join('')}</ul>`;
}

function labSection(id: string): string {
  const fault = LAB_FAULTS.find((candidate) => candidate.id === id);
  if (!fault) {
    return `<h2>In the lab</h2>\n<p>No lab fault triggers this finding: it comes from the debugger's own limits or from input, not from a misconfigured server. · <span lang="zh-CN">没有实验室故障会触发此发现。</span></p>`;
  }
  const needs = id.startsWith('audit.') ? ' with <code>--audit</code>' : id.startsWith('cors.') ? ' with <code>--cors</code>' : '';
  return `<h2>In the lab</h2>
<p>${escapeHtml(fault.summary)}</p>
<p lang="zh-CN">${escapeHtml(fault.summaryZh)}</p>
<p>See it happen: <code>mcp-auth-debugger start --fault ${escapeHtml(id)}</code>, then run the flow${needs}; or switch the fault on in the page's Workshop panel.</p>`;
}

/** The page of one finding. */
function findingPage(entry: FindingDefinition): string {
  const step = STEP_TEXT[entry.stepId];
  const title = `${entry.id}: ${entry.text.en.title}`;
  const stops = entry.stopsFlow
    ? `<p>The spec says a client must stop here: the debugger stops the flow unless the run is lenient. · <span lang="zh-CN">规范要求客户端在此停止：除非以宽松模式运行，调试器会停止流程。</span></p>`
    : '';
  return page(
    title,
    `<nav><a href="${FINDINGS_REFERENCE_PATH}/">All findings · <span lang="zh-CN">全部发现</span></a> · <a href="/">Open the debugger</a></nav>
<p class="id"><code>${escapeHtml(entry.id)}</code> · ${severityLabel(entry.severity)} · step: ${escapeHtml(step.en.title)} · <span lang="zh-CN">${escapeHtml(step['zh-CN'].title)}</span></p>
<h1>${withPlaceholders(entry.text.en.title)}</h1>
${stops}
${textSection('What it means', 'en', entry.text.en)}
${textSection('中文说明', 'zh-CN', entry.text['zh-CN'])}
<h2>Severity and spec clauses by version</h2>
<table>
<thead><tr><th scope="col">Spec version</th><th scope="col">Severity</th><th scope="col">Clauses</th></tr></thead>
<tbody>
${severityRows(entry)}
</tbody>
</table>
${labSection(entry.id)}`,
  );
}

/** The index: every finding, grouped by the step that reports it. */
function findingsIndexPage(entries: readonly FindingDefinition[]): string {
  const byStep = new Map<string, FindingDefinition[]>();
  for (const entry of entries) byStep.set(entry.stepId, [...(byStep.get(entry.stepId) ?? []), entry]);
  const sections = [...byStep.entries()].map(([stepId, members]) => {
    const step = STEP_TEXT[stepId as FindingDefinition['stepId']];
    const rows = members
      .map((entry) => `<tr><td><a href="${escapeHtml(findingReferencePath(entry.id))}"><code>${escapeHtml(entry.id)}</code></a></td><td>${severityLabel(entry.severity)}</td><td>${withPlaceholders(entry.text.en.title)}</td></tr>`)
      .join('\n');
    return `<h2>${escapeHtml(step.en.title)} · <span lang="zh-CN">${escapeHtml(step['zh-CN'].title)}</span></h2>\n<table><tbody>\n${rows}\n</tbody></table>`;
  });
  return page(
    'mcp-auth-debugger findings reference',
    `<nav><a href="/">Open the debugger</a></nav>
<h1>Findings reference · <span lang="zh-CN">发现参考</span></h1>
<p>Every finding the debugger can report, ${entries.length} in all: what it means, how to fix it, the spec clauses behind it and the lab fault that shows it.</p>
${sections.join('\n')}`,
  );
}

/** Every page of the reference, by its file under dist/. */
export function findingsReferenceFiles(): Map<string, string> {
  const entries = allFindingDefinitions();
  const files = new Map<string, string>([[findingReferenceFile(), findingsIndexPage(entries)]]);
  for (const entry of entries) files.set(findingReferenceFile(entry.id), findingPage(entry));
  return files;
}
