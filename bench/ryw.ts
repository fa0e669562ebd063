// ryw (read your writes): from a staff member's Update call to the moment the
// applicant's read model shows it, against a bare Update round-trip on the same
// server. Our action answers only once the projection is stored
// (workflows/case/machine.ts), so the first read already sees it. For
// reference, the same over HTTP: the operator's action in the cabinet until the
// applicant's case page shows it.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { QueryTypes } from 'sequelize';
import { actorOf, applicationWorkflowId, sendAction } from '../api/applications/service';
import { applicants, attachmentsFor, fileApplication, pool, STAFF_ACCOUNT, staffMember } from './cabinet';
import { settle } from './cpu';
import { fmt, median, percentile, ratioOf } from './report';
import type { BenchStack } from './stack';
import type { BenchFigure, BenchSection } from './types';
import { bareAction, type bareCaseWorkflow } from './bare/workflow';
import { NO_WORK, type BarePayloads, type BareStep, type BareWork } from './bare/plan';
import { ENCRYPTED, shapeOf } from './lifecycle';

/** The work our action does before and after its answer, read off the history of a case that took it. */
async function ourActionShape(stack: BenchStack, applicationId: string): Promise<{ step: BareStep; payloads: BarePayloads; described: string }> {
  const history = await stack.services.temporal.workflow.getHandle(applicationWorkflowId(applicationId)).fetchHistory();
  const shape = shapeOf(history.events ?? [], 0);
  const step = shape.plan.steps[0]!;
  const work = (w: BareWork) => `${w.searchAttributes} search attribute upserts, ${w.localActivities} local activities, ${w.activities} activities`;
  return { step, payloads: shape.payloads, described: `before the answer ${work(step.beforeReply)}; after it ${work(step.afterReply)}` };
}

export async function run(stack: BenchStack): Promise<BenchSection> {
  const rounds = stack.quick ? 1 : 3;
  const samples = stack.quick ? 20 : 150;
  const people = await applicants(stack, Math.min(samples, 50));
  const { client: staff } = await staffMember(stack);
  const staffUser = (await stack.services.db.User.findOne({ where: { email: STAFF_ACCOUNT.email } }))!;
  const figure = (label: string, unit = 'ms'): BenchFigure => ({ label, unit, rounds: [] });
  const f = {
    oursP50: figure('ours: p50 Update call → read model shows it'),
    oursP99: figure('ours: p99 Update call → read model shows it'),
    bareP50: figure('bare: p50 update round-trip'),
    bareP99: figure('bare: p99 update round-trip'),
    shapedP50: figure('bare shaped like our action: p50 update round-trip'),
    shapedP99: figure('bare shaped like our action: p99 update round-trip'),
    httpP50: figure('over HTTP: p50 operator action → applicant page shows it'),
    httpP99: figure('over HTTP: p99 operator action → applicant page shows it'),
  };
  const stageOf = async (id: string) =>
    (await stack.services.db.sequelize.query<{ stage: string }>('SELECT stage FROM applications WHERE id = $1', { bind: [id], type: QueryTypes.SELECT }))[0]?.stage;
  let firstReadSaw = 0;
  let shaped: { step: BareStep; payloads: BarePayloads; described: string } | undefined;
  for (let round = 1; round <= rounds; round++) {
    stack.log(`ryw round ${round}/${rounds}: filing ${2 * samples} applications…`);
    const attachments = await Promise.all(people.map((p, i) => attachmentsFor(stack, p, Math.ceil((2 * samples - i) / people.length))));
    const cases = await pool(Array.from({ length: 2 * samples }, (_, i) => i), 10, async (i) => {
      const person = people[i % people.length]!;
      return { person, id: (await fileApplication(person, attachments[i % people.length]![Math.floor(i / people.length)]!, stack.services.db)).id };
    });
    const waitMs = 3 * 24 * 3600_000;
    const bareHandles = await pool(cases.slice(0, samples), 10, () =>
      stack.bareClient.workflow.start<typeof bareCaseWorkflow>('bareCaseWorkflow', {
        taskQueue: stack.bareTaskQueue,
        workflowId: `bare-ryw-${randomUUID()}`,
        args: [{ start: NO_WORK, steps: [{ beforeReply: NO_WORK, afterReply: NO_WORK }], waitMs }],
      }),
    );
    // The filings left PDFs and e-mails to the worker: measure on a quiet machine, one action at a time (a latency, not a queue).
    await settle({ worker: stack.cpuGroups.worker!, 'bare worker': stack.cpuGroups['bare worker']! });
    stack.log(`  ${samples} staff Updates, each followed by a read of the read model…`);
    const ours: number[] = [];
    for (const { id } of cases.slice(0, samples)) {
      const t = performance.now();
      await sendAction(stack.services, id, 'acceptComplete', actorOf(staffUser), { comment: '' });
      let reads = 1;
      while ((await stageOf(id)) !== 'preparingDocuments') reads += 1;
      ours.push(performance.now() - t);
      if (reads === 1) firstReadSaw += 1;
    }
    const roundTrips = async (handles: typeof bareHandles) => {
      const took: number[] = [];
      for (const handle of handles) {
        const t = performance.now();
        await handle.executeUpdate(bareAction, { args: [{ comment: '' }] });
        took.push(performance.now() - t);
      }
      return took;
    };
    const bare = await roundTrips(bareHandles);
    // The same action's work, read off the history of a case that took it, done by the bare workflow: what Temporal alone costs for it.
    shaped ??= await ourActionShape(stack, cases[0]!.id);
    const plan = shaped;
    const shapedHandles = await pool(cases.slice(0, samples), 10, () =>
      ENCRYPTED.client(stack).workflow.start<typeof bareCaseWorkflow>('bareCaseWorkflow', {
        taskQueue: ENCRYPTED.taskQueue(stack),
        workflowId: `bare-ryw-shaped-${randomUUID()}`,
        args: [{ start: NO_WORK, steps: [plan.step], payloads: plan.payloads, waitMs }],
      }),
    );
    await settle({ 'bare worker': stack.cpuGroups['bare worker']! });
    const bareShaped = await roundTrips(shapedHandles);
    stack.log(`  ${samples} operator actions over HTTP, each followed by the applicant's case page…`);
    const overHttp: number[] = [];
    for (const { person, id } of cases.slice(samples)) {
      const t = performance.now();
      await staff.staffApplications.act.mutate({ id, action: 'acceptComplete', input: { comment: '' } });
      while ((await person.client.applications.get.query({ id })).summary.stage !== 'preparingDocuments');
      overHttp.push(performance.now() - t);
    }
    f.oursP50.rounds.push(percentile(ours, 50));
    f.oursP99.rounds.push(percentile(ours, 99));
    f.bareP50.rounds.push(percentile(bare, 50));
    f.bareP99.rounds.push(percentile(bare, 99));
    f.shapedP50.rounds.push(percentile(bareShaped, 50));
    f.shapedP99.rounds.push(percentile(bareShaped, 99));
    f.httpP50.rounds.push(percentile(overHttp, 50));
    f.httpP99.rounds.push(percentile(overHttp, 99));
  }
  return {
    id: 'ryw',
    title: 'Read your writes: a staff Update until the applicant\'s read model shows it',
    figures: Object.values(f),
    ratios: [ratioOf('ryw.p99.ours/bare', f.oursP99, f.bareP99, '<=', 2)],
    notes: [
      `${samples} samples per round, one at a time, on a quiet worker: «Принять заявку как полную» sent as the API sends it (a Workflow Update through the Temporal client), then the applicant's row in the read model read until it shows the new stage; the bare side is one Update on an idle bare workflow (one per sample).`,
      "Our Update is answered once its projection is stored: one workflow task takes the action and runs one local activity in it, the projection, which also computes the stage's deadline (patch 'deadline-in-projection'; before it, a second local activity computed the deadline; before patch 'projection-as-local-activity', the projection was an activity and a second workflow task, p50 152 ms over HTTP). The bare Update is answered within its first workflow task with no activity.",
      `The bare workflow shaped like our action does Temporal's part of it and nothing of ours: ${shaped?.described ?? '—'}, with payloads of the case's sizes through our codec. Ours against it: p50 ${fmt(median(f.oursP50.rounds) / median(f.shapedP50.rounds))} ×, p99 ${fmt(median(f.oursP99.rounds) / median(f.shapedP99.rounds))} ×.`,
      `The first read of the read model showed the action in ${firstReadSaw} of ${samples * rounds} samples.`,
      'Over HTTP adds the operator\'s request (session, ownership check) and the applicant\'s case page (session, three queries) around the same Update.',
    ],
  };
}
