import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFaultSwitchboard, LAB_FAULTS } from './faults.js';
import { createWorkshop, isAuditFault, isCorsFault } from './workshop.js';


function switchboardLab() {
  const board = createFaultSwitchboard();
  return { faults: () => board.list(), setFaults: (ids: Iterable<(typeof LAB_FAULTS)[number]['id']>) => board.set(ids) };
}

test('an exercise without the audit picks among the faults a plain run shows (not the modern-only server, which 2026-07-28 finds fine), each reachable', () => {
  const picked = new Set<string>();
  for (let step = 0; step < 100; step += 1) {
    const lab = switchboardLab();
    const workshop = createWorkshop(lab, { random: () => step / 100 });
    assert.equal(workshop.startExercise({ includeAudit: false }).ok, true);
    picked.add(lab.faults().join());
  }
  const plain = LAB_FAULTS.map((f) => f.id).filter((id) => !isAuditFault(id) && !isCorsFault(id) && id !== 'mcp.modern-only-server');
  assert.deepEqual([...picked].sort(), [...plain].sort());
});

test('an exercise with the audit may pick an audit fault', () => {
  const picked = new Set<string>();
  for (let step = 0; step < 100; step += 1) {
    const lab = switchboardLab();
    createWorkshop(lab, { random: () => step / 100 }).startExercise({ includeAudit: true });
    picked.add(lab.faults().join());
  }
  assert.equal(picked.size, LAB_FAULTS.filter((f) => !isCorsFault(f.id)).length - 2);
  assert.ok(!picked.has('mcp.modern-only-server'));
  // Sessions are a legacy matter: the default revision has none to find.
  assert.ok(!picked.has('audit.session-without-token'));
});

test('an exercise with the CORS check may pick a CORS fault, and only then', () => {
  const pick = (includeCors: boolean) => {
    const picked = new Set<string>();
    for (let step = 0; step < 100; step += 1) {
      const lab = switchboardLab();
      createWorkshop(lab, { random: () => step / 100 }).startExercise({ includeAudit: false, includeCors });
      picked.add(lab.faults().join());
    }
    return [...picked];
  };
  assert.ok(pick(true).some((id) => isCorsFault(id as (typeof LAB_FAULTS)[number]['id'])));
  assert.ok(!pick(false).some((id) => id.startsWith('cors.')));
});
