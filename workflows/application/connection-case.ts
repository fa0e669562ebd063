// The application's case: the shared case machinery on the connection
// procedure table (domain/procedures/application.ts), plus what only
// applications do — the ТУ term chosen when the documents are posted,
// telling the supplier of last resort, concluding the contract.
import { ANNUL_REASONS, applicantActionSchemas, staffActionSchemas, type AnnulReason } from '../../domain/application';
import { APPLICATION_PROCEDURE, type ApplicationAction, type ApplicationStage, type ApplicationStageAction } from '../../domain/procedures/application';
import type { TermContext } from '../../domain/procedures/table';
import type { TermKey } from '../../domain/regulations';
import { caseActivities, CaseMachine, projectionActivities, type EntryOptions, type StageEntry } from '../case/machine';
import { applicationUpdates, applicationViewQuery, type ApplicationActionInputs, type ApplicationSnapshot, type ApplicationWorkflowInput } from './contract';

const { informSupplier } = caseActivities;

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
}
