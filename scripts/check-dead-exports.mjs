#!/usr/bin/env node
// Fails on an exported value (function, class, constant) that no other module imports: it is
// either dead code or a name that should stay inside its module. Exported types are not counted. Every module under src/, server/, scripts/, e2e/ and bin/ counts as a
// user, tests included; the entry points' exports are public by design (the library API, the
// page's entry, the Vite config). `import * as x` and `export *` use every name of the module.
// Run by `npm run check`; an argument names another project folder (the script's own test).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = process.argv[2] ? `${resolve(process.argv[2])}/` : fileURLToPath(new URL('..', import.meta.url));

/** Modules whose exports are used from outside the project. */
const PUBLIC_ENTRIES = new Set(['server/library/index.ts', 'src/main.tsx', 'vite.config.ts', 'e2e/playwright.config.ts']);

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.(tsx?|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|ts|tsx|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, `${stem}.mjs`, `${stem}.js`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

const hasExportModifier = (node) => ts.getModifiers?.(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;

const files = [...['src', 'server', 'scripts', 'e2e', 'bin'].flatMap((dir) => sourceFiles(join(root, dir))), join(root, 'vite.config.ts')].filter((file) => existsSync(file));
/** file → exported name → line */
const exported = new Map();
/** file → names imported from it by other modules ('*' for all) */
const used = new Map();
const use = (file, name) => {
  if (!used.has(file)) used.set(file, new Set());
  used.get(file).add(name);
};

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : undefined);
  const names = new Map();
  const line = (node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const target = resolveSpecifier(file, statement.moduleSpecifier.text);
      const clause = statement.importClause;
      if (!target || !clause) continue;
      if (clause.name) use(target, 'default');
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) use(target, '*');
      else if (bindings) for (const element of bindings.elements) use(target, (element.propertyName ?? element.name).text);
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      const target = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? resolveSpecifier(file, statement.moduleSpecifier.text) : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (target) use(target, '*'); // export * from
        continue;
      }
      if (ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (target) use(target, (element.propertyName ?? element.name).text);
          if (!statement.isTypeOnly && !element.isTypeOnly) names.set(element.name.text, line(element));
        }
      }
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      names.set('default', line(statement));
      continue;
    }
    if (!hasExportModifier(statement)) continue;
    // Types cost nothing at run time and name the shapes of exported functions: not counted.
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
    const isDefault = ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
    if (isDefault) names.set('default', line(statement));
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.set(declaration.name.text, line(declaration));
    } else if (statement.name && ts.isIdentifier(statement.name)) names.set(statement.name.text, line(statement));
  }
  // Dynamic imports (`import('./x.js')`) and test runners' string references use the module as a whole.
  for (const match of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    const target = resolveSpecifier(file, match[1]);
    if (target) use(target, '*');
  }
  exported.set(file, names);
}

const dead = [];
for (const [file, names] of exported) {
  const path = relative(root, file);
  if (PUBLIC_ENTRIES.has(path)) continue;
  const users = used.get(file) ?? new Set();
  if (users.has('*')) continue;
  for (const [name, line] of names) if (!users.has(name)) dead.push(`${path}:${line} ${name}`);
}

if (dead.length === 0) {
  console.log(`dead exports: none among ${files.length} modules`);
} else {
  console.error(`dead exports: ${dead.length} exported names no other module imports (remove them, or drop "export"):`);
  for (const entry of dead.sort()) console.error(`  ${entry}`);
  process.exit(1);
}
