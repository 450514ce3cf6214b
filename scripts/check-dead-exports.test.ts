import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const script = new URL('./check-dead-exports.mjs', import.meta.url).pathname;

/** Runs the check over a project made of `files` (paths from the project's root). */
function checkProject(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'dead-exports-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('an exported value no other module imports fails the check, named with its line', () => {
  const { status, output } = checkProject({
    'src/util.ts': "export const used = 1;\n\nexport function unused() {\n  return 2;\n}\n",
    'src/app.ts': "import { used } from './util.js';\nconsole.log(used);\n",
  });
  assert.equal(status, 1);
  assert.match(output, /1 exported names/);
  assert.match(output, /src\/util\.ts:3 unused/);
  assert.doesNotMatch(output, / used$/m);
});

test('tests, re-exports, namespace and dynamic imports count as users; types and the public entries are not checked', () => {
  const { status, output } = checkProject({
    'src/a.ts': 'export const onlyTested = 1;\nexport interface Shape { n: number }\nexport type Alias = string;\n',
    'src/a.test.ts': "import { onlyTested } from './a.js';\nconsole.log(onlyTested);\n",
    'src/b.ts': 'export const viaNamespace = 1;\n',
    'src/c.ts': 'export const viaReExport = 1;\n',
    'src/d.tsx': 'export const lazyPanel = 1;\n',
    'src/index.ts': "import * as b from './b.js';\nexport { viaReExport } from './c.js';\nexport const load = () => import('./d.js');\nconsole.log(b);\n",
    'src/main.ts': "import { load } from './index.js';\nimport { viaReExport } from './index.js';\nconsole.log(load, viaReExport);\n",
    'server/library/index.ts': 'export const publicApi = 1;\n',
  });
  assert.equal(status, 0, output);
  assert.match(output, /none among 8 modules/);
});
