import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFaultIds } from '../lab/faults.js';
import { parsePortOption } from './port-option.js';

test('a port is digits from 0 to the maximum; anything else says what is wanted', () => {
  assert.deepEqual(parsePortOption('0', '--port'), { ok: true, port: 0 });
  assert.deepEqual(parsePortOption('4280', '--port'), { ok: true, port: 4280 });
  assert.deepEqual(parsePortOption('65535', '--port'), { ok: true, port: 65535 });
  for (const text of ['65536', '-1', '0x10', '1e3', ' 80', '80 ', '', 'abc', '4280.5', '999999']) {
    const option = parsePortOption(text, '--port');
    assert.equal(option.ok, false, text);
    if (!option.ok) assert.equal(option.message, `--port must be a port number from 0 to 65535, not "${text}".`);
  }
  const lab = parsePortOption('65535', '--lab-port', 65534);
  assert.equal(lab.ok, false);
  if (!lab.ok) assert.match(lab.message, /from 0 to 65534 \(the next port is used too\)/);
});

test('fault ids: the known ones in order, the unknown ones named with every valid id', () => {
  assert.deepEqual(parseFaultIds(['prm.resource-mismatch', 'asm.pkce-unsupported']), { faults: ['prm.resource-mismatch', 'asm.pkce-unsupported'], unknown: [] });
  const parsed = parseFaultIds(['prm.resource-mismatch', 'asm.nope', 'x']);
  assert.deepEqual(parsed.faults, ['prm.resource-mismatch']);
  assert.deepEqual(parsed.unknown, ['asm.nope', 'x']);
  assert.match(parsed.message ?? '', /^Unknown faults: asm\.nope, x\. The faults are: .*prm\.resource-mismatch/);
});
