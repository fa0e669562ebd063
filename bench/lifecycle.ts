// lifecycle: N applications at once from submission to the act, every real
// activity included (PDFs, e-mails to MailDev, projections), against a bare
// workflow that makes the same updates, timers and (no-op) activities on the
// same server in the same run.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { QueryTypes } from 'sequelize';
import type { Client } from '@temporalio/client';
import proto, { type temporal } from '@temporalio/proto';
import { applicationWorkflowId } from '../api/applications/service';
import { CATEGORIES } from '../domain/application';
import { STANDARD_DOC_KINDS } from '../documents/kinds';
import { renderStandardDocument } from '../documents/pdf';
import { applicants, attachmentsFor, fileApplication, settled, staffMember, type Applicant, type Caller } from './cabinet';
import { cpuSnapshot, cpuSpent } from './cpu';
import { fmt, median, percentile, ratioOf } from './report';
import type { BenchStack } from './stack';
import type { BenchFigure, BenchSection } from './types';
import { ApplicantId, CaseKind, CaseNumber, CaseOverdue, CaseStage, CaseStatus } from '../workflows/search-attributes';
import { bareAction, type bareCaseWorkflow } from './bare/workflow';
import { ENCRYPTED_SUFFIX, type BarePayloads, type BarePlan, type BareStep, type BareWork } from './bare/plan';
import { HAPPY_PATH, type Step } from './happy-path';


interface RoundResult {
  seconds: number;
  cases: number;
  updates: number[];
}

function act(staff: Caller, applicant: Caller, id: string, step: Step) {
  return step.by === 'staff' ? staff.staffApplications.act({ id, action: step.action, input: step.input }) : applicant.applications.act({ id, action: step.action, input: step.input });
}

async function oursRound(stack: BenchStack, people: Applicant[], staff: Caller, n: number): Promise<RoundResult & { ids: string[]; since: Date; lateSubmissions: number }> {
  const attachments = await Promise.all(people.map((p, i) => attachmentsFor(stack, p, Math.ceil((n - i) / people.length))));
  const since = new Date();
  const updates: number[] = [];
  const ids: string[] = [];
  let lateSubmissions = 0;
  const started = performance.now();
  await settled(
    Array.from({ length: n }, async (_, i) => {
      const person = people[i % people.length]!;
      const { id, late } = await fileApplication(person, attachments[i % people.length]![Math.floor(i / people.length)]!, stack.services.db);
      ids.push(id);
      if (late) lateSubmissions += 1;
      let stage = '';
      for (const step of HAPPY_PATH) {
        const t = performance.now();
        stage = (await act(staff, person.caller, id, step)).stage;
        updates.push(performance.now() - t);
      }
      if (stage !== 'completed') throw new Error(`application ${id} ended in ${stage}`);
      await stack.services.temporal.workflow.getHandle(applicationWorkflowId(id)).result();
    }),
  );
  return { seconds: (performance.now() - started) / 1000, cases: n, updates, ids, since, lateSubmissions };
}

/**
 * The bare baseline and its variants, each adding one of our costs: the
 * search attributes a case sets (at start and at every stage), then payloads
 * as large as a case's, encrypted by our codec.
 */
interface BareSide {
  name: string;
  plan: (shape: Shape) => BarePlan;
  client: (stack: BenchStack) => Client;
  taskQueue: (stack: BenchStack) => string;
  searchAttributes: boolean;
}

const withoutSearchAttributes = (w: BareWork): BareWork => ({ ...w, searchAttributes: 0 });

const BARE: BareSide = {
  name: 'bare',
  plan: ({ plan }) => ({ ...plan, start: withoutSearchAttributes(plan.start), steps: plan.steps.map((s) => ({ beforeReply: withoutSearchAttributes(s.beforeReply), afterReply: withoutSearchAttributes(s.afterReply) })) }),
  client: (stack) => stack.bareClient,
  taskQueue: (stack) => stack.bareTaskQueue,
  searchAttributes: false,
};

/** The bare worker's second task queue, whose payloads go through our codec (bench/bare/worker.ts). */
export const ENCRYPTED = {
  client: (stack: BenchStack) => stack.bareEncryptedClient,
  taskQueue: (stack: BenchStack) => `${stack.bareTaskQueue}${ENCRYPTED_SUFFIX}`,
};

const caseSized = ({ plan, payloads }: Shape): BarePlan => ({ ...plan, payloads, padding: 'x'.repeat(payloads.startInputBytes) });

const VARIANTS: BareSide[] = [
  { name: 'bare + search attributes', plan: ({ plan }) => plan, client: BARE.client, taskQueue: BARE.taskQueue, searchAttributes: true },
  { name: 'bare + search attributes + encrypted case-sized payloads', plan: caseSized, ...ENCRYPTED, searchAttributes: true },
  { name: 'bare + search attributes + encrypted case-sized payloads + heartbeats', plan: (shape) => ({ ...caseSized(shape), heartbeatAfterReply: true }), ...ENCRYPTED, searchAttributes: true },
];

async function bareRound(stack: BenchStack, side: BareSide, shape: Shape, n: number): Promise<RoundResult & { firstId: string }> {
  const updates: number[] = [];
  const ids = Array.from({ length: n }, () => `bare-${randomUUID()}`);
  const plan = side.plan(shape);
  const client = side.client(stack);
  const started = performance.now();
  await settled(
    ids.map(async (workflowId, i) => {
      const handle = await client.workflow.start<typeof bareCaseWorkflow>('bareCaseWorkflow', {
        taskQueue: side.taskQueue(stack),
        workflowId,
        args: [plan],
        // As a case starts (api/cases/commands.ts): what auditors find it by.
        typedSearchAttributes: side.searchAttributes
          ? [
              { key: CaseNumber, value: `BENCH-${i}` },
              { key: CaseKind, value: 'bench' },
              { key: CaseStage, value: 'registered' },
              { key: CaseStatus, value: 'active' },
              { key: ApplicantId, value: workflowId },
              { key: CaseOverdue, value: false },
            ]
          : undefined,
      });
      for (const step of HAPPY_PATH) {
        const t = performance.now();
        await handle.executeUpdate(bareAction, { args: [step.input] });
        updates.push(performance.now() - t);
      }
      await handle.result();
    }),
  );
  return { seconds: (performance.now() - started) / 1000, cases: n, updates, firstId: ids[0]! };
}

/** Activities whose work follows an action's answer (notifications, mail); everything else comes before it. */
const AFTER_REPLY = new Set(['notify', 'informSupplier']);

interface Shape {
  plan: BarePlan;
  /** Mean sizes of the case's payloads as stored by the server. */
  payloads: BarePayloads & { startInputBytes: number };
  activities: number;
  localActivities: number;
  searchAttributes: number;
  timers: number;
  updates: number;
  events: number;
  historyBytes: number;
}

const bytesOf = (payloads: { payloads?: Array<{ data?: Uint8Array | null }> | null } | null | undefined) => (payloads?.payloads ?? []).reduce((sum, p) => sum + (p.data?.length ?? 0), 0);
const mean = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1));

/**
 * The bare plan from a real case's history: the work between one action's
 * acceptance and the next, split at the answer. The next action is accepted
 * while the previous one's notifications may still run, so a step begins at
 * its first work of the "before the answer" kind.
 */
export function shapeOf(events: temporal.api.history.v1.IHistoryEvent[], waitMs: number): Shape {
  const zero = (): BareWork => ({ activities: 0, localActivities: 0, searchAttributes: 0 });
  const inputs: number[] = [];
  const results: number[] = [];
  let startInputBytes = 0;
  const start = zero();
  const steps: BareStep[] = [];
  let pending = false;
  let replied = false;
  let timers = 0;
  const current = (): BareWork => (steps.length === 0 ? start : replied ? steps.at(-1)!.afterReply : steps.at(-1)!.beforeReply);
  const beginIfPending = () => {
    if (!pending) return;
    steps.push({ beforeReply: zero(), afterReply: zero() });
    pending = false;
    replied = false;
  };
  for (const e of events) {
    if (e.workflowExecutionStartedEventAttributes) startInputBytes = bytesOf(e.workflowExecutionStartedEventAttributes.input);
    else if (e.workflowExecutionUpdateAcceptedEventAttributes) pending = true;
    else if (e.workflowExecutionUpdateCompletedEventAttributes) {
      beginIfPending();
      replied = true;
    } else if (e.timerStartedEventAttributes) timers += 1;
    else if (e.upsertWorkflowSearchAttributesEventAttributes) {
      beginIfPending();
      current().searchAttributes += 1;
    } else if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') {
      beginIfPending();
      current().localActivities += 1;
      results.push(bytesOf(e.markerRecordedEventAttributes.details?.result));
    } else if (e.activityTaskScheduledEventAttributes) {
      const type = e.activityTaskScheduledEventAttributes.activityType?.name ?? '';
      // A step's answer is recorded after the notifications its workflow task schedules: they belong after it.
      if (AFTER_REPLY.has(type)) (steps.at(-1)?.afterReply ?? start).activities += 1;
      else {
        beginIfPending();
        current().activities += 1;
      }
      inputs.push(bytesOf(e.activityTaskScheduledEventAttributes.input));
    } else if (e.activityTaskCompletedEventAttributes) results.push(bytesOf(e.activityTaskCompletedEventAttributes.result));
  }
  const works = [start, ...steps.flatMap((s) => [s.beforeReply, s.afterReply])];
  const total = (key: keyof BareWork) => works.reduce((sum, w) => sum + w[key], 0);
  return {
    plan: { start, steps, waitMs },
    payloads: { inputBytes: mean(inputs), resultBytes: mean(results), startInputBytes },
    activities: total('activities'),
    localActivities: total('localActivities'),
    searchAttributes: total('searchAttributes'),
    timers,
    updates: steps.length,
    events: events.length,
    historyBytes: events.reduce((sum, e) => sum + proto.temporal.api.history.v1.HistoryEvent.encode(e).len, 0),
  };
}

async function historyOf(client: Client, workflowId: string) {
  return (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}

/** CPU of one PDF, rendered here as the worker renders them: the standard documents, the longest there are (an upper bound per document). */
async function pdfCpuMs(): Promise<number> {
  const all = CATEGORIES.flatMap((category) => STANDARD_DOC_KINDS.map((kind) => () => renderStandardDocument(kind, category)));
  for (const render of all) await render();
  const before = process.cpuUsage();
  for (let i = 0; i < 3; i++) for (const render of all) await render();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000 / (3 * all.length);
}

const describeShape = (s: Omit<Shape, 'plan'>) =>
  `${s.events} events (${fmt(s.historyBytes / 1024)} KiB), ${s.updates} updates, ${s.activities} activities, ${s.localActivities} local activities, ${s.searchAttributes} search attribute upserts, ${s.timers} timers; payloads: workflow input ${s.payloads.startInputBytes} B, activity inputs ${s.payloads.inputBytes} B and results ${s.payloads.resultBytes} B on average`;

export async function run(stack: BenchStack): Promise<BenchSection> {
  const n = stack.quick ? 10 : 200;
  const rounds = stack.quick ? 1 : 3;
  const people = await applicants(stack, Math.min(n, 50));
  const { caller: staff } = await staffMember(stack);
  // The statutory terms are days: a wait never times out during a round, in either workflow.
  const waitMs = 3 * 24 * 3600_000;

  const figure = (label: string, unit: string): BenchFigure => ({ label, unit, rounds: [] });
  const f = {
    oursCases: figure('ours: cases/s', 'cases/s'),
    bareCases: figure('bare: cases/s', 'cases/s'),
    oursUpdates: figure('ours: updates/s', 'updates/s'),
    bareUpdates: figure('bare: updates/s', 'updates/s'),
    oursP50: figure('ours: p50 update latency', 'ms'),
    oursP99: figure('ours: p99 update latency', 'ms'),
    bareP50: figure('bare: p50 update latency', 'ms'),
    bareP99: figure('bare: p99 update latency', 'ms'),
  };
  const variantCases = new Map(VARIANTS.map((v) => [v.name, figure(`${v.name}: cases/s`, 'cases/s')]));
  const notes: string[] = [];
  const cpuPerCase = new Map<string, BenchFigure>();
  const recordCpu = (side: string, spent: Record<string, number>, groups?: string[]) => {
    for (const [group, seconds] of Object.entries({ ...spent, 'all processes': Object.values(spent).reduce((a, b) => a + b, 0) })) {
      if (groups && !groups.includes(group)) continue;
      const label = `${side}: CPU per case, ${group}`;
      if (!cpuPerCase.has(label)) cpuPerCase.set(label, figure(label, 'ms'));
      cpuPerCase.get(label)!.rounds.push((seconds * 1000) / n);
    }
  };
  // A warm-up case each (caches, JIT, fonts, connections); the real case's history gives the bare plan.
  stack.log('lifecycle: one warm-up case each…');
  const warm = await oursRound(stack, people, staff, 1);
  const shape = shapeOf(await historyOf(stack.services.temporal, applicationWorkflowId(warm.ids[0]!)), waitMs);
  const bareWarm = await bareRound(stack, BARE, shape, 1);
  for (const variant of VARIANTS) await bareRound(stack, variant, shape, 1);
  const bareShape = shapeOf(await historyOf(stack.bareClient, bareWarm.firstId), waitMs);
  notes.push(`Per case, from its history: ours ${describeShape(shape)}; bare ${describeShape(bareShape)}.`);
  let documentsPerCase = 0;
  for (let round = 1; round <= rounds; round++) {
    stack.log(`lifecycle round ${round}/${rounds}: ${n} applications from submission to the act…`);
    const cpu0 = cpuSnapshot(stack.cpuGroups);
    const ours = await oursRound(stack, people, staff, n);
    const cpu1 = cpuSnapshot(stack.cpuGroups);
    if (round === 1) {
      const [work] = await stack.services.db.sequelize.query<{ documents: string; mails: string }>(
        `SELECT (SELECT count(*) FROM documents WHERE case_id = ANY($1::uuid[]) AND source = 'system') AS documents,
                (SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND created_at >= $2) AS mails`,
        { bind: [ours.ids, ours.since], type: QueryTypes.SELECT },
      );
      documentsPerCase = Number(work!.documents) / n;
      notes.push(`Real work in round 1 (${n} cases): ${work!.documents} PDF documents published, ${work!.mails} e-mails sent to MailDev.`);
    }
    stack.log(`  ours: ${ours.seconds.toFixed(1)} s; bare…`);
    if (ours.lateSubmissions) notes.push(`Round ${round}: ${ours.lateSubmissions} of ${n} submissions answered «processing is late» (the API waits 20 s for the read model); the benchmark waited for those cases itself.`);
    const bare = await bareRound(stack, BARE, shape, n);
    const cpu2 = cpuSnapshot(stack.cpuGroups);
    stack.log(`  bare: ${bare.seconds.toFixed(1)} s`);
    recordCpu('ours', cpuSpent(cpu0, cpu1));
    recordCpu('bare', cpuSpent(cpu1, cpu2));
    for (const [r, cases, updatesPerS, p50, p99] of [
      [ours, f.oursCases, f.oursUpdates, f.oursP50, f.oursP99],
      [bare, f.bareCases, f.bareUpdates, f.bareP50, f.bareP99],
    ] as const) {
      cases.rounds.push(r.cases / r.seconds);
      updatesPerS.rounds.push(r.updates.length / r.seconds);
      p50.rounds.push(percentile(r.updates, 50));
      p99.rounds.push(percentile(r.updates, 99));
    }
    for (const variant of VARIANTS) {
      const before = cpuSnapshot(stack.cpuGroups);
      const r = await bareRound(stack, variant, shape, n);
      stack.log(`  ${variant.name}: ${r.seconds.toFixed(1)} s`);
      variantCases.get(variant.name)!.rounds.push(r.cases / r.seconds);
      recordCpu(variant.name, cpuSpent(before, cpuSnapshot(stack.cpuGroups)), ['bare worker', 'Temporal dev server', 'all processes']);
    }
  }
  const cpu = (label: string) => median(cpuPerCase.get(label)?.rounds ?? []);
  const [oursCpu, bareCpu] = [cpu('ours: CPU per case, all processes'), cpu('bare: CPU per case, all processes')];
  const pdfMs = await pdfCpuMs();
  const mailDevMs = cpu('ours: CPU per case, MailDev (mail catcher)');
  const withoutRealWork = oursCpu - documentsPerCase * pdfMs - mailDevMs;
  notes.push(
    `Throughput follows CPU time per case when every core is busy: ours ${fmt(oursCpu)} ms, bare ${fmt(bareCpu)} ms across all processes (bare/ours ${fmt(bareCpu / oursCpu)}). The largest difference is the worker: ${fmt(cpu('ours: CPU per case, worker'))} ms against ${fmt(cpu('bare: CPU per case, bare worker'))} ms in the bare worker — rendering the case's PDFs, sending its e-mails, the projections (BENCH_CPU_PROF=1 profiles both workers).`,
    `What the bare side does not do: ${fmt(documentsPerCase)} PDFs per case at up to ${fmt(pdfMs)} ms of CPU each (pdfkit and fontkit laying out DejaVu; measured here on the longest documents), ≤ ${fmt(documentsPerCase * pdfMs)} ms, and MailDev parsing the case's e-mails, ${fmt(mailDevMs)} ms (a real SMTP relay's work in production). Without those two, ours would spend ≥ ${fmt(withoutRealWork)} ms per case: bare/ours ≤ ${fmt(bareCpu / withoutRealWork)}.`,
    splitOfTheRest(cpu, shape.plan.steps.reduce((sum, s) => sum + s.afterReply.activities, 0), stack.quick),
  );
  notes.push(`${n} cases at once per round, driven through the API's procedures in-process (submit, then ${HAPPY_PATH.length} actions by staff and applicant); a case counts when its workflow has completed, its last e-mails included.`);
  return {
    id: 'lifecycle',
    title: `Lifecycle: ${n} applications from submission to the act`,
    figures: [...Object.values(f), ...variantCases.values(), ...cpuPerCase.values()],
    ratios: [ratioOf('lifecycle.cases_per_s.ours/bare', f.oursCases, f.bareCases, '>=', 0.7)],
    notes,
  };
}

/** Where the Temporal server's and the workers' extra CPU goes, from the variants that add one of our costs at a time. */
function splitOfTheRest(cpu: (label: string) => number, heartbeats: number, quick: boolean): string {
  const [withAttributes, withPayloads, withHeartbeats] = VARIANTS.map((v) => v.name);
  const server = (side: string) => cpu(`${side}: CPU per case, Temporal dev server`);
  const worker = (side: string) => cpu(`${side}: CPU per case, ${side === 'ours' ? 'worker' : 'bare worker'}`);
  const step = (of: (side: string) => number, from: string, to: string) => `${fmt(of(to) - of(from))}`;
  return [
    `The rest, split by the bare variants (each adds one of our costs to the bare case, same plan)${quick ? '; in quick mode (one round of a few cases) the steps are within the noise and can come out negative: read the split from a full run (bench/RESULTS-full.md)' : ''}:`,
    `Temporal dev server ${fmt(server('bare'))} ms per case bare; search attributes (set at start and at each of the case's stages) +${step(server, 'bare', withAttributes!)} ms;`,
    `payloads as large as a case's, through our AES-GCM codec, +${step(server, withAttributes!, withPayloads!)} ms; a heartbeat in each of the ${heartbeats} activities after an answer (ours heartbeats once per e-mail handed to SMTP, to remember it if the outbox cannot be marked) +${step(server, withPayloads!, withHeartbeats!)} ms;`,
    `ours then adds +${step(server, withHeartbeats!, 'ours')} ms (${fmt(server('ours'))} ms): its history is larger (events and KiB above), two patch markers and their search attribute, and the workflow's own timers.`,
    `Worker: bare ${fmt(worker('bare'))} ms; with the search attributes +${step(worker, 'bare', withAttributes!)} ms, with encrypted case-sized payloads +${step(worker, withAttributes!, withPayloads!)} ms, with heartbeats +${step(worker, withPayloads!, withHeartbeats!)} ms; ours ${fmt(worker('ours'))} ms, of which PDFs are above.`,
  ].join(' ');
}
