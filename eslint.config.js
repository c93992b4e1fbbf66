import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'storybook-static/**',
      'coverage/**',
      '.tmp/**',
      'test/apps/**/dist/**',
      'test/apps/**/node_modules/**',
      '.storybook/public/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['stories/**', '.storybook/**', '*.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../hooks/*', '../../hooks/*', '../components/*', '../../components/*'],
              message: 'src/ never imports hooks or components.',
            },
          ],
        },
      ],
    },
  },
  {
    // The core is framework-free (TanStack query-core, zustand vanilla): config -> context -> operations.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'src/core is framework-free: React belongs in src/react or hooks.' },
            { name: 'react-dom', message: 'src/core is framework-free.' },
            { name: 'zustand', message: "src/core uses 'zustand/vanilla' only (no React binding)." },
          ],
          patterns: [
            { group: ['react/*', 'react-dom/*'], message: 'src/core is framework-free.' },
            { group: ['@tanstack/*'], message: 'src/core is framework-free: react-query belongs in src/react.' },
            {
              group: ['../react/*', '../hooks/*', '../../hooks/*', '../components/*', '../../components/*'],
              message: 'Data flows one way: the core never imports the React bindings, hooks or components.',
            },
          ],
        },
      ],
    },
  },
);
