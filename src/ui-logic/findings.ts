/**
 * Findings as the findings list shows them: errors first, filtered by severity, in the reader's
 * language (the Chinese text comes from the catalogue, filled with the finding's params, whose
 * phrase references are rendered from the phrase table), with spec links labelled for the
 * selected spec version.
 */
import { templateParts, type TextPart } from './engine-text.js';
import { loadedFindingCatalogue, loadedFindingPhrases, type FindingCatalogue, type FindingPhrases } from './finding-catalogue.js';
import { hasPhraseReferences, resolvePhraseParams } from '../engine/checks/phrase-reference.js';
import { isKnownSpecRef, specRefLabel, type SpecRefId } from '../engine/checks/spec-refs.js';
import type { Finding, Severity, SpecRef, SpecVersion } from '../engine/types.js';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors, then warnings, then info; the engine's order within a severity (it follows the flow). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** The findings of the chosen severities, sorted; every finding when the set is empty. */
export function filterFindings(findings: readonly Finding[], severities: ReadonlySet<Severity>): Finding[] {
  const sorted = sortFindings(findings);
  return severities.size === 0 ? sorted : sorted.filter((finding) => severities.has(finding.severity));
}

export interface FindingText {
  title: string;
  detail: string;
  hint?: string;
}

/** `{name}` placeholders filled from params; unknown names stay as they are (as the engine's catalogue does). */
function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * The finding's text in `language`. English is the text the engine put in the finding; other
 * languages come from the catalogue entry, filled with the same params, where a phrase reference
 * (`@phrase:…`) becomes the phrase in that language. Falls back to English when the catalogue is
 * not loaded (components get it with `useFindingCatalogue()`, which loads it and the phrases on
 * demand) or lacks the id, the translation or a phrase the params name, and when the params lack
 * a value the text names (a finding recorded by an older version).
 */
export function localizedFindingText(
  finding: Finding,
  language: 'en' | 'zh-CN',
  catalogue: FindingCatalogue | undefined = loadedFindingCatalogue(),
  phrases: FindingPhrases | undefined = loadedFindingPhrases(),
): FindingText {
  const english: FindingText = { title: finding.title, detail: finding.detail, ...(finding.hint ? { hint: finding.hint } : {}) };
  if (language === 'en') return english;
  const translated = catalogue?.get(finding.id)?.text[language];
  if (!translated) return english;
  let params = finding.params ?? {};
  if (hasPhraseReferences(params)) {
    if (!phrases) return english;
    const resolved = resolvePhraseParams(params, (id) => phrases[id]?.[language]);
    if (!resolved.complete) return english;
    params = resolved.params;
  }
  // A finding recorded by an older version may lack a param the text names now: its English stays.
  const named = [translated.title, translated.detail, translated.hint ?? ''].flatMap((template) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''));
  if (named.some((name) => !(name in params))) return english;
  const text: FindingText = { title: fillTemplate(translated.title, params), detail: fillTemplate(translated.detail, params) };
  if (translated.hint) text.hint = fillTemplate(translated.hint, params);
  else if (english.hint) text.hint = english.hint;
  return text;
}

export interface FindingTextParts {
  title: TextPart[];
  detail: TextPart[];
  hint?: TextPart[];
}

/**
 * The finding's text as `localizedFindingText` gives it, in parts: in another language than
 * English, the values a server or a URL put into the text are marked as data.
 */
export function localizedFindingTextParts(
  finding: Finding,
  language: 'en' | 'zh-CN',
  catalogue: FindingCatalogue | undefined = loadedFindingCatalogue(),
  phrases: FindingPhrases | undefined = loadedFindingPhrases(),
): FindingTextParts {
  const plain = (text: string): TextPart[] => [{ text, data: false }];
  const english: FindingTextParts = { title: plain(finding.title), detail: plain(finding.detail), ...(finding.hint ? { hint: plain(finding.hint) } : {}) };
  if (language === 'en') return english;
  const translated = catalogue?.get(finding.id)?.text[language];
  if (!translated) return english;
  const params = finding.params ?? {};
  const lookup = (id: string) => (phrases && Object.hasOwn(phrases, id) ? phrases[id]?.[language] : undefined);
  const title = templateParts(translated.title, params, lookup);
  const detail = templateParts(translated.detail, params, lookup);
  const hint = translated.hint !== undefined ? templateParts(translated.hint, params, lookup) : english.hint;
  if (!title || !detail || (translated.hint !== undefined && !hint)) return english;
  return { title, detail, ...(hint ? { hint } : {}) };
}

export interface SpecLink {
  url: string;
  label: string;
  /** The label in English, as the (English) document names the section. */
  englishLabel: string;
}

/** A spec reference with its human label ("RFC 9728 §3.3 (Protected Resource Metadata)"); the id when unknown. */
export function specLink(ref: SpecRef, version: SpecVersion, language: 'en' | 'zh-CN' = 'en'): SpecLink {
  if (!isKnownSpecRef(ref.id)) return { url: ref.url, label: ref.id, englishLabel: ref.id };
  const englishLabel = specRefLabel(ref.id as SpecRefId, version);
  return { url: ref.url, label: language === 'en' ? englishLabel : specRefLabel(ref.id as SpecRefId, version, language), englishLabel };
}
