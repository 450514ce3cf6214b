import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { WORKSHOP_ERROR_KINDS, workshopRefusal } from '../../store/workshop-slice.js';
import { translate } from '../index.js';
import { workshopMessages } from './workshop.js';

test('every workshop key the panel names has an English and a Chinese text, counted ones in both forms', () => {
  const panel = readFileSync(new URL('../../components/WorkshopPanel.tsx', import.meta.url), 'utf8');
  const named = [...panel.matchAll(/'(workshop\.[\w.-]+)'/g)].flatMap((match) => (match[1] ? [match[1]] : []));
  assert.ok(named.includes('workshop.title') && named.includes('workshop.exercise.reveal'), 'the scan finds the keys');
  const keys = named.flatMap((key) => (key === 'workshop.active' ? ['workshop.active.one', 'workshop.active.other'] : [key]));
  assert.deepEqual(keys.filter((key) => workshopMessages.en[key] === undefined || workshopMessages['zh-CN'][key] === undefined), []);
});

test('a workshop refusal is said by its kind in both languages, the relay’s English only a detail', () => {
  for (const kind of WORKSHOP_ERROR_KINDS) {
    assert.ok(workshopMessages.en[`workshop.error.${kind}`] && workshopMessages['zh-CN'][`workshop.error.${kind}`], kind);
  }
  const refusal = workshopRefusal({ error: { kind: 'unknown-fault', message: 'Unknown fault: prm.nope.' } }, 'PUT', '/lab/faults', 400);
  assert.deepEqual(refusal, { kind: 'unknown-fault', params: {}, detail: 'Unknown fault: prm.nope.' });
  const chinese = translate('zh-CN', 'workshop.error', { message: translate('zh-CN', `workshop.error.${refusal.kind}`, refusal.params) });
  assert.equal(chinese, '实验室没有接受这次更改：实验室没有这个故障。');

  const conflict = workshopRefusal({ relay: { ok: false, error: { kind: 'conflict', message: 'An exercise is running.' } } }, 'PUT', '/lab/faults', 409);
  assert.equal(conflict.kind, 'conflict');
  // An answer without a kind the page knows is said by its status; the relay's words stay a detail.
  const odd = workshopRefusal({ error: { kind: 'surprise', message: 'x' } }, 'POST', '/lab/exercise', 500);
  assert.deepEqual(odd, { kind: 'refused', params: { method: 'POST', path: '/lab/exercise', status: 500 }, detail: 'x' });
  assert.equal(translate('zh-CN', `workshop.error.${odd.kind}`, odd.params), 'POST /lab/exercise 的回答状态为 500。');
  assert.deepEqual(workshopRefusal('not json', 'GET', '/lab/faults', 502).kind, 'refused');
});
