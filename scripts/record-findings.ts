/**
 * Loaded into every unit-test process by scripts/run-tests.mjs (node --import): when
 * MCP_AUTH_DEBUGGER_FINDINGS_LOG names a folder, the ids of the findings the engine reports in
 * this process are written there on exit, one file per process, for findings-coverage.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { observeReportedFindings } from '../src/engine/session.js';

const folder = process.env.MCP_AUTH_DEBUGGER_FINDINGS_LOG;
if (folder) {
  const seen = new Set<string>();
  observeReportedFindings((id) => seen.add(id));
  process.on('exit', () => {
    if (seen.size > 0) writeFileSync(join(folder, `${process.pid}.txt`), [...seen].join('\n'));
  });
}
