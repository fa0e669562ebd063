// The application's case: the shared case machinery with the stages and
// actions of Rules 861 (domain/application.ts) and what only applications
// do — telling the supplier of last resort, concluding the contract.
import type { UpdateDefinition } from '@temporalio/common';
import type { ApplicationSnapshot } from '../../activities/cases';
import {
  APPLICANT_ACTIONS,
  applicantActionSchemas,
  STAFF_ACTIONS,
  staffActionSchemas,
  STAGE_DEFINITIONS,
  type ApplicantAction,
  type Stage,
  type StaffAction,
} from '../../domain/application';
import type { ResolvedTerms } from '../../domain/regulations';
import { caseActivities, CaseMachine, projectionActivities, type ActionRequest, type ActionSpec, type CaseView, type StageSpec, type Ticket } from '../case/machine';
import { applicantUpdates, caseViewQuery, staffUpdates } from './messages';

const { informSupplier } = caseActivities;

export type ActionName = StaffAction | ApplicantAction;
export type { Ticket };

export interface ApplicationWorkflowInput {
  applicationId: string;
  number: string;
  applicant: { id: string; name: string };
  category: string;
  object: { name: string; address: string; maxPowerKw: number; voltageKv: number; distanceM: number; territory: 'urban' | 'rural' };
  publicBuyer: boolean;
  supplier: { id: string; name: string; email: string };
  submittedAt: number;
  /** The regulations table as it was when the case started: the case keeps these terms. */
  terms: ResolvedTerms;
}

const FINAL_STATUS: Partial<Record<Stage, ApplicationSnapshot['status']>> = { completed: 'completed', annulled: 'annulled', withdrawn: 'withdrawn' };
const stages = Object.fromEntries(
  Object.entries(STAGE_DEFINITIONS).map(([stage, d]) => [stage, { title: d.title, whoActs: d.whoActs, final: d.final, status: FINAL_STATUS[stage as Stage] } satisfies StageSpec]),
) as Record<Stage, StageSpec>;

const actions = {
  ...Object.fromEntries(
    (Object.keys(STAFF_ACTIONS) as StaffAction[]).map((a) => [
      a,
      { label: STAFF_ACTIONS[a].label, stages: [STAFF_ACTIONS[a].stage], by: a === 'confirmPayment' ? 'staff-or-bank' : 'staff', schema: staffActionSchemas[a] } satisfies ActionSpec<Stage>,
    ]),
  ),
  ...Object.fromEntries(
    (Object.keys(APPLICANT_ACTIONS) as ApplicantAction[]).map((a) => {
      const stage = APPLICANT_ACTIONS[a].stage;
      return [a, { label: APPLICANT_ACTIONS[a].label, stages: stage ? [stage] : null, by: 'applicant', schema: applicantActionSchemas[a] } satisfies ActionSpec<Stage>];
    }),
  ),
} as unknown as Record<ActionName, ActionSpec<Stage>>;

const updates = { ...staffUpdates, ...applicantUpdates } as unknown as Record<ActionName, UpdateDefinition<CaseView<Stage>, [ActionRequest<unknown>], string>>;

export class CaseRun extends CaseMachine<Stage, ActionName, ApplicationSnapshot> {
  constructor(readonly input: ApplicationWorkflowInput) {
    super(
      { noun: 'Заявка', stages, actions, updates, viewQuery: caseViewQuery, project: (snapshot, event, starting) => projectionActivities().projectApplication(snapshot, event, starting), terms: input.terms, links: { applicant: `/applications/${input.applicationId}`, staff: `/staff/applications/${input.applicationId}` } },
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

  /** Stage entry, then the supplier of last resort hears of the milestones it must know (DOMAIN §3). */
  async enterStage(
    stage: Stage,
    because: Parameters<CaseMachine<Stage, ActionName, ApplicationSnapshot>['enter']>[1],
    opts: Parameters<CaseMachine<Stage, ActionName, ApplicationSnapshot>['enter']>[2] & { supplier?: string } = {},
  ): Promise<void> {
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
}
