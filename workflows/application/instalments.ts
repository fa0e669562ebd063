// The payment schedule of a case that pays in parts (DOMAIN §9 «Paying in
// parts», ◐), tracked beside the procedure: the first part concludes the
// contract through the procedure's own payment step; every later part has its
// own due date, reminder and payment record, and an overdue part is the
// applicant's debt — flagged to the applicant and in the staff queue, never
// the grid's lateness. The procedure does not wait on later parts; only the
// workflow's end does (the case closes once the schedule is settled).
import { condition } from '@temporalio/workflow';
import { formatKop } from '../../domain/money';
import { hasOverduePart, nextOpenPart, trackSchedule, type PlanRequest, type ScheduleState, type TrackedPart } from '../../domain/payment-schedule';
import type { CaseEventRecord } from '../case/contract';
import { caseActivities } from '../case/machine';
import { formatInstant } from '../case/notices';
import type { ApplicationSnapshot, ApplicationWorkflowInput } from './contract';

const { planPaymentSchedule } = caseActivities;

/** What the tracker needs of its case: the snapshot it writes into, history events and notices. */
export interface ScheduleHost {
  readonly input: ApplicationWorkflowInput;
  readonly snapshot: ApplicationSnapshot;
  recordEvent(type: string, title: string, data: Record<string, unknown>, actor?: CaseEventRecord['actor'], comment?: string): Promise<number>;
  notify(key: string, to: 'applicant' | 'staff', title: string, body: string, deadlineAt?: number | null): Promise<void>;
}

export const scheduleNotices = {
  reminderTitle: (p: TrackedPart) => `Напоминание: платёж по графику № ${p.no}`,
  reminderBody: (p: TrackedPart) => `Платёж № ${p.no} (${p.title}) на сумму ${formatKop(p.amountKop)} нужно внести до ${formatInstant(p.dueAt!)}.`,
  overdueTitle: (p: TrackedPart) => `Просрочен платёж по графику № ${p.no} (задолженность заявителя)`,
  overdueApplicant: (p: TrackedPart) =>
    `Срок платежа № ${p.no} (${formatKop(p.amountKop)}) истёк ${formatInstant(p.dueAt!)}. Внесите платёж: это ваша задолженность по договору, сроки сетевой организации она не меняет.`,
  overdueStaff: (number: string, p: TrackedPart) => `${number}: заявитель не внёс платёж № ${p.no} (${formatKop(p.amountKop)}) до ${formatInstant(p.dueAt!)}. Это задолженность заявителя, не просрочка сетевой организации.`,
  paidTitle: (p: TrackedPart) => `Внесён платёж по графику № ${p.no} (${formatKop(p.amountKop)})`,
  datesTitle: 'Сроки платежей после акта о технологическом присоединении определены',
  settledTitle: 'График платежей исполнен полностью',
  cancelledTitle: 'График платежей прекращён вместе с заявкой',
} as const;

export class Instalments {
  /** Bumped whenever the schedule changes, so the watcher recomputes its next timer. */
  private version = 0;
  private readonly reminded = new Set<number>();
  /** Payments being recorded: the workflow does not end under an Update still answering. */
  private recording = 0;

  private constructor(
    private readonly host: ScheduleHost,
    private readonly request: PlanRequest,
  ) {}

  /** The schedule of the invoice's total, computed (amounts, dates on the production calendar) by an activity and recorded in the history. */
  static async plan(host: ScheduleHost, totalKop: number, invoicePostedAt: number): Promise<Instalments> {
    const chosen = host.input.paymentSchedule!;
    const t = host.input.terms;
    const request: PlanRequest = {
      option: chosen.option,
      quarters: chosen.quarters,
      totalKop,
      invoicePostedAt,
      actAt: null,
      terms: { payInvoice: t.payInvoice, stagedPart2: t.stagedPart2, stagedPart3: t.stagedPart3, stagedPartAfterAct: t.stagedPartAfterAct, instalmentQuarter: t.instalmentQuarter, instalmentReminder: t.instalmentReminder },
    };
    const tracker = new Instalments(host, request);
    const planned = await planPaymentSchedule(request);
    // The rate the schedule used is kept: dates computed after the act use the same interest.
    if (planned.interest) request.keyRatePercent = planned.interest.keyRatePercent;
    host.snapshot.paymentSchedule = trackSchedule(planned);
    host.snapshot.instalmentOverdue = false;
    return tracker;
  }

  private get state(): ScheduleState {
    return this.host.snapshot.paymentSchedule!;
  }

  /** The first payment is due with the invoice: it concludes the contract (◐ приказ № 271/269). */
  get first(): TrackedPart {
    return this.state.parts[0]!;
  }

  /** A later part is still unpaid: the payment actions are offered. */
  get open(): boolean {
    return this.first.status === 'paid' && nextOpenPart(this.state) !== null;
  }

  /** The procedure's payment step concluded the contract with the first part. */
  firstPaid(by: CaseEventRecord['actor'], reference: string): void {
    this.markPaid(this.first, by, reference);
  }

  /** Starts the reminders and due dates of the later parts; the procedure does not wait for it. */
  start(): void {
    void this.watch();
  }

  /** Why paying this part now is refused (the Update validator asks synchronously), or null. */
  refusal(part: number): string | null {
    const p = this.state.parts.find((x) => x.no === part);
    if (!p) return `В графике нет платежа № ${part}`;
    if (p.status === 'paid') return `Платёж № ${part} уже внесён`;
    if (p.status === 'cancelled') return 'График платежей прекращён';
    const next = nextOpenPart(this.state);
    if (next && next.no !== part) return `Сначала вносится платёж № ${next.no}`;
    return null;
  }

  /** A later part paid (the applicant in test mode, staff, or the bank's notice): recorded with who, when and the reference. */
  async pay(part: number, by: CaseEventRecord['actor'], reference: string, comment: string): Promise<void> {
    const p = this.state.parts.find((x) => x.no === part)!;
    this.recording++;
    try {
      this.markPaid(p, by, reference);
      await this.host.recordEvent('instalment-paid', scheduleNotices.paidTitle(p), { part: p.no, amountKop: p.amountKop, reference }, by, comment);
      if (this.state.settled) await this.host.recordEvent('schedule-settled', scheduleNotices.settledTitle, {});
    } finally {
      this.recording--;
    }
  }

  /** The act is issued: the parts counted from it get their due dates (same amounts and rate). */
  async datesFromAct(actAt: number): Promise<void> {
    if (!this.state.parts.some((p) => p.base === 'act' && p.status !== 'paid' && p.status !== 'cancelled')) return;
    const planned = await planPaymentSchedule({ ...this.request, actAt });
    for (const p of this.state.parts) {
      const fresh = planned.parts.find((x) => x.no === p.no)!;
      if (p.base !== 'act') continue;
      p.dueAt = fresh.dueAt;
      p.remindAt = fresh.remindAt;
      if (p.status === 'waiting') p.status = 'due';
    }
    this.version++;
    await this.host.recordEvent('schedule-dated', scheduleNotices.datesTitle, { actAt, dueAt: this.state.parts.filter((p) => p.base === 'act').map((p) => p.dueAt) });
  }

  /** Withdrawal or annulment ends the schedule: the unpaid parts are cancelled. */
  cancel(): void {
    for (const p of this.state.parts) if (p.status !== 'paid') p.status = 'cancelled';
    this.state.cancelled = true;
    this.state.settled = true;
    this.host.snapshot.instalmentOverdue = false;
    this.version++;
  }

  /** Resolves when every part is paid, or the schedule is cancelled, and the last payment's answer is out (the workflow may then end). */
  settled(): Promise<void> {
    return condition(() => this.state.settled && this.recording === 0);
  }

  private markPaid(p: TrackedPart, by: CaseEventRecord['actor'], reference: string): void {
    p.status = 'paid';
    p.payment = { at: Date.now(), by: by ?? { id: null, name: 'Система', role: 'system' }, reference };
    this.state.settled = this.state.parts.every((x) => x.status === 'paid');
    this.host.snapshot.instalmentOverdue = hasOverduePart(this.state);
    this.version++;
  }

  /**
   * Durable timers of the later parts: a reminder before each due date, then
   * the due date. An overdue part stays flagged until it is paid.
   */
  private async watch(): Promise<void> {
    const s = this.host.snapshot;
    while (!this.state.settled) {
      const now = Date.now();
      const pending = this.state.parts.filter((p) => p.no > 1 && p.status === 'due' && p.dueAt !== null);
      const instants = pending.flatMap((p) => [...(p.remindAt !== null && !this.reminded.has(p.no) && p.remindAt > now ? [p.remindAt] : []), p.dueAt!]);
      const next = instants.length ? Math.min(...instants) : null;
      const seen = this.version;
      const changed = () => this.version !== seen || this.state.settled;
      if (next === null) {
        await condition(changed);
        continue;
      }
      if (next > now && (await condition(changed, next - now))) continue;
      const at = Date.now();
      for (const p of pending) {
        if (p.status !== 'due') continue;
        if (p.dueAt! <= at) {
          p.status = 'overdue';
          s.instalmentOverdue = true;
          const seq = await this.host.recordEvent('instalment-overdue', scheduleNotices.overdueTitle(p), { part: p.no, dueAt: p.dueAt, amountKop: p.amountKop, party: 'applicant' });
          await this.host.notify(`${s.id}:${seq}:instalment-overdue-applicant`, 'applicant', scheduleNotices.overdueTitle(p), scheduleNotices.overdueApplicant(p));
          await this.host.notify(`${s.id}:${seq}:instalment-overdue-staff`, 'staff', `${s.number}: долг заявителя по графику платежей`, scheduleNotices.overdueStaff(s.number, p));
        } else if (p.remindAt !== null && p.remindAt <= at && !this.reminded.has(p.no)) {
          this.reminded.add(p.no);
          const seq = await this.host.recordEvent('instalment-reminder', scheduleNotices.reminderTitle(p), { part: p.no, dueAt: p.dueAt });
          await this.host.notify(`${s.id}:${seq}:instalment-reminder`, 'applicant', scheduleNotices.reminderTitle(p), scheduleNotices.reminderBody(p), p.dueAt);
        }
      }
    }
  }
}
