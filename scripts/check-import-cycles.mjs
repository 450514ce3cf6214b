#!/usr/bin/env node
// Fails when a runtime import cycle exists among the modules in src/ and server/. A cycle makes
// the order in which modules initialise depend on which one is imported first, which is how a
// value turns out `undefined` at start-up. Only imports that stay in the JavaScript count:
// `import type`, `export type` and imports whose every name is marked `type` are erased by the
// compiler, so the zustand slice pattern (slices importing the store's type) is fine. Dynamic
// `import()` does not count either: it runs after both modules have loaded.
// Run by `npm run check`; prints each cycle as a chain of files. An argument names another
// project folder to check (the script's own test uses it).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = process.argv[2] ? `${resolve(process.argv[2])}/` : fileURLToPath(new URL('..', import.meta.url));
const roots = ['src', 'server'].map((dir) => join(root, dir)).filter((dir) => existsSync(dir));

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names: `./x.js` is written for `./x.ts` or `./x.tsx`. */
function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|ts|tsx|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

function isErased(statement) {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return false; // `import './x.js'` runs the module
    if (clause.isTypeOnly) return true;
    if (clause.name) return false;
    const bindings = clause.namedBindings;
    if (!bindings || ts.isNamespaceImport(bindings)) return false;
    return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
  }
  if (ts.isExportDeclaration(statement)) {
    if (statement.isTypeOnly) return true;
    const clause = statement.exportClause;
    return Boolean(clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
  }
  return true;
}

function runtimeImports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const targets = new Set();
  for (const statement of source.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || isErased(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const target = resolveSpecifier(file, specifier.text);
    if (target) targets.add(target);
  }
  return [...targets];
}

const files = roots.flatMap(sourceFiles);
const graph = new Map(files.map((file) => [file, runtimeImports(file)]));

// Tarjan's strongly connected components: every component of more than one module (or a
// module importing itself) is a cycle.
let index = 0;
const indices = new Map();
const lowLinks = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(file) {
  indices.set(file, index);
  lowLinks.set(file, index);
  index += 1;
  stack.push(file);
  onStack.add(file);
  for (const next of graph.get(file) ?? []) {
    if (!indices.has(next)) {
      connect(next);
      lowLinks.set(file, Math.min(lowLinks.get(file), lowLinks.get(next)));
    } else if (onStack.has(next)) {
      lowLinks.set(file, Math.min(lowLinks.get(file), indices.get(next)));
    }
  }
  if (lowLinks.get(file) === indices.get(file)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component);
  }
}
for (const file of files) if (!indices.has(file)) connect(file);

/** One concrete chain through a component, from its first file back to itself. */
function chainThrough(component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of graph.get(file) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const chain = [file];
        while (previous.get(chain[0]) !== undefined) chain.unshift(previous.get(chain[0]));
        return [...chain, start];
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

if (components.length === 0) {
  console.log(`import cycles: none among ${files.length} modules`);
} else {
  console.error(`import cycles: ${components.length} found (type-only imports do not count)`);
  for (const component of components) console.error(`  ${chainThrough(component).map((file) => relative(root, file)).join(' → ')}`);
  process.exit(1);
}
