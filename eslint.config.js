import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'lib/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in the browser and in Node alike: no Node-only modules, no React.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'http', 'https', 'net', 'path', 'child_process', 'crypto'], message: 'src/engine must not use Node-only modules.' }, { group: ['react', 'react-dom', 'zustand'], message: 'src/engine is UI-free.' }] },
      ],
    },
  },
  {
    // The relay and the lab speak to the page through src/wire; the lab takes nothing from the
    // engine, the relay only its types (it performs requests through server/net).
    files: ['server/lab/**/*.ts', 'server/relay/**/*.ts'],
    ignores: ['**/*.test.ts', 'server/relay/bench.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/engine/**'], allowTypeImports: true, message: 'The relay and the lab import the contract from src/wire, never the engine.' }] },
      ],
    },
  },
  {
    files: ['server/lab/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/src/engine/**'], message: 'The lab imports nothing from the engine (its contract with the debugger is in src/wire).' }] }],
    },
  },
);
