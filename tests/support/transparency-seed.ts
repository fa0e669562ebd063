// Known cases in one quarter for the open-figures tests (issue 21): applications with
// their stage history written straight into the read models (applications and
// case_events, as the projection would) and answered appeals. The quarter is picked at
// random in a year no other test uses, so the figures of that quarter are these cases'.
import { randomUUID } from 'node:crypto';
import { CATEGORIES, type Stage } from '../../domain/application';
import { moscowDate, workingDaysBetween, type ProductionCalendar } from '../../domain/calendar';
import { quarterRange, type LeadTimeRow, type Quarter } from '../../domain/transparency';
import type { Db } from '../../db';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SeededEvent {
  seq: number;
  stage: Stage;
  type: string;
  at: Date;
  deadlineAt: Date | null;
}

export interface SeededCase {
  id: string;
  category: 'individual15' | 'upTo150' | 'upTo670' | 'over670';
  maxPowerKw: number;
  /** The voltage of the filed form (application_drafts.form.voltageKv); null: the case has no form row. */
  voltageKv: number | null;
  /** The invoice staff posted with the contract documents. */
  invoiceAmountRub: number;
  status: 'active' | 'completed' | 'annulled' | 'withdrawn';
  submittedAt: Date;
  contractConcludedAt: Date | null;
  finishedAt: Date | null;
  events: SeededEvent[];
}

export interface SeededAppeal {
  topic: 'metering' | 'connection' | 'serviceQuality';
  registeredAt: Date;
  answeredAt: Date;
  answeredLate: boolean;
}

export interface Seeded {
  quarter: Quarter;
  cases: SeededCase[];
  appeals: SeededAppeal[];
}

/**
 * A random quarter of the nine years from `firstYear`. The browser test and the integration test seed
 * from different years (they run at once on one database: a shared quarter would mix their cases).
 */
export function randomOldQuarter(firstYear = 2010): Quarter {
  return `${firstYear + Math.floor(Math.random() * 9)}-Q${1 + Math.floor(Math.random() * 4)}`;
}

const SHAPES = [
  { category: 'individual15', kw: 15, kv: 0.4, invoice: 55_000.5, status: 'completed' },
  { category: 'individual15', kw: 10, kv: 0.23, invoice: 36_666.67, status: 'active' },
  { category: 'upTo150', kw: 100, kv: 10, invoice: 250_000.1, status: 'active' },
  { category: 'upTo150', kw: 150, kv: null, invoice: 300_000, status: 'annulled' },
  { category: 'upTo670', kw: 400, kv: 35, invoice: 1_234_567.89, status: 'completed' },
  { category: 'over670', kw: 1000, kv: 110, invoice: 2_000_000.01, status: 'withdrawn' },
  { category: 'individual15', kw: 5, kv: 0.4, invoice: 20_000, status: 'active' },
] as const;

/** The input of the 'documents-posted' event: the typed amount (older cases) and/or the computed invoice. */
function postedInput(c: SeededCase): Record<string, unknown> {
  const invoice = { totalKop: Math.round(c.invoiceAmountRub * 100), lines: [] };
  if (c.maxPowerKw === 400) return { invoiceAmountRub: c.invoiceAmountRub, invoice };
  if (c.maxPowerKw === 1000) return { invoice };
  return { invoiceAmountRub: c.invoiceAmountRub };
}

/** Seven applications (with their form's voltage and the invoice posted) and five appeals in the quarter; some stages late, one stage left after the quarter. */
export async function seedQuarter(db: Db, applicantId: string, quarter: Quarter = randomOldQuarter()): Promise<Seeded> {
  const { fromMs } = quarterRange(quarter);
  const cases: SeededCase[] = [];
  for (const [i, shape] of SHAPES.entries()) {
    const t0 = fromMs + (3 + i * 5) * DAY + 10 * HOUR;
    // Stage entries: registered, completenessCheck, preparingDocuments (+ a comment in it), awaitingPayment, tuFulfilment, completed.
    const check = t0 + 30_000;
    const prepare = check + (1 + (i % 3)) * DAY + i * HOUR;
    const payment = prepare + (4 + i * 2) * DAY;
    const tu = payment + (2 + i) * DAY;
    // The last case leaves awaitingPayment only after the quarter: that stage is not counted.
    const tuAt = i === SHAPES.length - 1 ? fromMs + 100 * DAY : tu;
    const events: SeededEvent[] = [
      { seq: 1, stage: 'registered', type: 'submitted', at: new Date(t0), deadlineAt: null },
      { seq: 2, stage: 'completenessCheck', type: 'stage', at: new Date(check), deadlineAt: new Date(check + 3 * DAY) },
      { seq: 3, stage: 'preparingDocuments', type: 'accepted', at: new Date(prepare), deadlineAt: new Date(prepare + (i % 2 ? 6 : 14) * DAY) },
      { seq: 4, stage: 'preparingDocuments', type: 'comment', at: new Date(prepare + DAY), deadlineAt: null },
      { seq: 5, stage: 'awaitingPayment', type: 'documents-posted', at: new Date(payment), deadlineAt: new Date(payment + 7 * DAY) },
      { seq: 6, stage: 'tuFulfilment', type: 'paid', at: new Date(tuAt), deadlineAt: new Date(tuAt + 180 * DAY) },
    ];
    const finished = shape.status === 'active' ? null : new Date(tu + 20 * DAY);
    if (finished && shape.status !== 'active') events.push({ seq: 7, stage: shape.status, type: shape.status, at: finished, deadlineAt: null });
    cases.push({
      id: randomUUID(),
      category: shape.category,
      maxPowerKw: shape.kw,
      voltageKv: shape.kv,
      invoiceAmountRub: shape.invoice,
      status: shape.status,
      submittedAt: new Date(t0),
      contractConcludedAt: new Date(tuAt),
      finishedAt: finished,
      events,
    });
  }
  for (const c of cases) {
    const last = c.events[c.events.length - 1]!;
    const number = `ТП-${quarter.slice(0, 4)}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    // The filed form (its id is the application's); one case has none, as if filed before forms were kept.
    if (c.voltageKv !== null) await db.ApplicationDraft.create({ id: c.id, userId: applicantId, number, form: { maxPowerKw: c.maxPowerKw, voltageKv: c.voltageKv }, submittedAt: c.submittedAt });
    await db.Application.create({
      id: c.id,
      number,
      applicantId,
      applicantName: 'Открытые данные Тест',
      category: c.category,
      objectName: 'Жилой дом',
      objectAddress: 'г. Тверь, ул. Лесная, д. 1',
      maxPowerKw: c.maxPowerKw,
      stage: last.stage,
      status: c.status,
      whoActs: c.status === 'active' ? 'grid' : 'nobody',
      stageStartedAt: last.at,
      deadlineAt: null,
      deadlineTerm: null,
      overdueSince: null,
      submittedAt: c.submittedAt,
      contractConcludedAt: c.contractConcludedAt,
      finishedAt: c.finishedAt,
      annulReason: null,
      lastSeq: last.seq,
    });
    for (const e of c.events) {
      await db.CaseEvent.create({
        caseId: c.id,
        seq: e.seq,
        caseKind: 'application',
        type: e.type,
        stage: e.stage,
        title: e.type,
        actorId: null,
        actorName: null,
        actorRole: null,
        comment: '',
        // The invoice is posted with the contract documents, as the workflow records it: before the invoice
        // was computed, the amount staff typed; since, also the computed invoice with its total in kopecks
        // (the 400 kW case); the 1000 kW case carries only the invoice, so that field is read on its own.
        data: e.type === 'documents-posted' ? { action: 'postContractDocuments', input: postedInput(c) } : {},
        deadlineAt: e.deadlineAt,
        at: e.at,
      });
    }
  }

  const appeals: SeededAppeal[] = [
    { topic: 'metering', registeredAt: new Date(fromMs + 2 * DAY), answeredAt: new Date(fromMs + 9 * DAY), answeredLate: false },
    { topic: 'metering', registeredAt: new Date(fromMs + 3 * DAY), answeredAt: new Date(fromMs + 40 * DAY), answeredLate: true },
    { topic: 'connection', registeredAt: new Date(fromMs + 5 * DAY), answeredAt: new Date(fromMs + 20 * DAY), answeredLate: false },
    { topic: 'connection', registeredAt: new Date(fromMs + 10 * DAY), answeredAt: new Date(fromMs + 38 * DAY), answeredLate: false },
    { topic: 'serviceQuality', registeredAt: new Date(fromMs + 30 * DAY), answeredAt: new Date(fromMs + 31 * DAY + 22 * HOUR), answeredLate: false },
  ];
  for (const a of appeals) {
    await db.Appeal.create({
      id: randomUUID(),
      number: `ОБР-${quarter.slice(0, 4)}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      applicantId,
      applicantName: 'Открытые данные Тест',
      topic: a.topic,
      kind: 'complaint',
      channel: 'electronic',
      answerChannel: 'cabinet',
      applicationId: null,
      assigneeId: null,
      assigneeName: null,
      stage: 'closed',
      status: 'closed',
      whoActs: 'nobody',
      stageStartedAt: a.answeredAt,
      deadlineAt: null,
      deadlineTerm: null,
      overdueSince: null,
      registeredAt: a.registeredAt,
      answeredAt: a.answeredAt,
      answeredLate: a.answeredLate,
      finishedAt: a.answeredAt,
      lastSeq: 9,
    });
  }
  return { quarter, cases, appeals };
}

/** percentile_cont by its definition, written apart from the code under test. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const r = p * (s.length - 1);
  const lo = s[Math.floor(r)]!;
  const hi = s[Math.ceil(r)]!;
  return Math.round((lo + (hi - lo) * (r - Math.floor(r))) * 10) / 10;
}

/** The dashboard's stage rows computed directly from the seeded histories, day by day on the calendar. */
export function expectedLeadTimes(seeded: Seeded, calendar: ProductionCalendar) {
  const { fromMs, untilMs } = quarterRange(seeded.quarter);
  const wd = (a: Date, b: Date) => workingDaysBetween(moscowDate(a.getTime()), moscowDate(b.getTime()), calendar);
  const samples: Array<{ stage: string; category: string; actual: number; statutory: number | null; late: boolean }> = [];
  for (const c of seeded.cases) {
    const entries = c.events.filter((e, i) => i === 0 || c.events[i - 1]!.stage !== e.stage);
    entries.forEach((entry, i) => {
      const next = entries[i + 1];
      if (!next || next.at.getTime() < fromMs || next.at.getTime() >= untilMs) return;
      samples.push({
        stage: entry.stage,
        category: c.category,
        actual: wd(entry.at, next.at),
        statutory: entry.deadlineAt ? wd(entry.at, entry.deadlineAt) : null,
        late: entry.deadlineAt !== null && next.at > entry.deadlineAt,
      });
    });
  }
  const row = (stage: string, category: LeadTimeRow['category'], xs: typeof samples): LeadTimeRow => {
    const termed = xs.filter((x) => x.statutory !== null);
    const late = termed.filter((x) => x.late).length;
    return {
      stage,
      category,
      count: xs.length,
      medianWorkingDays: percentile(xs.map((x) => x.actual), 0.5),
      p90WorkingDays: percentile(xs.map((x) => x.actual), 0.9),
      statutoryWorkingDays: percentile(termed.map((x) => x.statutory!), 0.5),
      withTerm: termed.length,
      late,
      lateShare: termed.length ? Math.round((late / termed.length) * 1000) / 1000 : null,
    };
  };
  const rows: LeadTimeRow[] = [];
  for (const stage of ['registered', 'completenessCheck', 'preparingDocuments', 'awaitingPayment', 'tuFulfilment']) {
    const xs = samples.filter((s) => s.stage === stage);
    if (!xs.length) continue;
    rows.push(row(stage, 'all', xs));
    for (const category of CATEGORIES) {
      const ys = xs.filter((s) => s.category === category);
      if (ys.length) rows.push(row(stage, category, ys));
    }
  }
  return { rows, samples };
}
