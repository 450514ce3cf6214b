/** The `lab` command's listing as a program reads it: through the command's terminal output. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LAB_FAULTS } from '../lab/faults.js';
import { runCli } from '../test-support/run-cli.js';

it('lab --list-faults --format json prints JSON a program can parse, one fault per catalogue entry', async () => {
  const { code, stdout, stderr } = await runCli(['lab', '--list-faults', '--format', 'json']);
  assert.equal(code, 0, stderr);
  const { faults } = JSON.parse(stdout) as { faults: { id: string; summaryZh: string; findings: string[] }[] };
  assert.deepEqual(faults.map((fault) => fault.id), LAB_FAULTS.map((fault) => fault.id));
  // The Chinese summaries come through as text.
  assert.equal(faults[0]?.summaryZh, LAB_FAULTS[0].summaryZh);
});
