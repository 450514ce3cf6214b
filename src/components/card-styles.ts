/** Class names shared by the inspector's cards (request, response, CORS table, server summary). */
export const CARD = 'rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900';
export const CARD_HEADING = 'text-sm font-semibold text-slate-900 dark:text-slate-50';
export const SUBHEADING = 'mt-3 mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
