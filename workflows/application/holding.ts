// Who holds a connection case (issue 20 item 2, patch 'case-holder'): a staff
// member of the department serving the stage takes it, or a supervisor assigns
// it to someone, saying why when it is taken from another. Both are Updates, so
// the history — and the auditor's timeline — shows who held each stage. While a
// case is held only its holder or a supervisor acts on it (the table's rule,
// domain/procedures/table.ts heldByAnother). The holder is released when the
// case leaves for another stage, because the next stage is another
// department's; a side branch of the same step (missing data → the check again)
// keeps the holder. Which department a user belongs to is the API's check (it
// reads the routing from the database); the workflow checks roles and holders.
import { ApplicationFailure, defineUpdate, setHandler } from '@temporalio/workflow';
import { z } from 'zod';
import { APPLICATION_PROCEDURE, type ApplicationStage } from '../../domain/procedures/application';
import { REFUSAL_BY } from '../../domain/procedures/table';
import type { ActionRequest, CaseView, NotificationRequest } from '../case/contract';
import { since } from '../case/patches';
import type { ApplicationSnapshot } from './contract';

/** Takes the case for the acting staff member. */
export const takeCaseUpdate = defineUpdate<CaseView<ApplicationStage>, [ActionRequest<Record<string, never>>]>('takeCase');
/** A supervisor hands the case to a staff member (with the reason, when it is taken from another). */
export const assignCaseUpdate = defineUpdate<CaseView<ApplicationStage>, [ActionRequest<AssignCaseInput>]>('assignCase');

/** The workflow's own schema (per workflow): whom, their name as the API found it, why. */
const assignInputSchema = z.object({
  holderId: z.uuid('Выберите сотрудника'),
  holderName: z.string().trim().min(1, 'Не указано имя сотрудника'),
  reason: z.string().trim().max(500, 'Причина — не длиннее 500 знаков').default(''),
});
export type AssignCaseInput = z.input<typeof assignInputSchema>;

export const holdingNotices = {
  taken: (name: string) => `Заявку взял(а) в работу: ${name}`,
  assigned: (name: string) => `Заявка передана сотруднику: ${name}`,
  assignedBody: (number: string, by: string, reason: string) => `${by} передал(а) вам заявку ${number}.${reason ? ` Причина: ${reason}.` : ''}`,
  alreadyYours: (number: string) => `Заявка ${number} уже у вас в работе`,
  heldBy: (number: string, name: string) => `Заявку ${number} ведёт ${name}: передать её другому сотруднику может руководитель отдела`,
  supervisorsOnly: 'Передать заявку сотруднику может руководитель отдела или администратор',
  sameHolder: 'Заявка уже у этого сотрудника',
  reasonRequired: 'Укажите причину передачи заявки другому сотруднику',
  refusedToOthers: (number: string, name: string) => `Заявку ${number} ведёт ${name}: действие доступно ей (ему) или руководителю отдела`,
} as const;

/** What holding needs of its case (workflows/application/connection-case.ts provides it). */
export interface HoldingHost {
  readonly snapshot: ApplicationSnapshot;
  closedRefusal(): string | null;
  recordEvent(type: string, title: string, data: Record<string, unknown>, actor?: ActionRequest<unknown>['actor'], comment?: string): Promise<number>;
  tellUser(request: Omit<NotificationRequest, 'caseId' | 'caseNumber' | 'link'> & { to: { userId: string } }): Promise<void>;
  view(): CaseView<ApplicationStage>;
}

export class Holding {
  constructor(private readonly host: HoldingHost) {}

  listen(): void {
    setHandler(takeCaseUpdate, (request) => this.take(request), { validator: (request) => this.throwIf(this.takeRefusal(request)) });
    setHandler(assignCaseUpdate, (request) => this.assign(request), { validator: (request) => this.throwIf(this.assignRefusal(request)) });
  }

  private throwIf(refusal: string | null): void {
    if (refusal) throw new Error(refusal);
  }

  private takeRefusal(request: ActionRequest<unknown>): string | null {
    const s = this.host.snapshot;
    const closed = this.host.closedRefusal();
    if (closed) return closed;
    if (request.actor.role !== 'staff' && request.actor.role !== 'admin') return REFUSAL_BY.staff;
    if (s.holderId && s.holderId === request.actor.id) return holdingNotices.alreadyYours(s.number);
    if (s.holderId) return holdingNotices.heldBy(s.number, s.holderName ?? 'другой сотрудник');
    return null;
  }

  private assignRefusal(request: ActionRequest<unknown>): string | null {
    const s = this.host.snapshot;
    const closed = this.host.closedRefusal();
    if (closed) return closed;
    if (request.actor.role !== 'admin' && !(request.actor.role === 'staff' && request.actor.supervisor === true)) return holdingNotices.supervisorsOnly;
    const parsed = assignInputSchema.safeParse(request.input);
    if (!parsed.success) return parsed.error.issues.map((i) => i.message).join('; ');
    if (parsed.data.holderId === s.holderId) return holdingNotices.sameHolder;
    if (s.holderId && parsed.data.reason === '') return holdingNotices.reasonRequired;
    return null;
  }

  private async take(request: ActionRequest<unknown>): Promise<CaseView<ApplicationStage>> {
    // Checked again: another take may have been applied since the validator ran.
    const refusal = this.takeRefusal(request);
    if (refusal || !since('case-holder')) throw ApplicationFailure.nonRetryable(refusal ?? holdingNotices.supervisorsOnly, 'ActionRefused');
    await this.hold(request.actor.id!, request.actor.name, 'case-taken', holdingNotices.taken(request.actor.name), request.actor, '');
    return this.host.view();
  }

  private async assign(request: ActionRequest<unknown>): Promise<CaseView<ApplicationStage>> {
    const refusal = this.assignRefusal(request);
    if (refusal || !since('case-holder')) throw ApplicationFailure.nonRetryable(refusal ?? holdingNotices.supervisorsOnly, 'ActionRefused');
    const input = assignInputSchema.parse(request.input);
    const seq = await this.hold(input.holderId, input.holderName, 'case-assigned', holdingNotices.assigned(input.holderName), request.actor, input.reason);
    if (input.holderId !== request.actor.id) {
      await this.host.tellUser({ key: `${this.host.snapshot.id}:${seq}:holder`, kind: 'info', title: holdingNotices.assigned(input.holderName), body: holdingNotices.assignedBody(this.host.snapshot.number, request.actor.name, input.reason), to: { userId: input.holderId } });
    }
    return this.host.view();
  }

  private hold(holderId: string, holderName: string, type: string, title: string, actor: ActionRequest<unknown>['actor'], reason: string): Promise<number> {
    const s = this.host.snapshot;
    const from = s.holderId ? { id: s.holderId, name: s.holderName } : null;
    s.holderId = holderId;
    s.holderName = holderName;
    s.heldSince = Date.now();
    return this.host.recordEvent(type, title, { holderId, holderName, from, reason, stage: s.stage }, actor, reason);
  }

  /**
   * Entering another stage releases the holder (stored with the entry's own event);
   * a side branch of the same step keeps it. Nothing to do in cases nobody took,
   * so histories before the change replay unchanged.
   */
  onEntering(previous: ApplicationStage, next: ApplicationStage): void {
    const s = this.host.snapshot;
    if (!s.holderId) return;
    const branches: Partial<Record<ApplicationStage, ApplicationStage>> = APPLICATION_PROCEDURE.branches;
    if (branches[next] === previous || branches[previous] === next) return;
    s.holderId = null;
    s.holderName = null;
    s.heldSince = null;
  }
}
