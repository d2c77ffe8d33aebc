import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '__tests__/artifacts/'] },
  js.configs.recommended,
  // Type-aware: a promise that is neither awaited nor handled (no-floating-promises) or passed where
  // a void callback is expected (no-misused-promises) loses its error, which is a run that fails late
  // or not at all.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname
      },
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
      // An async method without await is how a synchronous implementation meets a Promise-returning
      // interface (a host's locate, a fake's sleep); the rule would ask for Promise.resolve noise.
      '@typescript-eslint/require-await': 'off'
    }
  },
  { files: ['scripts/**', '__tests__/**'], rules: { 'no-console': 'off' } },
  // Plain-JavaScript scripts and configs carry no types to check against: every value would be
  // `any`, so the type-aware rules would only report noise there.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked }
)
