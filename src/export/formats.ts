/** The export formats and their files; no code of the exports, so the page's first bundle can name them. */
export const EXPORT_FORMATS = ['har', 'curl', 'markdown', 'playwright'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file each format is saved as. */
export const EXPORT_FILES: Record<ExportFormat, { extension: string; type: string }> = {
  har: { extension: 'har', type: 'application/json' },
  curl: { extension: 'sh', type: 'text/x-shellscript' },
  markdown: { extension: 'md', type: 'text/markdown' },
  playwright: { extension: 'spec.ts', type: 'text/plain' },
};
