/**
 * The findings reference for terminal and CI reports: each finding's page as this installation
 * built it (dist/findings/<id>.html, see server/reference/findings-pages.ts), as a file URL a
 * terminal can open without a running debugger. `start` serves the same pages at /findings/<id>.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

// server/cli/ in a checkout and lib/cli/ in the package both sit two levels below the root.
const BUILT_SITE = fileURLToPath(new URL('../../dist/', import.meta.url));

const known = new Map<string, string | undefined>();

/** The file URL of the page of `id`, or undefined when the UI (and with it the reference) is not built. */
export function findingReferenceUrl(id: string, site = BUILT_SITE): string | undefined {
  const key = `${site}\0${id}`;
  if (known.has(key)) return known.get(key);
  // Ids are dotted words; anything else is no page of the catalogue.
  const page = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(id) ? `${site}findings/${id}.html` : undefined;
  const url = page && existsSync(page) ? pathToFileURL(page).href : undefined;
  known.set(key, url);
  return url;
}
