import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'apps/web/dist', 'data', 'apps/server/migrations'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Modules talk through each other's index.ts, never through their stores, services or tables.
    files: ['apps/server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$)', message: '跨模块只能通过对方的 index.ts 导入' }] },
      ],
    },
  },
);
