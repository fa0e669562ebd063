// `npm run replay -- …`: replays case histories against the workflow code of
// this checkout, and checks read models against the histories.
//
//   npm run replay -- application-<uuid>                 one case, fetched from Temporal
//   npm run replay -- path/to/history.json               a downloaded history file
//   npm run replay -- --closed-from 2026-11-01 --closed-to 2026-11-30 [--kind application]
//   npm run replay -- --check-read-models application-<uuid>
//   npm run replay -- --check-read-models --closed-from … --closed-to … [--kind …]
//
// Connects like the worker: TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE (default: the
// embedded dev server on 127.0.0.1:$TEMPORAL_PORT) and, for read models,
// DATABASE_URL (default: the embedded PostgreSQL). Exit code 1 when any case
// fails, 2 on a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { CASE_KINDS, fetchCaseHistory, isCaseKind, parseCaseWorkflowId } from '../api/audit/kinds';
import { checkReadModel, type ReadModelReport } from '../api/audit/read-model';
import { replayOne, replayQuery, type BatchResult } from '../api/audit/replay';
import { visibilityQuery } from '../api/audit/search';
import { caseSearchSchema } from '../domain/audit';
import { connectDb, type Db } from '../db';
import { readEnv, type Env } from '../infra/config';
import { temporalDataConverter } from '../infra/data-converter';
import { installRuntime } from '../worker/create-worker';
import { connectTemporalCli } from './temporal-cli-connection';

class UsageError extends Error {}

const USAGE = `Использование:
  npm run replay -- <идентификатор процесса | файл истории .json>
  npm run replay -- --closed-from ГГГГ-ММ-ДД --closed-to ГГГГ-ММ-ДД [--kind ${CASE_KINDS.join('|')}]
  npm run replay -- --check-read-models <идентификатор процесса>
  npm run replay -- --check-read-models --closed-from ГГГГ-ММ-ДД --closed-to ГГГГ-ММ-ДД [--kind …]`;

/** A text progress bar on stderr: redrawn in place on a terminal, one line per case in a log. */
function progress(total: number) {
  const tty = process.stderr.isTTY;
  let done = 0;
  return (label: string, ok: boolean) => {
    done += 1;
    const width = 30;
    const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width;
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total || '?'}`;
    if (tty) process.stderr.write(`\r${bar} ${ok ? 'OK ' : 'ОШИБКА'} ${label}`.padEnd(process.stderr.columns || 100).slice(0, (process.stderr.columns || 100) - 1));
    else process.stderr.write(`${bar} ${ok ? 'OK' : 'ОШИБКА'} ${label}\n`);
    if (tty && done >= total) process.stderr.write('\n');
  };
}

function database(env: Env): Db {
  // The embedded PostgreSQL of `npm start` (infra/postgres.ts) when DATABASE_URL is not set.
  return connectDb(env.DATABASE_URL ?? `postgres://postgres:kabinet-local@127.0.0.1:${env.EMBEDDED_PG_PORT}/kabinet`, { poolMax: 2 });
}

function periodQuery(from: string | undefined, to: string | undefined, kind: string | undefined): string {
  if (!from || !to) throw new UsageError('Укажите оба конца периода: --closed-from и --closed-to');
  if (kind !== undefined && !isCaseKind(kind)) throw new UsageError(`--kind: ${CASE_KINDS.join(' или ')}`);
  const parsed = caseSearchSchema.safeParse({ from, to, dateField: 'closed', kind });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  return visibilityQuery(parsed.data);
}

function printReplaySummary(summary: { replayed: number; deterministic: number; failed: BatchResult[] }) {
  console.log(`Воспроизведено: ${summary.replayed}; детерминировано: ${summary.deterministic}; с расхождением: ${summary.failed.length}`);
  for (const f of summary.failed) console.log(`  ✗ ${f.workflowId} (${f.runId}): ${f.outcome.deterministic ? '' : `${f.outcome.errorType}: ${f.outcome.error}`}`);
}

function printReadModelReport(report: ReadModelReport) {
  if (report.differences.length === 0) {
    console.log(`✓ ${report.workflowId}: расхождений нет (событий сверено: ${report.checkedEvents}${report.pending.length ? `, в обработке: ${report.pending.join(', ')}` : ''})`);
    return;
  }
  console.log(`✗ ${report.workflowId}: расхождений ${report.differences.length}`);
  for (const d of report.differences) console.log(`    ${d.table} [${d.row}] ${d.field}: в витрине «${d.stored}», по истории «${d.expected}»`);
}

async function replaySingle(env: Env, target: string): Promise<number> {
  const file = target.endsWith('.json') || fs.existsSync(target) ? path.resolve(target) : null;
  if (file) {
    if (!fs.existsSync(file)) throw new UsageError(`Файл ${file} не найден`);
    const history = historyFromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
    const workflowId = path.basename(file, '.json');
    // A history saved by «Аудит» is in clear text, one from `temporal workflow show` encrypted: the converter reads both.
    const outcome = await replayOne(history, workflowId, temporalDataConverter(env));
    printReplaySummary({ replayed: 1, deterministic: outcome.deterministic ? 1 : 0, failed: outcome.deterministic ? [] : [{ workflowId, runId: 'файл', outcome }] });
    return outcome.deterministic ? 0 : 1;
  }
  const ref = parseCaseWorkflowId(target);
  if (!ref) throw new UsageError(`«${target}» — не файл истории и не идентификатор процесса вида application-<uuid> или appeal-<uuid>`);
  const { client, close } = await connectTemporalCli(env);
  try {
    const history = await fetchCaseHistory(client, ref);
    if (!history) throw new Error(`Процесс ${ref.workflowId} не найден в Temporal`);
    const outcome = await replayOne(history, ref.workflowId, temporalDataConverter(env));
    printReplaySummary({ replayed: 1, deterministic: outcome.deterministic ? 1 : 0, failed: outcome.deterministic ? [] : [{ workflowId: ref.workflowId, runId: '', outcome }] });
    return outcome.deterministic ? 0 : 1;
  } finally {
    await close();
  }
}

async function replayPeriod(env: Env, query: string): Promise<number> {
  const { client, close } = await connectTemporalCli(env);
  try {
    const { count } = await client.workflow.count(query);
    console.error(`Запрос: ${query}\nПроцессов: ${count}`);
    const tick = progress(count);
    const summary = await replayQuery(client, query, temporalDataConverter(env), (r) => tick(r.workflowId, r.outcome.deterministic));
    printReplaySummary(summary);
    return summary.failed.length ? 1 : 0;
  } finally {
    await close();
  }
}

async function checkReadModels(env: Env, opts: { target?: string; query?: string }): Promise<number> {
  const { client, close } = await connectTemporalCli(env);
  const db = database(env);
  try {
    const workflowIds: AsyncIterable<string> = opts.target
      ? (async function* () {
          yield opts.target!;
        })()
      : (async function* () {
          for await (const wf of client.workflow.list({ query: opts.query! })) yield wf.workflowId;
        })();
    const total = opts.target ? 1 : (await client.workflow.count(opts.query!)).count;
    if (opts.query) console.error(`Запрос: ${opts.query}\nПроцессов: ${total}`);
    const tick = progress(total);
    let checked = 0;
    let failed = 0;
    for await (const workflowId of workflowIds) {
      const ref = parseCaseWorkflowId(workflowId);
      if (!ref) continue;
      const history = await fetchCaseHistory(client, ref);
      if (!history) throw new Error(`Процесс ${workflowId} не найден в Temporal`);
      const report = await checkReadModel(db, ref, history);
      checked += 1;
      if (report.differences.length) failed += 1;
      tick(workflowId, report.differences.length === 0);
      if (report.differences.length || opts.target) printReadModelReport(report);
    }
    console.log(`Сверено витрин: ${checked}; без расхождений: ${checked - failed}; с расхождениями: ${failed}`);
    return failed ? 1 : 0;
  } finally {
    await db.close();
    await close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const env = readEnv();
  installRuntime('error');
  const period = values['closed-from'] !== undefined || values['closed-to'] !== undefined;
  if (positionals.length > 1 || (positionals.length === 1) === period) throw new UsageError('Укажите либо один процесс (или файл), либо период --closed-from/--closed-to');
  const query = period ? periodQuery(values['closed-from'], values['closed-to'], values.kind) : undefined;
  if (values['check-read-models']) {
    const target = positionals[0];
    if (target && !parseCaseWorkflowId(target)) throw new UsageError('Сверка витрины — по идентификатору процесса вида application-<uuid>');
    return checkReadModels(env, { target: target ? parseCaseWorkflowId(target)!.workflowId : undefined, query });
  }
  return query ? replayPeriod(env, query) : replaySingle(env, positionals[0]!);
}

function parseOptions(argv: string[]) {
  try {
    return parseOptionsStrict(argv);
  } catch (error) {
    // node:util reports unknown options in English; the CLI speaks Russian like the rest.
    throw new UsageError(`Неверные параметры (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseOptionsStrict(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'closed-from': { type: 'string' },
      'closed-to': { type: 'string' },
      kind: { type: 'string' },
      'check-read-models': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`Ошибка: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? `Ошибка: ${error.message}` : error);
    process.exit(1);
  },
);
