// The contract between the benchmark runner (bench/run.ts) and each benchmark.
// A benchmark returns raw figures (every round kept) and the ratios it judges;
// the runner prints them, computes median and min–max, and writes RESULTS.md.

export interface BenchFigure {
  /** e.g. "ours: updates/s" or "bare: p99 update latency" */
  label: string;
  unit: string;
  /** one value per round; the report shows median and min–max */
  rounds: number[];
}

export interface BenchRatio {
  /** printed as `RATIO <name> <value> target <op> <target>` */
  name: string;
  value: number;
  op: '>=' | '<=' | '<';
  target: number;
}

export interface BenchSection {
  id: 'lifecycle' | 'read' | 'ryw' | 'scale' | 'web';
  title: string;
  figures: BenchFigure[];
  ratios: BenchRatio[];
  /** what limits a missed target, with evidence (EXPLAIN ANALYZE lines, profiles…) */
  notes: string[];
}

/** What a benchmark gets from the runner: a running cabinet on the real stack. */
export interface BenchTarget {
  quick: boolean;
  /** the cabinet's base URL (API + built web), e.g. http://localhost:3200 */
  appUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  mailApiUrl: string;
  /** the worker runs as a child process so its resident memory can be read */
  workerPid: number;
  log(line: string): void;
}

/** What bench/mail-catcher.ts prints once MailDev listens. */
export const MAIL_CATCHER_READY = 'mail catcher ready';
