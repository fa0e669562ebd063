// The appeal's case: the shared case machinery on the appeal procedure table
// (domain/procedures/appeal.ts), plus what only appeals have — a holder
// (the assignee), a term that pauses while the applicant clarifies, and a
// single reopening.
import { appealActionSchemas } from '../../domain/appeal';
import { APPEAL_PROCEDURE, type AppealAction, type AppealStage, type AppealStageAction } from '../../domain/procedures/appeal';
import type { CaseFacts } from '../../domain/procedures/table';
import type { NotificationRequest } from '../case/contract';
import { CaseMachine, projectionActivities } from '../case/machine';
import { appealUpdates, appealViewQuery, type AppealActionInputs, type AppealSnapshot, type AppealWorkflowInput } from './contract';

type StageActions = { [S in AppealStage]: AppealStageAction<S> };

export class AppealCase extends CaseMachine<AppealStage, AppealAction, AppealSnapshot, AppealActionInputs, StageActions> {
  constructor(readonly input: AppealWorkflowInput) {
    super(
      {
        noun: 'Обращение',
        kind: 'appeal',
        table: APPEAL_PROCEDURE,
        schemas: appealActionSchemas,
        updates: appealUpdates,
        viewQuery: appealViewQuery,
        finalStatus: () => 'closed',
        project: (snapshot, event, starting) => projectionActivities().projectAppeal(snapshot, event, starting),
        terms: input.terms,
        links: { applicant: `/appeals/${input.appealId}`, staff: `/staff/appeals/${input.appealId}` },
      },
      {
        id: input.appealId,
        number: input.number,
        applicantId: input.applicant.id,
        applicantName: input.applicant.name,
        topic: input.topic,
        kind: input.kind,
        channel: input.channel,
        answerChannel: input.answerChannel,
        applicationId: input.applicationId,
        assigneeId: null,
        assigneeName: null,
        stage: 'registered',
        status: 'open',
        whoActs: 'grid',
        stageStartedAt: input.registeredAt,
        deadlineAt: null,
        deadlineTerm: null,
        overdue: false,
        overdueSince: null,
        registeredAt: input.registeredAt,
        answeredAt: null,
        answeredLate: null,
        reopened: false,
        finishedAt: null,
      },
    );
  }

  protected override facts(): CaseFacts {
    return { holderId: this.snapshot.assigneeId, reopened: this.snapshot.reopened };
  }

  protected override holderRefusal(): string {
    return `Обращение ${this.snapshot.number} рассматривает ${this.snapshot.assigneeName ?? 'другой сотрудник'}: действие доступно исполнителю или руководителю`;
  }

  /** The answer term spans the stages from registration to the answer. */
  protected override termStart(): number {
    return this.snapshot.registeredAt;
  }

  /** Reminders and notices about the appeal go to its assignee; before assignment, to the whole staff feed. */
  protected override staffAudience(): NotificationRequest['to'] {
    return this.snapshot.assigneeId ? { userId: this.snapshot.assigneeId } : { staff: true };
  }

  assignTo(id: string | null, name: string): void {
    this.snapshot.assigneeId = id;
    this.snapshot.assigneeName = name;
  }

  /** The answer is late when it comes after the term, however the term moved; since the GK-193 change a reopened appeal keeps its first answer's lateness. */
  markAnswered(): void {
    const s = this.snapshot;
    const lateBefore = this.keepsFirstLateness && s.answeredLate === true;
    s.answeredAt = Date.now();
    s.answeredLate = lateBefore || s.overdue || (s.deadlineAt !== null && s.answeredAt > s.deadlineAt);
    s.status = 'answered';
  }

  private keepsFirstLateness = false;

  reopen(keepLateness: boolean): void {
    this.keepsFirstLateness = keepLateness;
    this.snapshot.reopened = true;
    this.snapshot.status = 'open';
    this.snapshot.answeredAt = null;
    if (!keepLateness) this.snapshot.answeredLate = null;
  }

  /** The answer term as it stands when a clarification pauses it: what was left, or that it had already run out. */
  pauseAnswerTerm(): { left: number | null; overdueSince: number | null } {
    const s = this.snapshot;
    return { left: s.overdue || s.deadlineAt === null ? null : s.deadlineAt - Date.now(), overdueSince: s.overdue ? s.overdueSince : null };
  }

  answerTerm() {
    return this.termSpec('appealAnswer');
  }
}
