import type { ReactNode } from 'react';

export interface SegmentedOption<T extends string> {
  value: T;
  content: ReactNode;
  /** The option's own language, when its text is written in it. */
  lang?: string;
  title?: string;
}

interface SegmentedChoiceProps<T extends string> {
  /** The group's accessible name. */
  label: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** One of a few settings as a small segmented control: a group of buttons, the chosen one pressed. */
export function SegmentedChoice<T extends string>({ label, options, value, onChange }: SegmentedChoiceProps<T>) {
  return (
    <div role="group" aria-label={label} className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.lang}
          aria-pressed={value === option.value}
          title={option.title}
          onClick={() => onChange(option.value)}
          className={`px-2 py-1 text-xs ${
            value === option.value ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
        >
          {option.content}
        </button>
      ))}
    </div>
  );
}
