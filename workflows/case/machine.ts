// The machinery every case procedure stands on (applications, appeals): the
// inbox of validated actions, waiting in a stage on the party whose clock
// runs there, stage entry (history event, documents, projection, notices)
// and escalation. What a procedure is — its stages, terms, parties and who
// may take each action — comes from its table in domain/procedures/; this
// class only does the bookkeeping.
import type { UpdateDefinition } from '@temporalio/common';
import { condition, log, setHandler, upsertSearchAttributes, ApplicationFailure } from '@temporalio/workflow';
import { openIn, REFUSAL_BY, stageTermKey, type CaseFacts, type ProcedureTable, type TermContext } from '../../domain/procedures/table';
import { reminderInstants, resolveTerms, type TermKey, type TermSpec } from '../../domain/regulations';
import { CaseOverdue, CaseStage, CaseStatus } from '../search-attributes';
import { caseActivities } from './activity-proxies';

import { recalculateDeadlineUpdate, type ActionRequest, type CalendarChange, type CaseEventRecord, type CaseSnapshot, type CaseView, type NotificationRequest } from './contract';
import { applyDeadline, computeAtRisk, computeDeadline, type RunningTerm } from './deadline';
import { CaseExit, refusalOf, type CaseDefinition, type EntryOptions, type StageEntry, type Ticket, type TicketOf } from './definition';
import type { ConversationHost, ConversationMessage } from './conversation';
import { caseNotices } from './notices';
import { since } from './patches';

export { caseActivities, projectionActivities } from './activity-proxies';
export { CaseExit, type CaseDefinition, type EntryOptions, type StageEntry, type Ticket, type TicketOf } from './definition';

const { notify, publishDocuments } = caseActivities;

export class CaseMachine<S extends string, A extends string, Snap extends CaseSnapshot, I extends Record<A, unknown>, M extends Record<S, A>> {
  protected seq = 0;
  private inbox: Ticket<A, unknown>[] = [];
  /** Calendar changes waiting to be applied to the running term (Update recalculateDeadline). */
  private recalculations: Array<{ change: CalendarChange; done: boolean }> = [];
  /** The term running now, to compute again when its year's calendar changes. */
  protected runningTerm: RunningTerm | null = null;
  /** The running term ran out and the procedure dealt with it: the stage waits on without a deadline. */
  protected termLapsed = false;
  /** The grid's running term and when it is at risk (computed once per deadline), and whether that was told. */
  private atRisk: { deadline: number; at: number; told: boolean } | null = null;
  /** Notifications still on their way; the procedure does not wait for them. */
  private sending: Promise<void>[] = [];

  constructor(
    readonly definition: CaseDefinition<S, A, Snap>,
    public snapshot: Snap,
  ) {}

  get stage(): S {
    return this.snapshot.stage as S;
  }

  private get table(): ProcedureTable<S, A> {
    return this.definition.table;
  }

  view(): CaseView<S> {
    const s = this.snapshot;
    return { stage: this.stage, status: s.status, seq: this.seq, deadlineAt: s.deadlineAt, overdue: s.overdue };
  }

  /** Registers the query and one update per action; validators refuse without a trace in history. */
  listen(): void {
    setHandler(this.definition.viewQuery, () => this.view());
    for (const name of Object.keys(this.table.actions) as A[]) {
      const update = this.definition.updates[name] as unknown as UpdateDefinition<CaseView<S>, [ActionRequest<unknown>], string>;
      // An action beside the procedure (a later instalment) is applied at once by its own handler; the stages never wait on it.
      const receive = this.table.actions[name].beside ? (request: ActionRequest<unknown>) => this.receiveBeside(name, request) : (request: ActionRequest<unknown>) => this.receive(name, request);
      setHandler(update, receive, { validator: (request: ActionRequest<unknown>) => this.validate(name, request) });
    }
    setHandler(recalculateDeadlineUpdate as unknown as UpdateDefinition<CaseView<S>, [CalendarChange]>, (change: CalendarChange) => this.receiveCalendarChange(change), {
      validator: (_change: CalendarChange) => {
        if (this.table.stages[this.stage].final) throw new Error(caseNotices.closed(this.definition.noun, this.snapshot.number));
      },
    });
  }

  private async receiveCalendarChange(change: CalendarChange): Promise<CaseView<S>> {
    const request = { change, done: false };
    this.recalculations.push(request);
    await condition(() => request.done);
    return this.view();
  }

  /**
   * A production calendar year changed: the running term is computed again
   * from where it started (patch 'calendar-recalculation'), and the history
   * and the applicant's notice name the decree that moved it.
   */
  private async recalculate(): Promise<void> {
    for (const request of this.recalculations.splice(0)) {
      const s = this.snapshot;
      const running = this.runningTerm;
      if (since('calendar-recalculation') && running && s.deadlineAt !== null && (running.term.unit === 'working-days' || running.term.unit === 'calendar-days')) {
        await this.recalculateOuterTerms(request.change);
        const cap = this.outerCap(running);
        const next = Math.min(await computeDeadline(running.startMs, running.term), cap ?? Number.POSITIVE_INFINITY);
        if (next !== s.deadlineAt) {
          const before = s.deadlineAt;
          s.deadlineAt = next;
          if (s.overdue && next > Date.now()) {
            s.overdue = false;
            s.overdueSince = null;
            upsertSearchAttributes([{ key: CaseOverdue, value: false }]);
          }
          const title = caseNotices.recalculatedTitle(request.change.year, request.change.decree);
          const seq = await this.record('deadline-recalculated', title, { before, after: next, year: request.change.year, decree: request.change.decree });
          await this.tell({ key: `${s.id}:${seq}:recalculated`, caseId: s.id, caseNumber: s.number, kind: 'stage', title, body: caseNotices.recalculatedBody(this.table.stages[this.stage].title, before, next, request.change.decree), to: { userId: s.applicantId }, link: this.definition.links.applicant, deadlineAt: next });
        }
      }
      request.done = true;
    }
  }

  /** Terms around the stage's own (the connection term) computed again first; a procedure that has them overrides this. */
  protected async recalculateOuterTerms(_change: CalendarChange): Promise<void> {}

  /** The instant an outer term caps the running one at, now. */
  protected outerCap(running: RunningTerm): number | null {
    return running.capAt;
  }

  actionLabel(name: A): string {
    return this.table.actions[name].label;
  }

  /** Facts of the case that some actions depend on (the holder, a past reopening). */
  protected facts(): CaseFacts {
    return {};
  }

  /** The refusal of a holder-only action taken by someone else. */
  protected holderRefusal(): string {
    return REFUSAL_BY.staff;
  }

  /** What a stage's term depends on in this case (the ТУ term, a public buyer). */
  protected termContext(): TermContext {
    return { publicBuyer: false, tuTerm: 'tuFulfilment30wd' };
  }

  /** Synchronous, as Update validators must be: every refusal leaves no trace in the history. */
  private validate(name: A, request: ActionRequest<unknown>): void {
    const s = this.snapshot;
    const refusal = refusalOf(this.definition, { stage: this.stage, number: s.number, applicantId: s.applicantId, facts: this.facts(), holderRefusal: () => this.holderRefusal() }, name, request) ?? (this.table.actions[name].beside ? this.besideRefusal(name, request) : null);
    if (refusal) throw new Error(refusal);
  }

  private async receive(name: A, request: ActionRequest<unknown>): Promise<CaseView<S>> {
    // Validators do not run on replay: what an older version accepted is parsed by the schema that knows its shape.
    const input = (this.definition.recordedSchemas?.[name] ?? this.definition.schemas[name]).parse(request.input) as unknown;
    const ticket: Ticket<A, unknown> = { name, request: { actor: request.actor, input }, done: false };
    this.inbox.push(ticket);
    // Read your writes: answer only once the projection of the action's effect is stored.
    await condition(() => ticket.done);
    if (ticket.refusal) throw ApplicationFailure.nonRetryable(ticket.refusal, 'ActionRefused');
    return this.view();
  }

  private async receiveBeside(name: A, request: ActionRequest<unknown>): Promise<CaseView<S>> {
    const input = this.definition.schemas[name].parse(request.input) as unknown;
    const refusal = await this.besideAction(name, { actor: request.actor, input });
    if (refusal) throw ApplicationFailure.nonRetryable(refusal, 'ActionRefused');
    return this.view();
  }

  /** Why an action beside the procedure is refused with this input (synchronous, in the validator), or null. */
  protected besideRefusal(_name: A, _request: ActionRequest<unknown>): string | null {
    return null;
  }

  /** Applies an action the table marks `beside`; resolves with a refusal, or null once its effect is projected. */
  protected async besideAction(name: A, _request: ActionRequest<unknown>): Promise<string | null> {
    return `${this.actionLabel(name)}: действие не поддерживается`;
  }

  /** The next accepted action that is still open now; ones overtaken by an earlier action are refused. */
  private take(): Ticket<A, unknown> | undefined {
    for (let t = this.inbox.shift(); t; t = this.inbox.shift()) {
      if (openIn(this.table, this.stage, t.name)) return t;
      t.refusal = caseNotices.overtaken(this.actionLabel(t.name), this.table.stages[this.stage].title);
      t.done = true;
    }
    return undefined;
  }

  private async until(instant: number | null): Promise<boolean> {
    const woken = () => this.inbox.length > 0 || this.recalculations.length > 0;
    if (instant === null) {
      await condition(woken);
      return true;
    }
    const ms = instant - Date.now();
    return ms > 0 ? condition(woken, ms) : woken();
  }

  /**
   * Waits in the current stage for one of the actions the table opens in it:
   * reminders at set fractions of the term, then the deadline. An action open
   * in every stage (withdrawal) leaves the procedure as a CaseExit.
   */
  private async waitInStage(stage: S, remind: 'applicant' | 'staff' | 'nobody', gridClock = false): Promise<Ticket<A, unknown> | 'lapsed'> {
    if (stage !== this.stage) throw new Error(`the case waits in ${this.stage}, not in ${stage}`);
    for (;;) {
      // Read each round: a calendar change may have moved the deadline.
      const deadline = this.snapshot.overdue || this.termLapsed ? null : this.snapshot.deadlineAt;
      const reminders = deadline !== null && remind !== 'nobody' ? reminderInstants(this.termStart(), deadline) : [];
      const atRisk = gridClock && deadline !== null ? await this.atRiskOf(deadline) : null;
      const due = [
        ...reminders.filter((r) => r > Date.now()).map((at) => ({ at, warn: false })),
        // A term shorter than the warning has no moment of risk; one that became at risk before this wait (a term kept from the previous stage) is told at once.
        ...(atRisk && !atRisk.told && atRisk.at > this.termStart() ? [{ at: Math.max(atRisk.at, Date.now()), warn: true }] : []),
      ].sort((a, b) => a.at - b.at);
      for (const { at, warn } of due) {
        if (await this.until(at)) break;
        if (warn) await this.warnAtRisk();
        else await this.remind(remind as 'applicant' | 'staff');
      }
      if (await this.until(deadline)) {
        if (this.recalculations.length > 0) {
          await this.recalculate();
          continue;
        }
        const ticket = this.take();
        if (!ticket) continue; // everything in the inbox was stale; keep waiting
        if (this.table.actions[ticket.name].everyStage) throw new CaseExit(ticket);
        return ticket;
      }
      return 'lapsed';
    }
  }

  /**
   * A stage whose clock binds the grid (alone, or with the applicant under
   * one term): missing the term marks the case overdue and escalates it; the
   * wait goes on, because the grid still owes the step.
   */
  async awaitGrid<T extends S>(stage: T): Promise<TicketOf<I, M[T]>> {
    this.expectParty(stage, ['grid', 'both']);
    const first = await this.waitInStage(stage, this.table.stages[stage].remind, true);
    if (first !== 'lapsed') return first as TicketOf<I, M[T]>;
    await this.escalate();
    await this.afterEscalation();
    const late = await this.waitInStage(stage, 'nobody');
    if (late === 'lapsed') throw new Error('unreachable: an overdue stage has no deadline');
    return late as TicketOf<I, M[T]>;
  }

  /** Stage entry has its deadline and is about to be stored: a procedure adds what follows from it (the connection term). */
  protected onEntering(_stage: S): void {}

  /** What else follows from the grid's lateness in a procedure (a penalty); nothing by default. */
  protected async afterEscalation(): Promise<void> {}

  /** A stage whose clock binds the applicant: 'lapsed' when the term runs out, and the procedure says what follows. */
  async awaitApplicant<T extends S>(stage: T): Promise<TicketOf<I, M[T]> | 'lapsed'> {
    this.expectParty(stage, ['applicant']);
    return (await this.waitInStage(stage, this.table.stages[stage].remind)) as TicketOf<I, M[T]> | 'lapsed';
  }

  /** A stage whose one term binds both sides: 'lapsed' when it runs out, and the procedure names whichever side is late. */
  async awaitBoth<T extends S>(stage: T): Promise<TicketOf<I, M[T]> | 'lapsed'> {
    this.expectParty(stage, ['both']);
    return (await this.waitInStage(stage, this.table.stages[stage].remind)) as TicketOf<I, M[T]> | 'lapsed';
  }

  private expectParty(stage: S, parties: readonly string[]): void {
    const party = this.table.stages[stage].party;
    if (!parties.includes(party)) throw new Error(`the clock of ${stage} binds ${party}: the procedure waits on the wrong party`);
  }

  /** A term of the case's table; a key newer than the case's input falls back to today's regulations table. */
  protected termSpec(key: TermKey): TermSpec {
    return this.definition.terms[key] ?? resolveTerms()[key];
  }

  /** Where the running term began, for reminders at fractions of it; a procedure whose term spans stages overrides it. */
  protected termStart(): number {
    return this.snapshot.stageStartedAt;
  }

  /** Moves the case into a stage: history event, documents, projection, then the action's answer and the notices. */
  async enter(stage: S, because: StageEntry<A>, opts: EntryOptions = {}): Promise<{ seq: number }> {
    const now = Date.now();
    const previous = this.stage;
    const row = this.table.stages[stage];
    this.seq += 1;
    const seq = this.seq;
    const s = this.snapshot;
    const change = opts.deadline ?? 'start';
    const termKey = change !== 'keep' && change !== 'pause' && change !== 'lapsed' && !(typeof change === 'object' && 'resumeUntil' in change) ? stageTermKey(this.table, stage, this.termContext()) : null;
    const term = termKey ? this.termSpec(termKey) : null;
    const starting = await applyDeadline(s, change, term, { now, printsDocuments: Boolean(opts.docs?.length), final: row.final === true });
    if (term && typeof change !== 'string' && 'startAt' in change) this.runningTerm = { startMs: change.startAt, term, capAt: null };
    else if (term && typeof change !== 'string' && 'startCappedAt' in change) this.runningTerm = { startMs: now, term, capAt: change.startCappedAt };
    else if (term && change === 'start') this.runningTerm = { startMs: now, term, capAt: null };
    else if (change !== 'keep') this.runningTerm = null;
    if (change !== 'keep') this.termLapsed = false;
    this.onEntering(stage);
    s.stage = stage;
    s.stageStartedAt = now;
    s.whoActs = row.party;
    if (row.final) {
      s.status = this.definition.finalStatus(stage);
      s.finishedAt = now;
      s.deadlineAt = null;
      s.deadlineTerm = null;
      s.overdue = false;
    }
    const actor = because.ticket?.request.actor ?? because.actor ?? null;
    const input = (because.ticket?.request.input ?? {}) as Record<string, unknown>;
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
    const event: CaseEventRecord = { seq, type: because.type, stage, title: because.title, actor, comment, data: { action: because.ticket?.name ?? null, input, from: previous, documents }, deadlineAt: s.deadlineAt, at: now };
    upsertSearchAttributes([
      { key: CaseStage, value: stage },
      { key: CaseStatus, value: s.status },
      { key: CaseOverdue, value: s.overdue },
    ]);
    const projected = await this.definition.project({ ...s }, event, starting);
    if (starting) s.deadlineAt = projected.snapshot.deadlineAt;
    if (because.ticket) because.ticket.done = true;

    const deadlineText = s.deadlineAt ? caseNotices.deadline(s.deadlineAt, s.deadlineTerm) : '';
    const docsText = documents.length ? caseNotices.documents(documents.map((d) => d.title)) : '';
    const kind: NotificationRequest['kind'] = stage === 'annulled' ? 'annulled' : documents.length ? 'document' : 'stage';
    const body = `${opts.tell ?? caseNotices.stageHeadline(because.title, row.title, row.final === true)}${deadlineText}${docsText}`;
    await this.tell({ key: `${s.id}:${seq}:applicant`, caseId: s.id, caseNumber: s.number, kind, title: because.title, body, to: { userId: s.applicantId }, link: this.definition.links.applicant, deadlineAt: s.deadlineAt });
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
    if (!since('notifications-beside-the-procedure')) return work;
    work.catch(() => undefined); // a failure surfaces in close(), not as an unhandled rejection meanwhile
    this.sending.push(work);
  }

  /** Staff notifications go to the whole staff feed; a procedure with a holder narrows it. */
  protected staffAudience(): NotificationRequest['to'] {
    return { staff: true };
  }

  /** A system event within the stage (reminder, overdue): history and read model, no stage change. */
  protected async record(type: string, title: string, data: Record<string, unknown> = {}, actor: CaseEventRecord['actor'] = null, comment = ''): Promise<number> {
    // Its own number: a payment beside the procedure may record while another event is being projected.
    const seq = ++this.seq;
    const event: CaseEventRecord = { seq, type, stage: this.stage, title, actor, comment, data, deadlineAt: this.snapshot.deadlineAt, at: Date.now() };
    await this.definition.project({ ...this.snapshot }, event);
    return seq;
  }

  /**
   * When the grid's term ending at `deadline` is at risk (term termAtRisk before it, on the
   * production calendar; since patch 'term-escalation'). Computed once per deadline: a
   * calendar change that moves the deadline warns again about the new one.
   */
  private async atRiskOf(deadline: number): Promise<{ deadline: number; at: number; told: boolean } | null> {
    if (this.atRisk?.deadline === deadline) return this.atRisk;
    const before = this.termSpec('termAtRisk');
    if (before.amount <= 0 || !since('term-escalation')) return null; // 0: the grid configured no warning
    this.atRisk = { deadline, at: await computeAtRisk(deadline, before), told: false };
    return this.atRisk;
  }

  /** The grid's term is at risk: the holder (if anyone holds the case) and the supervisors of the stage's department hear of it. */
  private async warnAtRisk(): Promise<void> {
    const s = this.snapshot;
    this.atRisk!.told = true;
    const stageTitle = this.table.stages[this.stage].title;
    const title = caseNotices.atRiskTitle(s.number, stageTitle);
    const seq = await this.record('term-at-risk', title, { deadlineAt: s.deadlineAt, holderId: this.holder() });
    const common = { caseId: s.id, caseNumber: s.number, kind: 'reminder' as const, title, body: caseNotices.atRiskBody(stageTitle, s.deadlineAt!), link: this.definition.links.staff };
    const holder = this.holder();
    if (holder) await this.tell({ ...common, key: `${s.id}:${seq}:at-risk-holder`, to: { userId: holder } });
    await this.tell({ ...common, key: `${s.id}:${seq}:at-risk-supervisors`, to: { supervisorsOf: `${this.definition.kind}:${this.stage}` } });
  }

  /** Who holds the case now (the holder of an application, the assignee of an appeal), or null. */
  protected holder(): string | null {
    const audience = this.staffAudience();
    return 'userId' in audience ? audience.userId : null;
  }

  private async remind(who: 'applicant' | 'staff'): Promise<void> {
    const s = this.snapshot;
    const title = caseNotices.reminderTitle(this.table.stages[this.stage].title);
    const seq = await this.record('reminder', title, { who });
    const toApplicant = who === 'applicant';
    const body = caseNotices.reminderBody(title, s.deadlineAt!, toApplicant ? this.applicantReminderTail() : '');
    await this.tell({ key: `${s.id}:${seq}:reminder`, caseId: s.id, caseNumber: s.number, kind: 'reminder', title, body, to: toApplicant ? { userId: s.applicantId } : this.staffAudience(), link: toApplicant ? this.definition.links.applicant : this.definition.links.staff });
  }

  protected applicantReminderTail(): string {
    return '';
  }

  /** The grid missed its own term: the case is marked overdue for everyone and escalated to the supervisors. */
  private async escalate(): Promise<void> {
    const s = this.snapshot;
    s.overdue = true;
    s.overdueSince = Date.now();
    upsertSearchAttributes([{ key: CaseOverdue, value: true }]);
    const stageTitle = this.table.stages[this.stage].title;
    const seq = await this.record('overdue', caseNotices.overdueEvent(stageTitle), { deadlineAt: s.deadlineAt });
    log.warn('grid deadline missed', { number: s.number, stage: this.stage });
    const common = { caseId: s.id, caseNumber: s.number, kind: 'overdue' as const };
    await this.tell({ ...common, key: `${s.id}:${seq}:overdue-applicant`, title: caseNotices.overdueApplicantTitle, body: caseNotices.overdueApplicantBody(stageTitle, s.deadlineAt!), to: { userId: s.applicantId }, link: this.definition.links.applicant });
    await this.tell({ ...common, key: `${s.id}:${seq}:overdue-staff`, title: caseNotices.overdueStaffTitle(s.number), body: caseNotices.overdueStaffBody(stageTitle, s.deadlineAt!), to: { staff: true }, link: this.definition.links.staff });
    // The department's supervisors by name, beside the whole staff feed (issue 20 item 3).
    if (since('term-escalation')) {
      await this.tell({ ...common, key: `${s.id}:${seq}:overdue-supervisors`, title: caseNotices.overdueStaffTitle(s.number), body: caseNotices.overdueStaffBody(stageTitle, s.deadlineAt!), to: { supervisorsOf: `${this.definition.kind}:${this.stage}` }, link: this.definition.links.staff });
    }
  }

  /**
   * What the case's conversation (workflows/case/conversation.ts) needs of it: whether it is closed,
   * who on the staff side hears of messages, its notice window, and notices beside the procedure
   * that close() waits for.
   */
  conversationHost(kind: ConversationHost['kind'], project: (message: ConversationMessage) => Promise<unknown>): ConversationHost {
    return {
      kind,
      noun: this.definition.noun,
      caseId: this.snapshot.id,
      number: () => this.snapshot.number,
      applicantId: () => this.snapshot.applicantId,
      closed: () => this.table.stages[this.stage].final === true,
      links: this.definition.links,
      staffAudience: () => this.staffAudience(),
      window: () => this.termSpec('messageNoticeWindow'),
      project,
      tell: (request) => this.tell(request),
      alongside: (work) => void this.beside(work),
    };
  }

  /** The case has ended: actions that arrive now are answered, not left hanging, and the case closes once its notifications are out. */
  async close(): Promise<void> {
    this.take();
    await Promise.all(this.sending);
  }
}
