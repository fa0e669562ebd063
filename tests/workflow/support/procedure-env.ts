// A Temporal dev server (the locally built CLI, via @temporalio/testing) and a
// worker running the real workflow code with in-memory activities: the
// procedure and the procedure table are checked in seconds, without
// PostgreSQL, mail or PDFs. The integration suites check the real activities.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll } from 'vitest';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../../../activities';
import { assessPenalty } from '../../../domain/penalties';
import { applicationFactsOf, computeInvoice } from '../../../domain/invoice';
import type { Tariff } from '../../../domain/tariffs';
import { planSchedule, reminderBefore } from '../../../domain/payment-schedule';
import { resolveTerms, resumedDeadline, termDeadline, TERM_KEYS, type ResolvedTerms, type TermOverrides } from '../../../domain/regulations';
import { findTemporalCli } from '../../../infra/temporal-cli';
import { workflowBundle } from '../../../worker/create-worker';
import type { ApplicationWorkflowInput } from '../../../workflows/application/contract';
import type { AppealWorkflowInput } from '../../../workflows/appeal/contract';
import type { Actor, CaseEventRecord, CaseSnapshot, NotificationRequest, Projected, StartingTerm } from '../../../workflows/case/contract';
import { ALL_SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';
import type { ConversationMessage } from '../../../domain/conversation';

/** The filed form and the tariff the in-memory invoice is computed from (the integration suites read the real ones). */
const FILED_FORM = { category: 'individual15', maxPowerKw: 15, voltageKv: 0.4, reliability: 'III', territory: 'urban', distanceToNetworkM: 10 };
const INVOICE_TARIFF: Tariff = {
  id: 'workflow-test',
  region: 'Тестовый регион',
  title: 'Ставки для проверки процедуры',
  validFrom: '2026-01-01',
  validTo: null,
  decision: 'Тест',
  sample: true,
  source: 'tests/workflow',
  vatRatePercent: 22,
  preferentialRatePerKwKop: null,
  preferentialRateVatIncluded: true,
  rates: [{ category: '*', territory: '*', voltageClass: '*', item: 'C1', rateKop: 19_745_00, vatIncluded: false, note: '' }],
};

export interface Recorded {
  /** Every projected event, by case id, in order. */
  events: Map<string, CaseEventRecord[]>;
  /** The last stored summary of each case. */
  summaries: Map<string, CaseSnapshot>;
  notices: NotificationRequest[];
  supplierMails: Array<{ caseNumber: string; title: string }>;
  /** Conversation messages as projected (workflows/case/conversation.ts). */
  messages: ConversationMessage[];
  /** Added to every deadline computed from now on: a stand-in for a production calendar that moved a day off. */
  calendarShiftMs: number;
}

function project<S extends CaseSnapshot>(recorded: Recorded) {
  return async (snapshotIn: S, eventIn: CaseEventRecord, starting?: StartingTerm): Promise<Projected<S>> => {
    const deadlineAt = starting ? termDeadline(starting.startMs, starting.term) : undefined;
    const snapshot = deadlineAt === undefined ? snapshotIn : { ...snapshotIn, deadlineAt };
    const event = deadlineAt === undefined ? eventIn : { ...eventIn, deadlineAt };
    const list = recorded.events.get(snapshot.id) ?? [];
    // Idempotent like the real projection: a retried event is stored once.
    if (!list.some((e) => e.seq === event.seq)) list.push(event);
    recorded.events.set(snapshot.id, list);
    recorded.summaries.set(snapshot.id, snapshot);
    return { snapshot, event };
  };
}

/** The activities a case workflow calls, in memory; anything else fails loudly. */
function fakeActivities(recorded: Recorded): Partial<Activities> {
  return {
    deadlineFor: async (startMs, term) => termDeadline(startMs, term) + recorded.calendarShiftMs,
    resumeDeadline: async (resumeAtMs, leftMs, term) => resumedDeadline(resumeAtMs, leftMs, term),
    termAtRiskFrom: async (deadlineMs, before) => reminderBefore(deadlineMs, before),
    assessPenalty: async (input) => assessPenalty(input),
    planPaymentSchedule: async (request) => planSchedule(request),
    computeInvoice: async (request) =>
      computeInvoice({ facts: applicationFactsOf(FILED_FORM, request.tariffRegion, '2026-01-15'), scope: request.scope, tariff: INVOICE_TARIFF, correction: request.correction ?? null, correctedBy: request.correctedBy ?? null }),
    projectApplication: project(recorded),
    projectAppeal: project(recorded),
    notify: async (request) => void recorded.notices.push(request),
    projectMessage: async (message) => {
      if (!recorded.messages.some((m) => m.caseId === message.caseId && m.n === message.n)) recorded.messages.push(message);
      return { n: message.n };
    },
    informSupplier: async (request) => void recorded.supplierMails.push({ caseNumber: request.caseNumber, title: request.title }),
    attachSupplyContract: async (request) => ({ filename: `Проект договора ${request.documentId.slice(0, 8)}.pdf` }),
    publishDocuments: async (request) =>
      request.kinds.map((kind, i) => ({ id: randomUUID(), kind, title: `Документ ${kind}`, filename: `${kind}.pdf`, size: 1, sha256: String(i), stage: request.stage })) as Awaited<ReturnType<Activities['publishDocuments']>>,
  };
}

export interface ProcedureEnv {
  env: TestWorkflowEnvironment;
  recorded: Recorded;
  taskQueue: string;
  /** Runs the body while a worker serves the task queue. */
  run<T>(body: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export async function startProcedureEnv(): Promise<ProcedureEnv> {
  const cli = findTemporalCli();
  if (!cli) throw new Error('No temporal CLI: run `npx tsx infra/temporal-cli.ts` (builds it once into .tools/bin)');
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: cli }, ip: '127.0.0.1', searchAttributes: ALL_SEARCH_ATTRIBUTES, extraArgs: ['--log-level', 'error'] },
  });
  const recorded: Recorded = { events: new Map(), summaries: new Map(), notices: [], supplierMails: [], messages: [], calendarShiftMs: 0 };
  const taskQueue = `procedure-${randomUUID()}`;
  const bundle = await workflowBundle();
  return {
    env,
    recorded,
    taskQueue,
    // A worker runs once: each body gets its own, on the same task queue.
    run: async (body) => (await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakeActivities(recorded) })).runUntil(body),
    stop: () => env.teardown(),
  };
}

/** One environment for a test file, started before its tests and stopped after them. */
export function useProcedureEnv(): () => ProcedureEnv {
  let env: ProcedureEnv | undefined;
  beforeAll(async () => {
    env = await startProcedureEnv();
  }, 120_000);
  afterAll(async () => env?.stop());
  return () => env!;
}

/** Every term an hour long (nothing lapses by accident), then the ones a test shrinks. */
export function longTerms(overrides: TermOverrides = {}): ResolvedTerms {
  // No at-risk warning unless a test asks for one (issue 20 item 3; tests/workflow/escalation.test.ts).
  return resolveTerms({ scale: 'seconds', ...Object.fromEntries(TERM_KEYS.map((k) => [k, { amount: 3600, unit: 'seconds' as const }])), termAtRisk: { amount: 0, unit: 'seconds' }, ...overrides });
}

export const STAFF: Actor = { id: randomUUID(), name: 'Сидорова Анна', role: 'staff' };

export function applicationInput(terms: ResolvedTerms, patch: Partial<ApplicationWorkflowInput> = {}): ApplicationWorkflowInput {
  const id = randomUUID();
  return {
    applicationId: id,
    number: `ТП-2026-${id.slice(0, 6)}`,
    applicant: { id: randomUUID(), name: 'Иванов Иван Иванович' },
    category: 'individual15',
    object: { name: 'Жилой дом', address: 'д. Берёзовка, ул. Луговая, 5', maxPowerKw: 15, voltageKv: 0.4, distanceM: 10, territory: 'rural' },
    publicBuyer: false,
    supplier: { id: 'gp-center', name: 'АО «ЦЭСК»', email: 'gp@example.ru' },
    submittedAt: Date.now(),
    terms,
    ...patch,
  };
}

export function appealInput(terms: ResolvedTerms): AppealWorkflowInput {
  const id = randomUUID();
  return {
    appealId: id,
    number: `ОБР-2026-${id.slice(0, 6)}`,
    applicant: { id: randomUUID(), name: 'Петров Пётр Петрович' },
    topic: 'connection',
    kind: 'question',
    channel: 'electronic',
    answerChannel: 'cabinet',
    applicationId: null,
    registeredAt: Date.now(),
    terms,
  };
}
