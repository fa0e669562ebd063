// The machinery every case procedure stands on (applications, appeals): the
// inbox of accepted actions, stage entry (history event, documents,
// notifications, projection), waiting with reminders and a durable deadline,
// and escalation. Each procedure describes its stages and actions as data and
// reads as the regulation it implements; this class does the bookkeeping.
import type { UpdateDefinition } from '@temporalio/common';
import { condition, log, patched, proxyActivities, proxyLocalActivities, setHandler, upsertSearchAttributes, ApplicationFailure, type QueryDefinition } from '@temporalio/workflow';
import type { z } from 'zod';
import type { Activities } from '../../activities';
import type { CaseEventRecord, CaseSnapshot, NotificationRequest, Projected, StartingTerm } from '../../activities/cases';
import type { GeneratedDocKind } from '../../documents/kinds';
import { formatTerm, reminderInstants, type ResolvedTerms, type TermKey } from '../../domain/regulations';
import { CaseOverdue, CaseStage, CaseStatus } from '../search-attributes';

// Short attempts: these activities take seconds, and a worker that dies mid-attempt
// should cost the case half a minute, not more. Retries go on until they succeed.
export const caseActivities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { notify, publishDocuments } = caseActivities;
const { deadlineFor } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds' });
const localCaseActivities = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Where the read-model projection runs. An action is answered only once its
 * projection is stored; as a local activity the projection runs inside the
 * workflow task that took the action, so the answer costs one round trip to
 * the server instead of three (bench «ryw»). It is idempotent, as a local
 * activity may run again. Cases that recorded projection activities before
 * this change replay them.
 */
export function projectionActivities() {
  return patched('projection-as-local-activity') ? localCaseActivities : caseActivities;
}

/** Who performed an action: carried into the history for auditors. */
export interface Actor {
  id: string | null;
  name: string;
  role: 'applicant' | 'staff' | 'admin' | 'bank' | 'system';
}

export interface ActionRequest<I> {
  actor: Actor;
  input: I;
}

/** What an action returns: the case as it is once the read model shows the action's effect. */
export interface CaseView<S extends string = string> {
  stage: S;
  status: string;
  seq: number;
  deadlineAt: number | null;
  overdue: boolean;
}

export interface StageSpec {
  title: string;
  whoActs: string;
  final?: boolean;
  /** The status a final stage leaves the case in. */
  status?: string;
}

/** Who may perform an action: the case's applicant, grid staff, a supervisor (admin), or the bank. */
export type Performer = 'applicant' | 'staff' | 'supervisor' | 'staff-or-bank';

export interface ActionSpec<S extends string> {
  label: string;
  /** The stages the action belongs to; null = every stage until the case ends. */
  stages: readonly S[] | null;
  by: Performer;
  schema: z.ZodType;
}

/** An action a validator accepted, waiting for the procedure to apply it. */
export interface Ticket<A extends string = string> {
  name: A;
  request: ActionRequest<Record<string, unknown>>;
  done: boolean;
  refusal?: string;
}

export interface CaseDefinition<S extends string, A extends string, Snap extends CaseSnapshot> {
  noun: string;
  stages: Record<S, StageSpec>;
  actions: Record<A, ActionSpec<S>>;
  updates: Record<A, UpdateDefinition<CaseView<S>, [ActionRequest<unknown>], string>>;
  viewQuery: QueryDefinition<CaseView<S>>;
  /** Stores the read model, computing the deadline of a starting term; resolves with what it stored (recorded in the history for auditors). */
  project(snapshot: Snap, event: CaseEventRecord, starting?: StartingTerm): Promise<Projected<Snap>>;
  terms: ResolvedTerms;
  /** The cabinet pages of the case, for notifications and e-mails. */
  links: { applicant: string; staff: string };
}

const PERFORMERS: Record<Performer, ReadonlySet<Actor['role']>> = {
  applicant: new Set(['applicant']),
  staff: new Set(['staff', 'admin']),
  supervisor: new Set(['admin']),
  'staff-or-bank': new Set(['staff', 'admin', 'bank']),
};

const REFUSAL_BY: Record<Performer, string> = {
  applicant: 'Это действие выполняет заявитель по своему делу',
  staff: 'Это действие выполняет сотрудник сетевой организации',
  supervisor: 'Это действие выполняет руководитель (администратор)',
  'staff-or-bank': 'Это действие выполняет сотрудник сетевой организации или банк',
};

export class CaseMachine<S extends string, A extends string, Snap extends CaseSnapshot> {
  protected seq = 0;
  private inbox: Ticket<A>[] = [];
  /** Notifications still on their way; the procedure does not wait for them. */
  private sending: Promise<void>[] = [];

  constructor(
    readonly definition: CaseDefinition<S, A, Snap>,
    public snapshot: Snap,
  ) {}

  get stage(): S {
    return this.snapshot.stage as S;
  }

  protected get stageSpec(): StageSpec {
    return this.definition.stages[this.stage];
  }

  view(): CaseView<S> {
    const s = this.snapshot;
    return { stage: this.stage, status: s.status, seq: this.seq, deadlineAt: s.deadlineAt, overdue: s.overdue };
  }

  /** Registers the query and one update per action; validators refuse without a trace in history. */
  listen(): void {
    setHandler(this.definition.viewQuery, () => this.view());
    for (const name of Object.keys(this.definition.actions) as A[]) {
      const update: UpdateDefinition<CaseView<S>, [ActionRequest<unknown>], string> = this.definition.updates[name];
      setHandler(update, (request: ActionRequest<unknown>) => this.receive(name, request), { validator: (request: ActionRequest<unknown>) => this.validate(name, request) });
    }
  }

  actionLabel(name: A): string {
    return this.definition.actions[name].label;
  }

  /** Extra checks of a procedure (e.g. the assignee); throw to refuse. Must be synchronous. */
  protected check(_name: A, _request: ActionRequest<unknown>): void {}

  private validate(name: A, request: ActionRequest<unknown>): void {
    if (this.stageSpec.final) throw new Error(`${this.definition.noun} ${this.snapshot.number} закрыт${this.definition.noun === 'Заявка' ? 'а' : 'о'}: действия невозможны`);
    if (!this.allows(name)) throw new Error(`Действие «${this.actionLabel(name)}» недоступно на этапе «${this.stageSpec.title}»`);
    const spec = this.definition.actions[name];
    if (!PERFORMERS[spec.by].has(request.actor.role)) throw new Error(REFUSAL_BY[spec.by]);
    if (spec.by === 'applicant' && request.actor.id !== this.snapshot.applicantId) throw new Error(REFUSAL_BY.applicant);
    const parsed = spec.schema.safeParse(request.input);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
    this.check(name, request);
  }

  private async receive(name: A, request: ActionRequest<unknown>): Promise<CaseView<S>> {
    const input = this.definition.actions[name].schema.parse(request.input) as Record<string, unknown>;
    const ticket: Ticket<A> = { name, request: { actor: request.actor, input }, done: false };
    this.inbox.push(ticket);
    // Read your writes: answer only once the projection of the action's effect is stored.
    await condition(() => ticket.done);
    if (ticket.refusal) throw ApplicationFailure.nonRetryable(ticket.refusal, 'ActionRefused');
    return this.view();
  }

  /** The stage's actions (the procedure's data); none once the case has ended. */
  protected allows(name: A): boolean {
    if (this.stageSpec.final) return false;
    const stages = this.definition.actions[name].stages;
    return stages === null || stages.includes(this.stage);
  }

  /** The next accepted action that is still valid now; ones overtaken by an earlier action are refused. */
  private take(): Ticket<A> | undefined {
    for (let t = this.inbox.shift(); t; t = this.inbox.shift()) {
      if (this.allows(t.name)) return t;
      t.refusal = `Действие «${this.actionLabel(t.name)}» уже неприменимо: дело перешло на этап «${this.stageSpec.title}»`;
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
   * Waits in the current stage for one of `allowed` (plus actions open in
   * every stage): reminders at set fractions of the term, then the deadline.
   */
  async waitFor(allowed: A[], opts: { remind: 'applicant' | 'staff' | 'nobody' }): Promise<Ticket<A> | 'deadline'> {
    for (const name of allowed) if (!this.allows(name)) throw new Error(`${name} is not an action of stage ${this.stage}`);
    const deadline = this.snapshot.overdue ? null : this.snapshot.deadlineAt;
    const reminders = deadline !== null && opts.remind !== 'nobody' ? reminderInstants(this.termStart(), deadline) : [];
    for (;;) {
      for (const at of reminders.filter((r) => r > Date.now())) {
        if (await this.until(at)) break;
        await this.remind(opts.remind as 'applicant' | 'staff');
      }
      if (await this.until(deadline)) {
        const ticket = this.take();
        if (ticket) return ticket;
        continue; // everything in the inbox was stale; keep waiting
      }
      return 'deadline';
    }
  }

  /** Where the running term began, for reminders at fractions of it; a procedure whose term spans stages overrides it. */
  protected termStart(): number {
    return this.snapshot.stageStartedAt;
  }

  /** Moves the case into a stage: history event, documents, notifications, projection, then the action's answer. */
  async enter(
    stage: S,
    because: { ticket?: Ticket<A>; actor?: Actor; type: string; title: string },
    opts: {
      term?: TermKey | null;
      /** An explicit deadline (a paused term resuming); overrides `term`. */
      deadlineAt?: number;
      keepDeadline?: boolean;
      /** The term stops running (and is not overdue-checked) until a later stage resumes it. */
      pause?: boolean;
      docs?: GeneratedDocKind[];
      docFields?: Record<string, unknown>;
      tell?: string;
      tellStaff?: string;
    } = {},
  ): Promise<{ seq: number }> {
    const now = Date.now();
    const previous = this.stage;
    const spec = this.definition.stages[stage];
    this.seq += 1;
    const seq = this.seq;
    const s = this.snapshot;
    let starting: StartingTerm | undefined;
    if (opts.pause) {
      s.deadlineAt = null;
      s.deadlineTerm = 'срок приостановлен';
    } else if (!opts.keepDeadline) {
      const term = opts.term ? this.definition.terms[opts.term] : null;
      // Documents print the deadline, so they need it first; otherwise the projection computes it (one local activity instead of two).
      if (term && opts.deadlineAt === undefined && !opts.docs?.length && !spec.final && patched('deadline-in-projection')) starting = { startMs: now, term };
      s.deadlineAt = opts.deadlineAt ?? (term && !starting ? await deadlineFor(now, term) : null);
      s.deadlineTerm = term ? formatTerm(term) : null;
      s.overdue = false;
      s.overdueSince = null;
    }
    s.stage = stage;
    s.stageStartedAt = now;
    s.whoActs = spec.whoActs;
    if (spec.final) {
      s.status = spec.status ?? 'closed';
      s.finishedAt = now;
      s.deadlineAt = null;
      s.deadlineTerm = null;
      s.overdue = false;
    }
    const actor = because.ticket?.request.actor ?? because.actor ?? null;
    const input = because.ticket?.request.input ?? {};
    const comment = typeof input.comment === 'string' ? input.comment : '';

    const documents = opts.docs?.length
      ? await publishDocuments({
          caseId: s.id,
          seq,
          stage: previous,
          kinds: opts.docs,
          fields: { ...input, ...(actor && actor.role !== 'applicant' ? { staffName: actor.name } : {}), ...(s.deadlineAt ? { deadline: new Date(s.deadlineAt).toISOString(), tuDeadline: new Date(s.deadlineAt).toISOString() } : {}), ...opts.docFields },
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
    const projected = await this.definition.project({ ...s }, event, starting);
    if (starting) s.deadlineAt = projected.snapshot.deadlineAt;
    if (because.ticket) because.ticket.done = true;

    const headline = `${because.title}. ${spec.final ? spec.title : `Этап: ${spec.title}`}.`;
    const deadlineText = s.deadlineAt ? ` Срок: до ${formatInstant(s.deadlineAt)}${s.deadlineTerm ? ` (${s.deadlineTerm})` : ''}.` : '';
    const docsText = documents.length ? ` Размещены документы: ${documents.map((d) => `«${d.title}»`).join(', ')}.` : '';
    const kind: NotificationRequest['kind'] = stage === 'annulled' ? 'annulled' : documents.length ? 'document' : 'stage';
    await this.tell({
      key: `${s.id}:${seq}:applicant`,
      caseId: s.id,
      caseNumber: s.number,
      kind,
      title: because.title,
      body: `${opts.tell ?? headline}${deadlineText}${docsText}`,
      to: { userId: s.applicantId },
      link: this.definition.links.applicant,
    });
    if (opts.tellStaff) {
      await this.tell({ key: `${s.id}:${seq}:staff`, caseId: s.id, caseNumber: s.number, kind: 'stage', title: because.title, body: opts.tellStaff, to: this.staffAudience(), link: this.definition.links.staff });
    }
    return { seq };
  }

  /**
   * Sends a notification (in the cabinet and by e-mail) beside the procedure:
   * with the mail server down, its retries must not hold the case, nor the
   * next action, which would wait for an answer until the mail went out.
   * Cases that recorded waiting for each notification replay as they were.
   */
  protected tell(request: NotificationRequest): Promise<void> {
    return this.beside(notify(request));
  }

  /** Lets work that need not hold the case run on (since patch 'notifications-beside-the-procedure'); close() waits for it. */
  protected async beside(work: Promise<void>): Promise<void> {
    if (!patched('notifications-beside-the-procedure')) return work;
    work.catch(() => undefined); // a failure surfaces in close(), not as an unhandled rejection meanwhile
    this.sending.push(work);
  }

  /** Staff notifications go to the whole staff feed; a procedure with an assignee narrows it. */
  protected staffAudience(): NotificationRequest['to'] {
    return { staff: true };
  }

  /** A system event within the stage (reminder, overdue): history and read model, no stage change. */
  protected async record(type: string, title: string, data: Record<string, unknown> = {}): Promise<number> {
    this.seq += 1;
    const event: CaseEventRecord = { seq: this.seq, type, stage: this.stage, title, actor: null, comment: '', data, deadlineAt: this.snapshot.deadlineAt, at: Date.now() };
    await this.definition.project({ ...this.snapshot }, event);
    return this.seq;
  }

  private async remind(who: 'applicant' | 'staff'): Promise<void> {
    const s = this.snapshot;
    const title = `Приближается срок этапа «${this.stageSpec.title}»`;
    const seq = await this.record('reminder', title, { who });
    const body = `${title}: до ${formatInstant(s.deadlineAt!)}.${who === 'applicant' ? this.applicantReminderTail() : ''}`;
    const toApplicant = who === 'applicant';
    await this.tell({ key: `${s.id}:${seq}:reminder`, caseId: s.id, caseNumber: s.number, kind: 'reminder', title, body, to: toApplicant ? { userId: s.applicantId } : this.staffAudience(), link: toApplicant ? this.definition.links.applicant : this.definition.links.staff });
  }

  protected applicantReminderTail(): string {
    return '';
  }

  /** The grid missed its own term: the case is marked overdue for everyone and escalated to the supervisors. */
  async escalate(): Promise<void> {
    const s = this.snapshot;
    s.overdue = true;
    s.overdueSince = Date.now();
    upsertSearchAttributes([{ key: CaseOverdue, value: true }]);
    const stageTitle = this.stageSpec.title;
    const seq = await this.record('overdue', `Сетевая организация нарушила срок этапа «${stageTitle}»`, { deadlineAt: s.deadlineAt });
    log.warn('grid deadline missed', { number: s.number, stage: this.stage });
    await this.tell({
      key: `${s.id}:${seq}:overdue-applicant`,
      caseId: s.id,
      caseNumber: s.number,
      kind: 'overdue',
      title: 'Срок нарушен сетевой организацией',
      body: `Срок этапа «${stageTitle}» истёк ${formatInstant(s.deadlineAt!)}. Нарушение передано руководителю; мы сообщим, когда этап будет выполнен.`,
      to: { userId: s.applicantId },
      link: this.definition.links.applicant,
    });
    await this.tell({
      key: `${s.id}:${seq}:overdue-staff`,
      caseId: s.id,
      caseNumber: s.number,
      kind: 'overdue',
      title: `Просрочка: ${s.number}`,
      body: `Истёк срок этапа «${stageTitle}» (${formatInstant(s.deadlineAt!)}). Дело эскалировано руководителю.`,
      to: { staff: true },
      link: this.definition.links.staff,
    });
  }

  /** A stage whose term binds the grid: missing it does not end the case, it makes it overdue and escalates. */
  async gridActs(allowed: A[], remind: 'staff' | 'applicant' = 'staff'): Promise<Ticket<A>> {
    const first = await this.waitFor(allowed, { remind });
    if (first !== 'deadline') return first;
    await this.escalate();
    const late = await this.waitFor(allowed, { remind: 'nobody' });
    if (late === 'deadline') throw new Error('unreachable: an overdue stage has no deadline');
    return late;
  }

  /** The case has ended: actions that arrive now are answered, not left hanging, and the case closes once its notifications are out. */
  async close(): Promise<void> {
    this.take();
    await Promise.all(this.sending);
  }
}

const instantFormat = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' });
export function formatInstant(ms: number): string {
  return `${instantFormat.format(ms)} (мск)`;
}
