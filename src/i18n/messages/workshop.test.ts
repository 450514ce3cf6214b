import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { workshopMessages } from './workshop.js';

test('every workshop key the panel names has an English and a Chinese text, counted ones in both forms', () => {
  const panel = readFileSync(new URL('../../components/WorkshopPanel.tsx', import.meta.url), 'utf8');
  const named = [...panel.matchAll(/'(workshop\.[\w.-]+)'/g)].flatMap((match) => (match[1] ? [match[1]] : []));
  assert.ok(named.includes('workshop.title') && named.includes('workshop.exercise.reveal'), 'the scan finds the keys');
  const keys = named.flatMap((key) => (key === 'workshop.active' ? ['workshop.active.one', 'workshop.active.other'] : [key]));
  assert.deepEqual(keys.filter((key) => workshopMessages.en[key] === undefined || workshopMessages['zh-CN'][key] === undefined), []);
});
