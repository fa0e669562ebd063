// scale, the Temporal half: many open applications, each with its live
// deadline timer, filed through the API's submit procedure with bounded
// concurrency; the time it takes and the worker's resident memory.
import { performance } from 'node:perf_hooks';
import { applicants, attachmentsFor, fileApplication, pool } from './cabinet';
import { cpuSnapshot, cpuSpent } from './cpu';
import { percentile } from './report';
import { residentMiB, type BenchStack } from './stack';
import type { BenchSection } from './types';

const CONCURRENCY = 50;

export async function run(stack: BenchStack): Promise<BenchSection> {
  // BENCH_SCALE_CASES: another count, e.g. to compare worker cache sizes (WORKER_MAX_CACHED_WORKFLOWS) without the full hour.
  const n = Number(process.env.BENCH_SCALE_CASES) || (stack.quick ? 100 : 10_000);
  const people = await applicants(stack, 50);
  stack.log(`scale: preparing attachments for ${n} applications…`);
  const attachments = await Promise.all(people.map((p, i) => attachmentsFor(stack, p, Math.ceil((n - i) / people.length))));
  const rssBefore = residentMiB(stack.workerPid);
  const openBefore = await stack.services.temporal.workflow.count('WorkflowType = "connectionApplicationWorkflow" AND ExecutionStatus = "Running"');
  stack.log(`scale: filing ${n} applications, ${CONCURRENCY} at a time…`);
  const latencies: number[] = [];
  const cpuBefore = cpuSnapshot(stack.cpuGroups);
  const started = performance.now();
  let done = 0;
  let lateSubmissions = 0;
  const progress = setInterval(() => stack.log(`  ${done}/${n} filed, ${Math.round((performance.now() - started) / 1000)} s`), 15_000);
  try {
    await pool(Array.from({ length: n }, (_, i) => i), CONCURRENCY, async (i) => {
      const t = performance.now();
      const { late } = await fileApplication(people[i % people.length]!, attachments[i % people.length]![Math.floor(i / people.length)]!, stack.services.db);
      latencies.push(performance.now() - t);
      if (late) lateSubmissions += 1;
      done += 1;
    });
  } finally {
    clearInterval(progress);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSpent(cpuBefore, cpuSnapshot(stack.cpuGroups));
  const rssAfter = residentMiB(stack.workerPid);
  const open = await stack.services.temporal.workflow.count('WorkflowType = "connectionApplicationWorkflow" AND ExecutionStatus = "Running"');
  const opened = open.count - openBefore.count;
  if (opened < n) throw new Error(`only ${opened} of ${n} new applications are running`);
  return {
    id: 'scale',
    title: `Scale (Temporal): ${n} open applications with live deadline timers`,
    figures: [
      { label: `filing ${n} applications`, unit: 's', rounds: [seconds] },
      { label: 'filing rate', unit: 'applications/s', rounds: [n / seconds] },
      { label: 'submit p50 (until the case is in the completeness check)', unit: 'ms', rounds: [percentile(latencies, 50)] },
      { label: 'submit p99', unit: 'ms', rounds: [percentile(latencies, 99)] },
      ...Object.entries(cpu).map(([group, cpuSeconds]) => ({ label: `CPU per filed case, ${group}`, unit: 'ms', rounds: [(cpuSeconds * 1000) / n] })),
      { label: 'worker resident memory before', unit: 'MiB', rounds: [rssBefore] },
      { label: `worker resident memory after ${n} more open cases`, unit: 'MiB', rounds: [rssAfter] },
    ],
    ratios: [],
    notes: [
      `Filed through the applicant's submit procedure (in-process), ${CONCURRENCY} at a time; each answer waits until the read model shows the case in the completeness check, so every case has published its receipt PDF, sent its e-mails and started its 3-working-day deadline timer. ${open.count} application workflows are running at the end (Temporal visibility).`,
      'One round: the open cases stay open for the benchmarks that follow.',
      ...(lateSubmissions ? [`${lateSubmissions} of ${n} submissions answered «processing is late» (the API waits 20 s for the read model); their latency counts until the read model showed them.`] : []),
    ],
  };
}
