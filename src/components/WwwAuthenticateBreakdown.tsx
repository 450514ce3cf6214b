/**
 * A response's WWW-Authenticate header taken apart: each challenge, each parameter with what it
 * means for an MCP client, and where the header breaks the RFC 9110 grammar.
 */
import { Fragment, useId } from 'react';
import { useT } from '../i18n/index.js';
import type { WwwAuthenticateExplanation } from '../ui-logic/www-authenticate-explanation.js';
import { EvidenceMark } from './EvidenceMark.js';

/** `evidence`: a finding's evidence names this header; its raw lines are marked. */
export function WwwAuthenticateBreakdown({ explanation, evidence = false }: { explanation: WwwAuthenticateExplanation; evidence?: boolean }) {
  const t = useT();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded border border-sky-200 bg-sky-50/60 p-3 dark:border-sky-900 dark:bg-sky-950/30">
      <h4 id={headingId} className="text-sm font-semibold text-slate-900 dark:text-slate-50">
        {t('inspect.wwwAuth.heading')}
      </h4>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{t('inspect.wwwAuth.raw')}</p>
      {evidence ? <EvidenceMark block>{rawLines(explanation.lines)}</EvidenceMark> : rawLines(explanation.lines)}
      {explanation.challenges.map((challenge, index) => (
        <div key={index} className="mt-3">
          <h5 className="text-xs font-semibold text-slate-800 dark:text-slate-100">
            {t('inspect.wwwAuth.challenge', { n: index + 1, scheme: challenge.scheme })}
          </h5>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            {challenge.schemeExplanationKey ? t(challenge.schemeExplanationKey) : t('inspect.wwwAuth.unknownScheme')}
          </p>
          {challenge.token68 !== undefined && (
            <p className="mt-1 font-mono text-xs break-all">{t('inspect.wwwAuth.token68', { value: challenge.token68 })}</p>
          )}
          {challenge.parameters.length === 0 && challenge.token68 === undefined ? (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{t('inspect.wwwAuth.noParameters')}</p>
          ) : (
            <dl className="mt-1.5 grid grid-cols-1 gap-x-3 gap-y-1.5 text-xs sm:grid-cols-[max-content_minmax(0,1fr)]">
              {challenge.parameters.map((parameter) => (
                <Fragment key={parameter.name}>
                  <dt className="font-mono font-semibold text-slate-900 dark:text-slate-50">{parameter.name}</dt>
                  <dd>
                    <span className="font-mono break-all text-slate-900 dark:text-slate-100">{parameter.value}</span>
                    <span className="block text-slate-700 dark:text-slate-300">
                      {parameter.explanationKey ? t(parameter.explanationKey) : t('inspect.wwwAuth.unknownParameter')}
                    </span>
                    {parameter.valueExplanationKey && <span className="block text-slate-700 dark:text-slate-300">{t(parameter.valueExplanationKey)}</span>}
                  </dd>
                </Fragment>
              ))}
            </dl>
          )}
        </div>
      ))}
      {explanation.problems.length > 0 && (
        <div className="mt-3">
          <h5 className="text-xs font-semibold text-amber-900 dark:text-amber-200">{t('inspect.wwwAuth.problems')}</h5>
          <ul className="mt-1 space-y-1">
            {explanation.problems.map((problem, index) => (
              <li key={index} className="text-xs text-slate-800 dark:text-slate-200">
                <span>{t(problem.explanationKey)}</span>{' '}
                <span className="text-slate-600 dark:text-slate-400">{t('inspect.wwwAuth.problemAt', { offset: problem.offset })}</span>
                <code className="mt-0.5 block rounded bg-amber-100 px-1 font-mono break-all text-amber-950 dark:bg-amber-950/60 dark:text-amber-100">{problem.excerpt}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function rawLines(lines: readonly string[]) {
  return lines.map((line, index) => (
    <pre key={index} className="mt-0.5 font-mono text-xs break-all whitespace-pre-wrap text-slate-900 dark:text-slate-100">
      {line}
    </pre>
  ));
}
