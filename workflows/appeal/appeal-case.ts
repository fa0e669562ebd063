// The appeal's case: the shared case machinery with the stages and actions of
// domain/appeal.ts, plus what only appeals have — an assignee, a term that
// pauses while the applicant clarifies, and a single reopening.
import type { UpdateDefinition } from '@temporalio/common';
import type { AppealSnapshot, NotificationRequest } from '../../activities/cases';
import {
  APPEAL_APPLICANT_ACTIONS,
  APPEAL_STAFF_ACTIONS,
  APPEAL_STAGE_DEFINITIONS,
  appealActionSchemas,
  type AnswerChannel,
  type AppealAction,
  type AppealChannel,
  type AppealKind,
  type AppealStage,
  type AppealTopic,
} from '../../domain/appeal';
import type { ResolvedTerms } from '../../domain/regulations';
import { CaseMachine, projectionActivities, type ActionRequest, type ActionSpec, type CaseView, type StageSpec } from '../case/machine';
import { appealUpdates, appealViewQuery } from './messages';

export interface AppealWorkflowInput {
  appealId: string;
  number: string;
  applicant: { id: string; name: string };
  topic: AppealTopic;
  kind: AppealKind;
  channel: AppealChannel;
  answerChannel: AnswerChannel;
  applicationId: string | null;
  registeredAt: number;
  terms: ResolvedTerms;
}

const stages = Object.fromEntries(
  Object.entries(APPEAL_STAGE_DEFINITIONS).map(([stage, d]) => [stage, { title: d.title, whoActs: d.whoActs, final: d.final, status: d.final ? 'closed' : undefined } satisfies StageSpec]),
) as Record<AppealStage, StageSpec>;

const actions = {
  ...Object.fromEntries(
    Object.entries(APPEAL_STAFF_ACTIONS).map(([a, spec]) => [a, { label: spec.label, stages: spec.stages, by: spec.by, schema: appealActionSchemas[a as AppealAction] } satisfies ActionSpec<AppealStage>]),
  ),
  ...Object.fromEntries(
    Object.entries(APPEAL_APPLICANT_ACTIONS).map(([a, spec]) => [a, { label: spec.label, stages: spec.stages, by: 'applicant', schema: appealActionSchemas[a as AppealAction] } satisfies ActionSpec<AppealStage>]),
  ),
} as unknown as Record<AppealAction, ActionSpec<AppealStage>>;

/** Only the assignee works on the appeal; a supervisor (admin) may step in. */
const ASSIGNEE_ONLY = new Set<AppealAction>(['startWork', 'requestClarification', 'answer']);

export class AppealCase extends CaseMachine<AppealStage, AppealAction, AppealSnapshot> {
  constructor(readonly input: AppealWorkflowInput) {
    super(
      {
        noun: 'Обращение',
        stages,
        actions,
        updates: appealUpdates as unknown as Record<AppealAction, UpdateDefinition<CaseView<AppealStage>, [ActionRequest<unknown>], string>>,
        viewQuery: appealViewQuery,
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

  protected override check(name: AppealAction, request: ActionRequest<unknown>): void {
    const { actor } = request;
    if (ASSIGNEE_ONLY.has(name) && actor.role !== 'admin' && actor.id !== this.snapshot.assigneeId) {
      throw new Error(`Обращение ${this.snapshot.number} рассматривает ${this.snapshot.assigneeName ?? 'другой сотрудник'}: действие доступно исполнителю или руководителю`);
    }
    if (name === 'disagree' && this.snapshot.reopened) throw new Error('Обращение уже возобновлялось: повторно оспорить ответ нельзя, подайте новое обращение');
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

  /** The answer is late when it comes after the term, however the term moved. */
  markAnswered(): void {
    const s = this.snapshot;
    s.answeredAt = Date.now();
    s.answeredLate = s.overdue || (s.deadlineAt !== null && s.answeredAt > s.deadlineAt);
    s.status = 'answered';
  }

  reopen(): void {
    this.snapshot.reopened = true;
    this.snapshot.status = 'open';
    this.snapshot.answeredAt = null;
    this.snapshot.answeredLate = null;
  }
}
