/**
 * The field a finding's evidence names, wherever the inspector shows it: outlined and labelled
 * "evidence" (not colour alone) and focusable. The inspector scrolls to it (revealEvidence).
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';

/** Scrolls the mark inside `container` into view (at once when the person prefers reduced motion) and focuses it; false when there is none. */
export function revealEvidence(container: HTMLElement): boolean {
  const element = container.querySelector<HTMLElement>('[data-evidence]');
  if (!element) return false;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  element.focus({ preventScroll: true });
  return true;
}

export interface EvidenceMarkProps {
  children?: ReactNode;
  /** Says what is marked when it is not the value itself (an absent field). */
  note?: string;
  /** A block (a table cell's content, a section) or inline text (a JSON value). */
  block?: boolean;
}

export function EvidenceMark({ children, note, block = false }: EvidenceMarkProps) {
  const t = useT();
  // Text, so screen readers and greyscale projectors say it as well as the outline shows it.
  const label = (
    <span className="mr-1.5 inline-block rounded-sm bg-amber-800 px-1 font-sans text-[0.7rem] leading-4 font-semibold tracking-wide text-white uppercase dark:bg-amber-300 dark:text-amber-950">
      {t('inspect.evidence.label')}
    </span>
  );
  const className =
    'rounded-sm bg-amber-100 text-inherit outline-2 outline-offset-2 outline-amber-700 focus-visible:outline-4 dark:bg-amber-900/60 dark:outline-amber-300';
  if (block) {
    return (
      <div tabIndex={0} data-evidence="" className={`${className} block p-1`}>
        {label}
        {note ? <span className="font-sans text-xs">{note}</span> : null}
        {children}
      </div>
    );
  }
  return (
    <mark tabIndex={0} data-evidence="" className={className}>
      {label}
      {children}
      {note ? <span className="ml-1 font-sans">{note}</span> : null}
    </mark>
  );
}
