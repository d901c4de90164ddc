// ESLint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte, with
// formatting left to Prettier (eslint-config-prettier turns the rules that would fight it off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['build/', '.svelte-kit/', 'data/', 'node_modules/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    rules: {
      // A leading underscore names what is left out on purpose (a destructured field dropped).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }
      ],
      // The app is served at the root (no paths.base): a link is its path and the query string
      // the filters build (src/lib/dashboard-state/url-state.ts), which resolve() has no use for.
      'svelte/no-navigation-without-resolve': 'off',
      // State here is replaced, never mutated in place (a copied Set assigned back); a Map or Set
      // local to a function, or a module's cache, is not state.
      'svelte/prefer-svelte-reactivity': 'off'
    }
  },
  {
    // Code that reaches the browser takes only types from the zod schemas of the API contract,
    // so no zod is shipped to the pages (contract.ts infers its types from src/lib/contract/schemas.ts).
    files: ['src/routes/**', 'src/lib/{contract,components,charts,dashboard-state,data,format,i18n}/**'],
    ignores: ['src/lib/contract/schemas.ts', 'src/routes/**/*.server.ts', 'src/routes/api/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', '**/contract/schemas', '**/contract/schemas.js', '#lib/contract/schemas.js'],
              allowTypeImports: true,
              message: 'Browser code imports only types from the API schemas (import type), so zod stays on the server.'
            }
          ]
        }
      ]
    }
  },
  {
    // Tests read JSON answers loosely, field by field.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser } }
  }
);
