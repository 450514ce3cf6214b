/**
 * Which findings of the catalogue no test produced: reads the ids scripts/record-findings.ts
 * wrote during the unit tests and compares them with the catalogue. A check that no run ever
 * makes is a check nobody knows to work, so a new finding without a test fails the run.
 *
 * NOT_YET_PRODUCED lists the entries known to lack such a test, to be worked off: the run also
 * fails when one of them is produced after all, so the list only ever shrinks.
 *
 *   node --import tsx scripts/findings-coverage.ts <folder>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDINGS } from '../src/engine/checks/catalogue.js';

const NOT_YET_PRODUCED: ReadonlySet<string> = new Set([]);

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: findings-coverage.ts <folder of recorded finding ids>\n');
  process.exit(2);
}
const produced = new Set(readdirSync(folder).flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n').filter(Boolean)));
const ids = [...FINDINGS.keys()];
const missing = ids.filter((id) => !produced.has(id) && !NOT_YET_PRODUCED.has(id));
const nowProduced = [...NOT_YET_PRODUCED].filter((id) => produced.has(id) || !FINDINGS.has(id));
if (missing.length > 0) {
  process.stderr.write(`Findings no test produces (${missing.length}); add a test whose run reports each:\n${missing.map((id) => `  ${id}`).join('\n')}\n`);
}
if (nowProduced.length > 0) {
  process.stderr.write(`Listed in NOT_YET_PRODUCED (scripts/findings-coverage.ts) but produced now, or gone from the catalogue; take them off the list:\n${nowProduced.map((id) => `  ${id}`).join('\n')}\n`);
}
if (missing.length + nowProduced.length > 0) process.exit(1);
process.stdout.write(`Findings coverage: ${ids.length - NOT_YET_PRODUCED.size} of ${ids.length} catalogue entries are produced by some test; ${NOT_YET_PRODUCED.size} still listed as not yet.\n`);
