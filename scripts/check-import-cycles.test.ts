import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const script = new URL('./check-import-cycles.mjs', import.meta.url).pathname;

/** Runs the cycle check over a project made of `files` (paths under src/). */
function checkProject(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, 'src', path, '..'), { recursive: true });
      writeFileSync(join(root, 'src', path), text);
    }
    const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('a runtime cycle fails the check and is named file by file', () => {
  const { status, output } = checkProject({
    'a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
    'b.ts': "import { c } from './deeper/c.js';\nexport const b = c;\n",
    'deeper/c.ts': "import { a } from '../a.js';\nexport const c = a;\n",
  });
  assert.equal(status, 1);
  assert.match(output, /1 found/);
  assert.match(output, /src\/a\.ts → src\/b\.ts → src\/deeper\/c\.ts → src\/a\.ts/);
});

test('type-only imports, type-only exports and dynamic imports are not cycles', () => {
  const { status, output } = checkProject({
    'store.ts': "import { slice } from './slice.js';\nexport type State = { n: number };\nexport const store = slice;\n",
    'slice.ts': "import type { State } from './store.js';\nimport { type State as Again } from './store.js';\nexport type { State } from './store.js';\nexport const slice = (s: State, t: Again) => s.n + t.n;\n",
    'lazy.ts': "import { later } from './later.js';\nexport const lazy = later;\n",
    'later.tsx': "export const later = () => import('./lazy.js');\n",
  });
  assert.equal(status, 0, output);
  assert.match(output, /none among 4 modules/);
});

test('a side-effect import and a re-export are runtime edges', () => {
  const { status } = checkProject({
    'one.ts': "import './two.js';\nexport const one = 1;\n",
    'two.ts': "export { one } from './one.js';\n",
  });
  assert.equal(status, 1);
});
