// The application's case: the shared case machinery on the connection
// procedure table (domain/procedures/application.ts), plus what only
// applications do — the ТУ term chosen when the documents are posted,
// telling the supplier of last resort, concluding the contract.
import { ANNUL_REASONS, applicantActionSchemas, staffActionSchemas, type AnnulReason } from '../../domain/application';
import { APPLICATION_PROCEDURE, type ApplicationAction, type ApplicationStage, type ApplicationStageAction } from '../../domain/procedures/application';
import type { TermContext } from '../../domain/procedures/table';
import type { TermKey } from '../../domain/regulations';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { PenaltyParty } from '../../domain/penalties';
import type { CaseFacts } from '../../domain/procedures/table';
import type { CalendarChange } from '../case/contract';
import { computeDeadline, type RunningTerm } from '../case/deadline';
import { caseActivities, CaseMachine, projectionActivities, type EntryOptions, type StageEntry } from '../case/machine';
import { CaseOverdue } from '../search-attributes';
import { lateness } from './notices';
import { applicationUpdates, applicationViewQuery, type ApplicationActionInputs, type ApplicationSnapshot, type ApplicationWorkflowInput } from './contract';

const { informSupplier, assessPenalty } = caseActivities;

/** The two parts of the ТУ under the contract: each side's, with the instant it was done. */
export type Obligations = { grid: boolean; applicant: boolean };

type StageActions = { [S in ApplicationStage]: ApplicationStageAction<S> };

const FINAL_STATUS: Partial<Record<ApplicationStage, ApplicationSnapshot['status']>> = { completed: 'completed', annulled: 'annulled', withdrawn: 'withdrawn' };

export class ConnectionCase extends CaseMachine<ApplicationStage, ApplicationAction, ApplicationSnapshot, ApplicationActionInputs, StageActions> {
  /** The ТУ term follows from the construction the grid found necessary when it posted the documents. */
  private tuTerm: TermKey = 'tuFulfilment30wd';

  constructor(readonly input: ApplicationWorkflowInput) {
    super(
      {
        noun: 'Заявка',
        table: APPLICATION_PROCEDURE,
        schemas: { ...staffActionSchemas, ...applicantActionSchemas },
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

  markContractConcluded(): void {
    this.snapshot.contractConcludedAt = Date.now();
  }

  markAnnulled(reason: AnnulReason): void {
    this.snapshot.annulReason = ANNUL_REASONS[reason];
  }

  // --- the connection term (п.16 «б»), since patch 'obligations-by-party' ---------------------

  /** Which parts of the ТУ are still owed; tracked once the contract is concluded. */
  readonly owed: Obligations = { grid: true, applicant: true };
  private obligationsTracked = false;

  protected override facts(): CaseFacts {
    return { obligationsTracked: this.obligationsTracked, gridPartDone: !this.owed.grid, applicantPartDone: !this.owed.applicant };
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
