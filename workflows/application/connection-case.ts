// The application's case: the shared case machinery on the connection
// procedure table (domain/procedures/application.ts), plus what only
// applications do — the ТУ term chosen when the documents are posted,
// telling the supplier of last resort, concluding the contract.
import { ANNUL_REASONS, applicantActionSchemas, staffActionSchemas, type AnnulReason } from '../../domain/application';
import { APPLICATION_PROCEDURE, type ApplicationAction, type ApplicationStage, type ApplicationStageAction } from '../../domain/procedures/application';
import type { TermContext } from '../../domain/procedures/table';
import type { TermKey } from '../../domain/regulations';
import { ActivityFailure, ApplicationFailure, upsertSearchAttributes } from '@temporalio/workflow';
import type { PenaltyParty } from '../../domain/penalties';
import type { CaseFacts } from '../../domain/procedures/table';
import type { ActionRequest, CalendarChange, CaseEventRecord } from '../case/contract';
import { computeDeadline, type RunningTerm } from '../case/deadline';
import { caseActivities, CaseMachine, projectionActivities, type EntryOptions, type StageEntry } from '../case/machine';
import { CaseOverdue } from '../search-attributes';
import { invoiceTotalRub, isTypedAmount, postContractDocumentsSchema, recordedPostContractDocumentsSchema, scopeOf, type Invoice } from '../../domain/invoice';
import { lateness } from './notices';
import { Instalments } from './instalments';
import { Holding, holdingNotices } from './holding';
import { caseNotices } from '../case/notices';
import type { SupplierTrack } from './supplier-track';
import { applicationUpdates, applicationViewQuery, type ApplicationActionInputs, type ApplicationSnapshot, type ApplicationWorkflowInput } from './contract';

const { informSupplier, assessPenalty, computeInvoice } = caseActivities;

/** The two parts of the ТУ under the contract: each side's, with the instant it was done. */
export type Obligations = { grid: boolean; applicant: boolean };

type StageActions = { [S in ApplicationStage]: ApplicationStageAction<S> };

// A contract terminated at the applicant's request counts as withdrawn (its stage says the contract was terminated).
const FINAL_STATUS: Partial<Record<ApplicationStage, ApplicationSnapshot['status']>> = { completed: 'completed', annulled: 'annulled', withdrawn: 'withdrawn', terminated: 'withdrawn' };

export class ConnectionCase extends CaseMachine<ApplicationStage, ApplicationAction, ApplicationSnapshot, ApplicationActionInputs, StageActions> {
  /** The ТУ term follows from the construction the grid found necessary when it posted the documents. */
  private tuTerm: TermKey = 'tuFulfilment30wd';

  constructor(readonly input: ApplicationWorkflowInput) {
    super(
      {
        noun: 'Заявка',
        kind: 'application',
        table: APPLICATION_PROCEDURE,
        // Documents are posted with the scope of the computed invoice; older histories carry a typed amount.
        schemas: { ...staffActionSchemas, ...applicantActionSchemas, postContractDocuments: postContractDocumentsSchema },
        recordedSchemas: { postContractDocuments: recordedPostContractDocumentsSchema },
        updates: applicationUpdates,
        viewQuery: applicationViewQuery,
        finalStatus: (stage) => FINAL_STATUS[stage] ?? 'closed',
        project: (snapshot, event, starting) => projectionActivities().projectApplication(snapshot, event, starting),
        terms: input.terms,
        links: { applicant: `/applications/${input.applicationId}`, staff: `/staff/applications/${input.applicationId}` },
      },
      {
        id: input.applicationId,
        number: input.number,
        applicantId: input.applicant.id,
        applicantName: input.applicant.name,
        category: input.category,
        objectName: input.object.name,
        objectAddress: input.object.address,
        maxPowerKw: input.object.maxPowerKw,
        stage: 'registered',
        status: 'active',
        whoActs: 'grid',
        stageStartedAt: input.submittedAt,
        deadlineAt: null,
        deadlineTerm: null,
        overdue: false,
        overdueSince: null,
        submittedAt: input.submittedAt,
        contractConcludedAt: null,
        finishedAt: null,
        annulReason: null,
      },
    );
  }

  protected override termContext(): TermContext {
    return { publicBuyer: this.input.publicBuyer, tuTerm: this.tuTerm };
  }

  setTuTerm(key: TermKey): void {
    this.tuTerm = key;
  }

  tuTermSpec() {
    return this.input.terms[this.tuTerm];
  }

  /** Stage entry, then the supplier of last resort hears of the milestones it must know (DOMAIN §3). */
  async enterStage(stage: ApplicationStage, because: StageEntry<ApplicationAction>, opts: EntryOptions & { supplier?: string } = {}): Promise<void> {
    const { seq } = await this.enter(stage, because, opts);
    if (opts.supplier) {
      await this.beside(informSupplier({ key: `${this.snapshot.id}:${seq}:supplier`, supplierEmail: this.input.supplier.email, caseNumber: this.snapshot.number, title: because.title, body: opts.supplier }));
    }
  }

  protected override applicantReminderTail(): string {
    return ' Если не успеть, заявка будет аннулирована.';
  }

  // --- the supplier of last resort's track (since patch 'supplier-track'): beside the procedure ---

  /** Started at registration (workflows/application/supplier-track.ts); null in cases before the change. */
  supplierTrack: SupplierTrack | null = null;

  /** The case ends only after the supplier's track: withdrawal or annulment cancels it (and tells the supplier), otherwise its draft is awaited. */
  override async close(): Promise<void> {
    await this.supplierTrack?.closing(this.snapshot.status);
    await super.close();
  }

  markContractConcluded(): void {
    this.snapshot.contractConcludedAt = Date.now();
  }

  // --- paying in parts (since patch 'payment-schedule'): the schedule runs beside the procedure ---

  /** The payment schedule, when the applicant chose to pay in parts (workflows/application/instalments.ts). */
  instalments: Instalments | null = null;

  async planInstalments(totalKop: number): Promise<void> {
    this.instalments = await Instalments.plan(this, totalKop, Date.now());
  }

  /** For the schedule's tracker: a history event within the stage, with who acted. */
  recordEvent(type: string, title: string, data: Record<string, unknown>, actor: CaseEventRecord['actor'] = null, comment = ''): Promise<number> {
    return this.record(type, title, data, actor, comment);
  }

  /** For the schedule's tracker: a notice to the applicant or to staff, sent beside the procedure. */
  notify(key: string, to: 'applicant' | 'staff', title: string, body: string, deadlineAt: number | null = null): Promise<void> {
    const s = this.snapshot;
    const toApplicant = to === 'applicant';
    return this.tell({ key, caseId: s.id, caseNumber: s.number, kind: toApplicant ? 'reminder' : 'overdue', title, body, to: toApplicant ? { userId: s.applicantId } : { staff: true }, link: toApplicant ? this.definition.links.applicant : this.definition.links.staff, deadlineAt });
  }

  protected override besideRefusal(_name: ApplicationAction, request: ActionRequest<unknown>): string | null {
    const part = Number((request.input as { part?: unknown } | null)?.part);
    return this.instalments && Number.isInteger(part) ? this.instalments.refusal(part) : null;
  }

  protected override async besideAction(name: ApplicationAction, request: ActionRequest<unknown>): Promise<string | null> {
    if (!this.instalments) return 'По заявке нет графика платежей';
    const input = request.input as { part: number; paymentReference?: string; comment?: string };
    // Checked again: another payment of the same part may have been applied since the validator ran.
    const refusal = this.instalments.refusal(input.part);
    if (refusal) return refusal;
    const reference = name === 'payInstalment' ? `Тестовый платёж (кабинет), ${this.snapshot.number}/${input.part}` : input.paymentReference ?? '';
    await this.instalments.pay(input.part, request.actor, reference, input.comment ?? '');
    return null;
  }

  // --- the invoice computed from the tariff (since patch 'invoice-from-tariff') ----------------

  /** The contract's invoice: lines, VAT at the set's rate, the computed and the final total (`invoice.totalKop`); null in older cases. */
  invoice: Invoice | null = null;

  /**
   * The invoice of the posted documents, computed by an activity so its inputs and result
   * are in the history; the fee of the contract (penalties) is its final total. The entry
   * that follows carries it: the documents print it, and the event's input holds the total
   * as `invoiceAmountRub` (what the applicant's payment, the history and the disclosure
   * report read) and the whole invoice. Resolves with a refusal when it cannot be computed.
   */
  async computeInvoice(ticket: { request: ActionRequest<ApplicationActionInputs['postContractDocuments']> }): Promise<string | null> {
    const { actor, input } = ticket.request;
    if (isTypedAmount(input)) {
      // Only a client older than the change sends this; the amount is taken as typed, as before.
      this.feeRub = input.invoiceAmountRub;
      return null;
    }
    try {
      this.invoice = await computeInvoice({
        applicationId: this.input.applicationId,
        tariffRegion: input.tariffRegion,
        scope: scopeOf(input),
        correction: input.correction ?? null,
        correctedBy: input.correction ? { id: actor.id ?? '', name: actor.name } : null,
      });
    } catch (error) {
      if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'InvoiceError') return error.cause.message;
      throw error;
    }
    this.feeRub = invoiceTotalRub(this.invoice);
    Object.assign(input, { invoiceAmountRub: this.feeRub, invoice: this.invoice });
    return null;
  }

  markAnnulled(reason: AnnulReason): void {
    this.snapshot.annulReason = ANNUL_REASONS[reason];
  }

  // --- the connection term (п.16 «б»), since patch 'obligations-by-party' ---------------------

  /** Which parts of the ТУ are still owed; tracked once the contract is concluded. */
  readonly owed: Obligations = { grid: true, applicant: true };
  private obligationsTracked = false;

  // --- who holds the case (since patch 'case-holder'): workflows/application/holding.ts ---

  readonly holding = new Holding({
    snapshot: this.snapshot,
    closedRefusal: () => (this.definition.table.stages[this.stage].final === true ? caseNotices.closed('Заявка', this.snapshot.number) : null),
    recordEvent: (type, title, data, actor, comment) => this.record(type, title, data, actor ?? null, comment ?? ''),
    tellUser: (request) => this.tell({ ...request, caseId: this.snapshot.id, caseNumber: this.snapshot.number, link: this.definition.links.staff }),
    view: () => this.view(),
  });

  override listen(): void {
    super.listen();
    this.holding.listen();
  }

  protected override holderRefusal(): string {
    return holdingNotices.refusedToOthers(this.snapshot.number, this.snapshot.holderName ?? 'другой сотрудник');
  }

  protected override holder(): string | null {
    return this.snapshot.holderId ?? null;
  }

  protected override facts(): CaseFacts {
    return { holderId: this.snapshot.holderId ?? null, obligationsTracked: this.obligationsTracked, gridPartDone: !this.owed.grid, applicantPartDone: !this.owed.applicant, instalmentOpen: this.instalments?.open ?? false };
  }

  /** Remarks after the inspection: the side's part is owed again. */
  owePartAgain(party: PenaltyParty): void {
    this.owed[party] = true;
    if (party === 'grid') this.snapshot.gridTuDoneAt = null;
    else this.snapshot.applicantTuDoneAt = null;
  }

  /** The contract is about to be concluded: the connection term will run for both sides, each for its own part. */
  trackObligations(): void {
    this.obligationsTracked = true;
    this.snapshot.lateParty = null;
    this.snapshot.gridTuDoneAt = null;
    this.snapshot.applicantTuDoneAt = null;
  }

  /** The ТУ stage's term, started with the contract, is the connection term (п.16 «б»): stored with the same entry. */
  protected override onEntering(stage: ApplicationStage): void {
    this.holding.onEntering(this.stage, stage);
    if (this.obligationsTracked && stage === 'tuFulfilment' && this.connectionDeadline === null) this.snapshot.connectionDeadlineAt = this.snapshot.deadlineAt;
  }

  get connectionDeadline(): number | null {
    return this.snapshot.connectionDeadlineAt ?? null;
  }

  /** A side did its part: its penalty, if it was late, stops accruing. */
  async partDone(party: PenaltyParty): Promise<void> {
    this.owed[party] = false;
    const now = Date.now();
    if (party === 'grid') this.snapshot.gridTuDoneAt = now;
    else this.snapshot.applicantTuDoneAt = now;
    // The grid's delay ends with its own measures only while the applicant still owes its part; otherwise with the act.
    if (party === 'applicant' || this.owed.applicant) await this.settle(party);
  }

  /**
   * The connection term ran out: each side that has not done its part is late,
   * and only that side is named. The grid's lateness escalates; either side's
   * starts its penalty (п.16 «в»), assessed by an activity so the history holds it.
   */
  async connectionTermMissed(): Promise<void> {
    const s = this.snapshot;
    const late: PenaltyParty[] = (['grid', 'applicant'] as const).filter((p) => this.owed[p]);
    if (late.length === 0) return;
    s.lateParty = late.length === 2 ? 'both' : late[0]!;
    this.termLapsed = true;
    if (this.owed.grid) this.markGridOverdue();
    for (const party of late) await this.startPenalty(party);
    const seq = await this.record('connection-term-missed', lateness.event(s.lateParty), { lateParty: s.lateParty, connectionDeadlineAt: s.connectionDeadlineAt ?? null });
    await this.tell({ key: `${s.id}:${seq}:late-applicant`, caseId: s.id, caseNumber: s.number, kind: 'overdue', title: lateness.event(s.lateParty), body: lateness.toApplicant(s.lateParty, s.connectionDeadlineAt ?? s.deadlineAt ?? Date.now()), to: { userId: s.applicantId }, link: this.definition.links.applicant });
    await this.tell({ key: `${s.id}:${seq}:late-staff`, caseId: s.id, caseNumber: s.number, kind: 'overdue', title: lateness.staffTitle(s.number, s.lateParty), body: lateness.toStaff(s.lateParty), to: { staff: true }, link: this.definition.links.staff });
  }

  /** The grid stages after both parts end no later than the connection term while the grid is not yet late. */
  withinConnectionTerm(): EntryOptions['deadline'] {
    const end = this.connectionDeadline;
    return end !== null && end > Date.now() && !this.isLate('grid') ? { startCappedAt: end } : 'start';
  }

  /** Back to the ТУ after remarks: the connection term's end again, or none once it has passed. */
  backToConnectionTerm(): EntryOptions['deadline'] {
    const end = this.connectionDeadline;
    return end !== null && end > Date.now() ? { resumeUntil: end } : 'keep';
  }

  /** A grid stage's deadline that was the connection term itself lapsed: the grid is late for the contract. */
  protected override async afterEscalation(): Promise<void> {
    const end = this.connectionDeadline;
    if (!this.obligationsTracked || end === null || this.isLate('grid') || (this.snapshot.deadlineAt ?? 0) < end) return;
    this.snapshot.lateParty = this.snapshot.lateParty === 'applicant' ? 'both' : 'grid';
    await this.startPenalty('grid');
  }

  /** The act is issued: whatever the grid still owed is done. */
  async settleAtAct(): Promise<void> {
    if (this.isLate('grid')) await this.settle('grid');
  }

  private isLate(party: PenaltyParty): boolean {
    return this.snapshot.lateParty === party || this.snapshot.lateParty === 'both';
  }

  private markGridOverdue(): void {
    this.snapshot.overdue = true;
    this.snapshot.overdueSince = Date.now();
    upsertSearchAttributes([{ key: CaseOverdue, value: true }]);
  }

  private penaltyInput(party: PenaltyParty, untilMs: number | null) {
    const i = this.input;
    return {
      party,
      feeRub: this.feeRub,
      // The fee followed the ≤15 kW rule (п.14): a household applicant up to 15 kW.
      preferentialFee: i.category === 'individual15' && i.object.maxPowerKw <= 15,
      lateFromMs: this.connectionDeadline ?? Date.now(),
      untilMs,
      asOfMs: Date.now(),
    };
  }

  /** The fee of the contract (the invoice), set when the documents are posted. */
  feeRub = 0;

  private async startPenalty(party: PenaltyParty): Promise<void> {
    const assessed = await assessPenalty(this.penaltyInput(party, null));
    // One penalty is shown: the grid's when both are late (what the applicant may claim).
    if (party === 'grid' || !this.snapshot.penalty || this.snapshot.penalty.party !== 'grid') this.snapshot.penalty = assessed;
  }

  private async settle(party: PenaltyParty): Promise<void> {
    if (!this.isLate(party)) return;
    const assessed = await assessPenalty(this.penaltyInput(party, Date.now()));
    if (!this.snapshot.penalty || this.snapshot.penalty.party === party) this.snapshot.penalty = assessed;
  }

  // --- a calendar change moves the connection term too ---------------------------------------

  protected override async recalculateOuterTerms(_change: CalendarChange): Promise<void> {
    const s = this.snapshot;
    if (!this.obligationsTracked || s.contractConcludedAt === null || this.isLate('grid') || this.isLate('applicant')) return;
    s.connectionDeadlineAt = await computeDeadline(s.contractConcludedAt, this.tuTermSpec());
  }

  protected override outerCap(running: RunningTerm): number | null {
    return running.capAt === null ? null : (this.connectionDeadline ?? running.capAt);
  }
}
