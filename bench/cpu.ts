// Where the time goes: CPU seconds of each process of the stack, read from
// /proc before and after a measured stretch. Unlike wall time, CPU time per
// case hardly depends on what else the machine is doing.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime of the process itself, and of its children it has waited for. */
  own: number;
  reaped: number;
}

function stat(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may contain spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(fields[i - 3]);
    return { pid, ppid: n(4), own: (n(14) + n(15)) / TICKS_PER_SECOND, reaped: (n(16) + n(17)) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function allProcesses(): ProcStat[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => stat(Number(d)))
    .filter((s): s is ProcStat => s !== undefined);
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** CPU seconds of a process and all its descendants (live, and those already waited for). */
function treeSeconds(root: number, all: ProcStat[]): number {
  const byParent = new Map<number, ProcStat[]>();
  for (const p of all) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const top = all.find((p) => p.pid === root);
  if (!top) return 0;
  let total = top.own + top.reaped;
  for (const child of byParent.get(root) ?? []) total += treeSeconds(child.pid, all);
  return total;
}

/** Label → a process, alone or with its descendants (PostgreSQL's backends are children of its postmaster). */
/** A group is one process (with its children when `tree`), or several processes of one role (`also`: the cluster's second worker, second API). */
export type CpuGroups = Record<string, { pid: number; tree?: boolean; also?: number[] }>;

/** The Temporal dev server and the PostgreSQL postmaster: the processes whose command line names the stack's data folder. */
export function stackProcesses(dataDir: string): { temporal?: number; postgres?: number } {
  const found: { temporal?: number; postgres?: number } = {};
  for (const p of allProcesses()) {
    const cmd = cmdline(p.pid);
    if (!cmd.includes(dataDir)) continue;
    if (cmd.includes('start-dev')) found.temporal = p.pid;
    else if (/(^|\/)postgres /.test(cmd)) found.postgres = p.pid;
  }
  return found;
}

export function cpuSnapshot(groups: CpuGroups): Record<string, number> {
  const all = allProcesses();
  const alone = (pid: number) => all.find((p) => p.pid === pid)?.own ?? 0;
  const seconds = (pid: number, tree?: boolean) => (tree ? treeSeconds(pid, all) : alone(pid));
  return Object.fromEntries(Object.entries(groups).map(([label, { pid, tree, also = [] }]) => [label, [pid, ...also].reduce((sum, p) => sum + seconds(p, tree), 0)]));
}

/** CPU seconds spent by each group between two snapshots. */
export function cpuSpent(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((label) => [label, after[label]! - (before[label] ?? 0)]));
}

/**
 * Waits until the given processes are nearly idle (under `share` of one core over
 * a second), so a measurement does not share the machine with the tail of
 * earlier work (a filed case's PDFs and e-mails). Returns the seconds waited.
 */
export async function settle(groups: CpuGroups, opts: { share?: number; timeoutMs?: number } = {}): Promise<number> {
  const share = opts.share ?? 0.05;
  const started = Date.now();
  for (;;) {
    const before = cpuSnapshot(groups);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const busiest = Math.max(...Object.values(cpuSpent(before, cpuSnapshot(groups))));
    if (busiest < share || Date.now() - started > (opts.timeoutMs ?? 60_000)) return (Date.now() - started) / 1000;
  }
}
