// Each fault scenario records what it survived; the suite's teardown sums them
// into one line: `faults survived X/Y, lost N, duplicated M`.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../../infra/config';

export interface FaultOutcome {
  /** e.g. "worker SIGKILL ×20" */
  fault: string;
  survived: boolean;
  /** cases, e-mails or submissions that never arrived */
  lost: number;
  /** e-mails sent twice, duplicate read-model rows */
  duplicated: number;
  /** e-mails SMTP had already stored when a crash kept the outbox from knowing, sent again with the same Message-ID */
  resent?: number;
  /** figures worth printing, e.g. { kills: 21, cases: 30, p99Ms: 180 } */
  figures?: Record<string, number>;
}

const FILE = path.join(ROOT_DIR, 'tests', '.artifacts', `faults-${process.env.TEST_PORT_OFFSET ?? 0}.jsonl`);

export function recordFault(outcome: FaultOutcome): void {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.appendFileSync(FILE, JSON.stringify(outcome) + '\n');
  console.log(`fault ${outcome.fault}: ${outcome.survived ? 'survived' : 'NOT survived'}, lost ${outcome.lost}, duplicated ${outcome.duplicated}${outcome.resent ? `, re-sent after a crash ${outcome.resent}` : ''}${outcome.figures ? ' ' + JSON.stringify(outcome.figures) : ''}`);
}

export function resetOutcomes(): void {
  fs.rmSync(FILE, { force: true });
}

export function summarizeOutcomes(): string {
  const outcomes: FaultOutcome[] = fs.existsSync(FILE)
    ? fs.readFileSync(FILE, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as FaultOutcome)
    : [];
  const sum = (pick: (o: FaultOutcome) => number) => outcomes.reduce((n, o) => n + pick(o), 0);
  const lines = outcomes.map((o) => `  ${o.survived ? '✓' : '✗'} ${o.fault}: lost ${o.lost}, duplicated ${o.duplicated}${o.resent ? `, re-sent after a crash ${o.resent}` : ''}${o.figures ? ' ' + JSON.stringify(o.figures) : ''}`);
  const resent = sum((o) => o.resent ?? 0);
  const resentNote = resent ? ` (and ${resent} e-mails re-sent with their Message-ID after a crash mid-send)` : '';
  return [...lines, `faults survived ${outcomes.filter((o) => o.survived).length}/${outcomes.length}, lost ${sum((o) => o.lost)}, duplicated ${sum((o) => o.duplicated)}${resentNote}`].join('\n');
}
