// The ESLint rule that keeps workflow code deterministic: workflows/** may not make value
// imports of Node built-ins, activity implementations or the db/infra/mail layers, while
// `import type` (erased at compile time) stays allowed. Runs the project's real
// eslint.config.js through ESLint's Node API.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

const eslint = new ESLint({ cwd: ROOT });

// The files need not exist: lintText only uses the path to pick the config.
const WORKFLOW_FILE = path.join(ROOT, 'workflows', '__import-rule-probe.ts');
const ACTIVITY_FILE = path.join(ROOT, 'activities', '__import-rule-probe.ts');

async function lint(code: string, filePath = WORKFLOW_FILE): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result, 'ESLint returned no result').toBeDefined();
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, 'the probe source must parse').toEqual([]);
  return result!.messages;
}

async function restrictedImportLines(code: string, filePath = WORKFLOW_FILE): Promise<number[]> {
  const messages = await lint(code, filePath);
  return messages.filter((m) => m.ruleId === RULE).map((m) => m.line);
}

describe('workflow import rule (eslint.config.js)', () => {
  it('applies to files under workflows/', async () => {
    const config = await eslint.calculateConfigForFile(WORKFLOW_FILE);
    expect(config.rules?.[RULE]?.[0]).toBe(2); // "error"
  });

  it('reports a value import of node:fs', async () => {
    expect(await restrictedImportLines(`import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n`)).toEqual([1]);
  });

  it('reports a value import of ../activities', async () => {
    const lines = await restrictedImportLines(
      [
        `import { sendMail } from '../activities';`,
        `import * as all from '../activities/index.js';`,
        `import { render } from '../activities/mail-templates';`,
        `export const used = [sendMail, all, render];`,
      ].join('\n'),
    );
    expect(lines).toEqual([1, 2, 3]);
  });

  it('allows type-only imports of ../activities', async () => {
    const code = [
      `import type { X } from '../activities';`,
      `import type * as activities from '../activities';`,
      `import { type Y } from '../activities/mailer';`,
      `export type T = X | Y | typeof activities;`,
    ].join('\n');
    expect(await restrictedImportLines(code)).toEqual([]);
  });

  it.each([
    ['fs', `import fs from 'fs';`],
    ['node:crypto', `import { randomUUID } from 'node:crypto';`],
    ['child_process', `import { exec } from 'child_process';`],
    ['http', `import http from 'http';`],
    ['../db', `import { sequelize } from '../db';`],
    ['../db/models', `import { User } from '../db/models/user';`],
    ['../infra/config', `import { readEnv } from '../infra/config';`],
    ['../api', `import { router } from '../api/router';`],
    ['nodemailer', `import nodemailer from 'nodemailer';`],
    ['pdfkit', `import PDFDocument from 'pdfkit';`],
    ['sequelize', `import { Sequelize } from 'sequelize';`],
    ['pg', `import pg from 'pg';`],
    ['@temporalio/activity', `import { Context } from '@temporalio/activity';`],
  ])('reports a value import of %s', async (_name, line) => {
    expect(await restrictedImportLines(`${line}\nexport {};\n`)).toEqual([1]);
  });

  it('allows what workflows are meant to use', async () => {
    const code = [
      `import { proxyActivities, sleep } from '@temporalio/workflow';`,
      `import { ApplicationFailure } from '@temporalio/common';`,
      `import { addWorkingDays } from '../domain/calendar';`,
      `import type { Client } from '@temporalio/client';`,
      `export const used = [proxyActivities, sleep, ApplicationFailure, addWorkingDays];`,
      `export type C = Client;`,
    ].join('\n');
    expect(await restrictedImportLines(code)).toEqual([]);
  });

  it('reports dynamic import() in workflows', async () => {
    const messages = await lint(`export const load = () => import('node:fs');\n`);
    expect(messages.some((m) => m.ruleId === 'no-restricted-syntax')).toBe(true);
  });

  it('does not restrict activities/', async () => {
    expect(await restrictedImportLines(`import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n`, ACTIVITY_FILE)).toEqual([]);
  });
});
