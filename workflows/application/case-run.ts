// The machinery under the application procedure: the inbox of accepted
// actions, stage entry (history event, documents, notifications, projection),
// waiting with reminders and a durable deadline, and escalation.
import type { UpdateDefinition } from '@temporalio/common';
import { condition, log, proxyActivities, proxyLocalActivities, setHandler, upsertSearchAttributes, ApplicationFailure } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ApplicationSnapshot, CaseEventRecord, NotificationRequest } from '../../activities/cases';
import type { GeneratedDocKind } from '../../documents/kinds';
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
import { formatTerm, reminderInstants, type ResolvedTerms, type TermKey } from '../../domain/regulations';
import { CaseOverdue, CaseStage, CaseStatus } from '../search-attributes';
import { applicantUpdates, caseViewQuery, staffUpdates, type ActionRequest, type Actor, type CaseView } from './messages';

// Short attempts: these activities take seconds, and a worker that dies mid-attempt
// should cost the case half a minute, not more. Retries go on until they succeed.
const { projectApplication, notify, informSupplier, publishDocuments } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { deadlineFor } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds' });

export type ActionName = StaffAction | ApplicantAction;

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

/** An action a validator accepted, waiting for the procedure to apply it. */
interface Ticket {
  name: ActionName;
  request: ActionRequest<Record<string, unknown>>;
  done: boolean;
  refusal?: string;
}

const STAFF_ROLES = new Set<Actor['role']>(['staff', 'admin']);

export class CaseRun {
  readonly input: ApplicationWorkflowInput;
  private seq = 0;
  private inbox: Ticket[] = [];
  snapshot: ApplicationSnapshot;

  constructor(input: ApplicationWorkflowInput) {
    this.input = input;
    this.snapshot = {
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
    };
  }

  get stage(): Stage {
    return this.snapshot.stage as Stage;
  }

  view(): CaseView {
    const s = this.snapshot;
    return { stage: this.stage, status: s.status, seq: this.seq, deadlineAt: s.deadlineAt, overdue: s.overdue };
  }

  /** Registers the query and one update per action; validators refuse without a trace in history. */
  listen(): void {
    setHandler(caseViewQuery, () => this.view());
    const all = { ...staffUpdates, ...applicantUpdates } as Record<ActionName, UpdateDefinition<CaseView, [ActionRequest<unknown>]>>;
    for (const name of Object.keys(all) as ActionName[]) {
      setHandler(all[name], (request) => this.receive(name, request), { validator: (request) => this.validate(name, request) });
    }
  }

  private validate(name: ActionName, request: ActionRequest<unknown>): void {
    if (STAGE_DEFINITIONS[this.stage].final) throw new Error(`Заявка ${this.input.number} закрыта: действия по ней невозможны`);
    if (!this.allows(name)) {
      throw new Error(`Действие «${actionLabel(name)}» недоступно на этапе «${STAGE_DEFINITIONS[this.stage].title}»`);
    }
    const role = request.actor.role;
    if (name in STAFF_ACTIONS) {
      const paymentByBank = name === 'confirmPayment' && role === 'bank';
      if (!STAFF_ROLES.has(role) && !paymentByBank) throw new Error('Это действие выполняет сотрудник сетевой организации');
    } else if (request.actor.id !== this.input.applicant.id || role !== 'applicant') {
      throw new Error('Это действие выполняет заявитель по своей заявке');
    }
    const schema = name in STAFF_ACTIONS ? staffActionSchemas[name as StaffAction] : applicantActionSchemas[name as ApplicantAction];
    const parsed = schema.safeParse(request.input);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  }

  private async receive(name: ActionName, request: ActionRequest<unknown>): Promise<CaseView> {
    const schema = name in STAFF_ACTIONS ? staffActionSchemas[name as StaffAction] : applicantActionSchemas[name as ApplicantAction];
    const ticket: Ticket = { name, request: { actor: request.actor, input: schema.parse(request.input) as Record<string, unknown> }, done: false };
    this.inbox.push(ticket);
    // Read your writes: answer only once the projection of the action's effect is stored.
    await condition(() => ticket.done);
    if (ticket.refusal) throw ApplicationFailure.nonRetryable(ticket.refusal, 'ActionRefused');
    return this.view();
  }

  /** The next accepted action that is still valid now; ones overtaken by an earlier action are refused. */
  private take(): Ticket | undefined {
    for (let t = this.inbox.shift(); t; t = this.inbox.shift()) {
      if (this.allows(t.name)) return t;
      t.refusal = `Действие «${actionLabel(t.name)}» уже неприменимо: заявка перешла на этап «${STAGE_DEFINITIONS[this.stage].title}»`;
      t.done = true;
    }
    return undefined;
  }

  private async until(instant: number | null): Promise<boolean> {
    if (instant === null) {
      await condition(() => this.inbox.length > 0);
      return true;
    }
    const ms = instant - Date.now();
    return ms > 0 ? condition(() => this.inbox.length > 0, ms) : this.inbox.length > 0;
  }

  /**
   * Waits in the current stage for one of `allowed` (withdrawal is always
   * open): reminders at set fractions of the term, then the deadline.
   */
  async waitFor(allowed: ActionName[], opts: { remind: 'applicant' | 'staff' | 'nobody' }): Promise<Ticket | 'deadline'> {
    for (const name of allowed) if (!this.allows(name)) throw new Error(`${name} is not an action of stage ${this.stage}`);
    const deadline = this.snapshot.overdue ? null : this.snapshot.deadlineAt;
    const reminders = deadline !== null && opts.remind !== 'nobody' ? reminderInstants(this.snapshot.stageStartedAt, deadline) : [];
    for (;;) {
      for (const at of reminders.filter((r) => r > Date.now())) {
        if (await this.until(at)) break;
        await this.remind(opts.remind as 'applicant' | 'staff', at);
      }
      if (await this.until(deadline)) {
        const ticket = this.take();
        if (ticket) return ticket;
        continue; // everything in the inbox was stale; keep waiting
      }
      return 'deadline';
    }
  }

  /** Moves the case into a stage: history event, documents, notifications, projection, then the action's answer. */
  async enter(
    stage: Stage,
    because: { ticket?: Ticket; type: string; title: string },
    opts: { term?: TermKey | null; keepDeadline?: boolean; docs?: GeneratedDocKind[]; docFields?: Record<string, unknown>; tell?: string; tellStaff?: string; supplier?: string } = {},
  ): Promise<void> {
    const now = Date.now();
    const previous = this.stage;
    const definition = STAGE_DEFINITIONS[stage];
    this.seq += 1;
    const seq = this.seq;
    const s = this.snapshot;
    if (!opts.keepDeadline) {
      s.deadlineAt = opts.term ? await deadlineFor(now, this.input.terms[opts.term]) : null;
      s.deadlineTerm = opts.term ? formatTerm(this.input.terms[opts.term]) : null;
      s.overdue = false;
      s.overdueSince = null;
    }
    s.stage = stage;
    s.stageStartedAt = now;
    s.whoActs = definition.whoActs;
    if (definition.final) {
      s.status = stage === 'completed' ? 'completed' : stage === 'annulled' ? 'annulled' : 'withdrawn';
      s.finishedAt = now;
      s.deadlineAt = null;
      s.deadlineTerm = null;
      s.overdue = false;
    }
    const actor = because.ticket?.request.actor ?? null;
    const input = because.ticket?.request.input ?? {};
    const comment = typeof input.comment === 'string' ? input.comment : '';

    const documents = opts.docs?.length
      ? await publishDocuments({
          caseId: s.id,
          seq,
          stage: previous,
          kinds: opts.docs,
          fields: { ...input, ...(actor ? { staffName: actor.name } : {}), ...(s.deadlineAt ? { deadline: new Date(s.deadlineAt).toISOString(), tuDeadline: new Date(s.deadlineAt).toISOString() } : {}), ...opts.docFields },
          issuedAt: now,
        })
      : [];
    const event: CaseEventRecord = {
      seq,
      type: because.type,
      stage,
      title: because.title,
      actor,
      comment,
      data: { action: because.ticket?.name ?? null, input, from: previous, documents },
      deadlineAt: s.deadlineAt,
      at: now,
    };
    upsertSearchAttributes([
      { key: CaseStage, value: stage },
      { key: CaseStatus, value: s.status },
      { key: CaseOverdue, value: s.overdue },
    ]);
    await projectApplication({ ...s }, event);
    if (because.ticket) because.ticket.done = true;

    const headline = `${because.title}. ${definition.final ? definition.title : `Этап: ${definition.title}`}.`;
    const deadlineText = s.deadlineAt ? ` Срок: до ${formatInstant(s.deadlineAt)} (${s.deadlineTerm}).` : '';
    const docsText = documents.length ? ` Размещены документы: ${documents.map((d) => `«${d.title}»`).join(', ')}.` : '';
    const kind: NotificationRequest['kind'] = stage === 'annulled' ? 'annulled' : documents.length ? 'document' : 'stage';
    await notify({
      key: `${s.id}:${seq}:applicant`,
      caseId: s.id,
      caseNumber: s.number,
      kind,
      title: because.title,
      body: `${opts.tell ?? headline}${deadlineText}${docsText}`,
      to: { userId: s.applicantId },
    });
    if (opts.tellStaff) {
      await notify({ key: `${s.id}:${seq}:staff`, caseId: s.id, caseNumber: s.number, kind: 'stage', title: because.title, body: opts.tellStaff, to: { staff: true } });
    }
    if (opts.supplier) {
      await informSupplier({ key: `${s.id}:${seq}:supplier`, supplierEmail: this.input.supplier.email, caseNumber: s.number, title: because.title, body: opts.supplier });
    }
  }

  /** A system event within the stage (reminder, overdue): history and read model, no stage change. */
  private async record(type: string, title: string, data: Record<string, unknown> = {}): Promise<number> {
    this.seq += 1;
    const event: CaseEventRecord = { seq: this.seq, type, stage: this.stage, title, actor: null, comment: '', data, deadlineAt: this.snapshot.deadlineAt, at: Date.now() };
    await projectApplication({ ...this.snapshot }, event);
    return this.seq;
  }

  private async remind(who: 'applicant' | 'staff', at: number): Promise<void> {
    const s = this.snapshot;
    const title = `Приближается срок этапа «${STAGE_DEFINITIONS[this.stage].title}»`;
    const seq = await this.record('reminder', title, { who, at });
    const body = `${title}: до ${formatInstant(s.deadlineAt!)}.${who === 'applicant' ? ' Если не успеть, заявка будет аннулирована.' : ''}`;
    await notify({ key: `${s.id}:${seq}:reminder`, caseId: s.id, caseNumber: s.number, kind: 'reminder', title, body, to: who === 'applicant' ? { userId: s.applicantId } : { staff: true } });
  }

  /** The grid missed its own term: the case is marked overdue for everyone and escalated to the supervisors. */
  async escalate(): Promise<void> {
    const s = this.snapshot;
    s.overdue = true;
    s.overdueSince = Date.now();
    upsertSearchAttributes([{ key: CaseOverdue, value: true }]);
    const stageTitle = STAGE_DEFINITIONS[this.stage].title;
    const seq = await this.record('overdue', `Сетевая организация нарушила срок этапа «${stageTitle}»`, { deadlineAt: s.deadlineAt });
    log.warn('grid deadline missed', { number: s.number, stage: this.stage });
    await notify({
      key: `${s.id}:${seq}:overdue-applicant`,
      caseId: s.id,
      caseNumber: s.number,
      kind: 'overdue',
      title: 'Срок нарушен сетевой организацией',
      body: `Срок этапа «${stageTitle}» истёк ${formatInstant(s.deadlineAt!)}. Нарушение передано руководителю; мы сообщим, когда этап будет выполнен.`,
      to: { userId: s.applicantId },
    });
    await notify({
      key: `${s.id}:${seq}:overdue-staff`,
      caseId: s.id,
      caseNumber: s.number,
      kind: 'overdue',
      title: `Просрочка: ${s.number}`,
      body: `Истёк срок этапа «${stageTitle}» (${formatInstant(s.deadlineAt!)}). Заявка эскалирована руководителю.`,
      to: { staff: true },
    });
  }

  /** The actions of the stage (DOMAIN §3 via domain/application.ts); withdrawal is open until the case ends. */
  private allows(name: ActionName): boolean {
    if (STAGE_DEFINITIONS[this.stage].final) return false;
    if (name === 'withdraw') return true;
    const stage = name in STAFF_ACTIONS ? STAFF_ACTIONS[name as StaffAction].stage : APPLICANT_ACTIONS[name as ApplicantAction].stage;
    return stage === this.stage;
  }

  /** Actions that arrive after the case ended are answered, not left hanging. */
  closeInbox(): void {
    this.take();
  }

  markContractConcluded(): void {
    this.snapshot.contractConcludedAt = Date.now();
  }
}

export function actionLabel(name: ActionName): string {
  return name in STAFF_ACTIONS ? STAFF_ACTIONS[name as StaffAction].label : APPLICANT_ACTIONS[name as ApplicantAction].label;
}

const instantFormat = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' });
export function formatInstant(ms: number): string {
  return `${instantFormat.format(ms)} (мск)`;
}

export type { Ticket };
