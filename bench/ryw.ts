// ryw (read your writes): from a staff member's action over HTTP to the moment
// the applicant's own case page shows it, against a bare Update round-trip on
// the same server. Our action answers only once the projection is stored
// (workflows/case/machine.ts), so the applicant's first read already sees it.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { applicants, attachmentsFor, fileApplication, pool, staffMember } from './cabinet';
import { percentile, ratioOf } from './report';
import type { BenchStack } from './stack';
import type { BenchFigure, BenchSection } from './types';
import { bareAction, type bareCaseWorkflow } from './bare/workflow';
import { NO_WORK } from './bare/plan';

export async function run(stack: BenchStack): Promise<BenchSection> {
  const rounds = stack.quick ? 1 : 3;
  const samples = stack.quick ? 20 : 150;
  const people = await applicants(stack, Math.min(samples, 50));
  const { client: staff } = await staffMember(stack);
  const figure = (label: string, unit = 'ms'): BenchFigure => ({ label, unit, rounds: [] });
  const f = { oursP50: figure('ours: p50 action → applicant sees it'), oursP99: figure('ours: p99 action → applicant sees it'), bareP50: figure('bare: p50 update round-trip'), bareP99: figure('bare: p99 update round-trip') };
  let firstReadSaw = 0;
  for (let round = 1; round <= rounds; round++) {
    stack.log(`ryw round ${round}/${rounds}: filing ${samples} applications…`);
    const attachments = await Promise.all(people.map((p, i) => attachmentsFor(stack, p, Math.ceil((samples - i) / people.length))));
    const cases = await pool(Array.from({ length: samples }, (_, i) => i), 10, async (i) => {
      const person = people[i % people.length]!;
      return { person, id: (await fileApplication(person, attachments[i % people.length]![Math.floor(i / people.length)]!, stack.services.db)).id };
    });
    const bareHandles = await pool(cases, 10, () =>
      stack.bareClient.workflow.start<typeof bareCaseWorkflow>('bareCaseWorkflow', {
        taskQueue: stack.bareTaskQueue,
        workflowId: `bare-ryw-${randomUUID()}`,
        args: [{ start: NO_WORK, steps: [{ beforeReply: NO_WORK, afterReply: NO_WORK }], waitMs: 3 * 24 * 3600_000 }],
      }),
    );
    // One at a time: the latency of an action, not of a queue.
    stack.log(`  ${samples} staff actions, each followed by the applicant's reads…`);
    const ours: number[] = [];
    for (const { person, id } of cases) {
      const t = performance.now();
      await staff.staffApplications.act.mutate({ id, action: 'acceptComplete', input: { comment: '' } });
      for (let reads = 1; ; reads++) {
        const view = await person.client.applications.get.query({ id });
        if (view.summary.stage === 'preparingDocuments') {
          if (reads === 1) firstReadSaw += 1;
          break;
        }
      }
      ours.push(performance.now() - t);
    }
    const bare: number[] = [];
    for (const handle of bareHandles) {
      const t = performance.now();
      await handle.executeUpdate(bareAction, { args: [{ comment: '' }] });
      bare.push(performance.now() - t);
    }
    f.oursP50.rounds.push(percentile(ours, 50));
    f.oursP99.rounds.push(percentile(ours, 99));
    f.bareP50.rounds.push(percentile(bare, 50));
    f.bareP99.rounds.push(percentile(bare, 99));
  }
  return {
    id: 'ryw',
    title: 'Read your writes: a staff action until the applicant sees it',
    figures: Object.values(f),
    ratios: [ratioOf('ryw.p99.ours/bare', f.oursP99, f.bareP99, '<=', 2)],
    notes: [
      `${samples} samples per round, one at a time: «Принять заявку как полную» by the operator over HTTP (tRPC), then the applicant's case page over HTTP until it shows the new stage; the bare side is one Update on an idle bare workflow (one per sample) through the Temporal client.`,
      "Our action is answered once its projection is stored: the workflow task that takes the action (with the deadline's local activity), the projection activity (scheduled, polled, run, completed: a second workflow task), around it the HTTP request with its session lookup, and the applicant's read; the bare Update is answered within its first workflow task.",
      `The applicant's first read showed the action in ${firstReadSaw} of ${samples * rounds} samples.`,
    ],
  };
}
