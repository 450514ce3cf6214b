/**
 * The field a finding's evidence names, wherever the inspector shows it: outlined and labelled
 * "evidence" (not colour alone), focusable, and scrolled into view when it appears (at once when
 * the person prefers reduced motion). The inspector mounts it afresh for each "show evidence".
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';

export interface EvidenceMarkProps {
  children?: ReactNode;
  /** Says what is marked when it is not the value itself (an absent field). */
  note?: string;
  /** A block (a table cell's content, a section) or inline text (a JSON value). */
  block?: boolean;
  /** Scroll to it and focus it when it appears; false when it comes back after the person refolded the view. */
  reveal?: boolean;
}

export function EvidenceMark({ children, note, block = false, reveal = true }: EvidenceMarkProps) {
  const t = useT();
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !reveal) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    element.focus({ preventScroll: true });
  }, []);
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
      <div ref={(element) => void (ref.current = element)} tabIndex={0} data-evidence="" className={`${className} block p-1`}>
        {label}
        {note ? <span className="font-sans text-xs">{note}</span> : null}
        {children}
      </div>
    );
  }
  return (
    <mark ref={(element) => void (ref.current = element)} tabIndex={0} data-evidence="" className={className}>
      {label}
      {children}
      {note ? <span className="ml-1 font-sans">{note}</span> : null}
    </mark>
  );
}
