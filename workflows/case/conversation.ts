// The conversation of a case (issue 20 item 5), beside its procedure: every
// message is an Update of the case's workflow, so the history — the audit
// record — holds who wrote what and when; the procedure never waits on it.
// The other side hears of new messages by one notice per burst: the first
// message starts a durable timer (the window, a term of the case), and the
// notice sent when it fires counts every message of the window. The timer and
// the notice's key are in the history, so a worker restart neither loses nor
// repeats it; the outbox sends each key once. Internal notes are projected as
// such and never announced.
import { defineUpdate, setHandler, sleep } from '@temporalio/workflow';
import { CONVERSATION_ACTIONS, CONVERSATION_REFUSALS, conversationActionOf, conversationNotice, messageInputSchema, noticeWindowMs, type ConversationMessage, type ConversationSide, type MessageSent } from '../../domain/conversation';

export type { ConversationMessage };
import { REFUSAL_BY } from '../../domain/procedures/table';
import type { TermSpec } from '../../domain/regulations';
import { projectionActivities } from './activity-proxies';
import { actsAsApplicant, type ActionRequest, type NotificationRequest } from './contract';
import { since } from './patches';

/** What posting a message answers: its number in the conversation and when it was stored. */
export interface MessagePosted {
  n: number;
  at: number;
}

/** One Update for every message of either side; the actor's role and `internal` say which action of CONVERSATION_ACTIONS it is. */
export const postMessageUpdate = defineUpdate<MessagePosted, [ActionRequest<MessageSent>]>('postMessage');

/** What the conversation needs of its case (CaseMachine.conversationHost). */
export interface ConversationHost {
  kind: 'application' | 'appeal';
  noun: string;
  caseId: string;
  number: () => string;
  applicantId: () => string;
  closed: () => boolean;
  links: { applicant: string; staff: string };
  staffAudience: () => NotificationRequest['to'];
  window: () => TermSpec;
  project: (message: ConversationMessage) => Promise<unknown>;
  tell: (request: NotificationRequest) => Promise<void>;
  /** Work that runs beside the procedure and that closing the case waits for. */
  alongside: (work: Promise<void>) => void;
}

export class Conversation {
  private count = 0;
  private notices = 0;
  /** Messages each side has not been told of yet, and whether a window is open for it. */
  private waiting: Record<ConversationSide, number> = { applicant: 0, grid: 0 };
  private windowOpen: Record<ConversationSide, boolean> = { applicant: false, grid: false };

  constructor(private readonly host: ConversationHost) {}

  listen(): void {
    setHandler(postMessageUpdate, (request) => this.post(request), { validator: (request) => this.validate(request) });
  }

  /** Synchronous, as Update validators must be: a refusal leaves no trace in the history. */
  private validate(request: ActionRequest<MessageSent>): void {
    const refusal = this.refusal(request);
    if (refusal) throw new Error(refusal);
  }

  private refusal(request: ActionRequest<MessageSent>): string | null {
    if (this.host.closed()) return CONVERSATION_REFUSALS.closed(this.host.noun, this.host.number());
    const internal = (request.input as { internal?: unknown } | null)?.internal === true;
    const action = conversationActionOf(request.actor.role, internal);
    if (action === null) return request.actor.role === 'applicant' ? CONVERSATION_REFUSALS.noteByApplicant : CONVERSATION_REFUSALS.notApplicant;
    // Every action of the conversation is open in every stage until the case closes (the table's `everyStage`).
    if (!CONVERSATION_ACTIONS[action].everyStage) return CONVERSATION_REFUSALS.closed(this.host.noun, this.host.number());
    if (action === 'message' && !actsAsApplicant(request.actor, this.host.applicantId())) return REFUSAL_BY.applicant;
    const parsed = messageInputSchema.safeParse(request.input);
    return parsed.success ? null : parsed.error.issues.map((i) => i.message).join('; ');
  }

  private async post(request: ActionRequest<MessageSent>): Promise<MessagePosted> {
    // The marker says from where on this case's history carries messages (old histories have none).
    since('conversations');
    const input = messageInputSchema.parse(request.input);
    const side: ConversationSide = request.actor.role === 'applicant' ? 'applicant' : 'grid';
    const n = ++this.count;
    const at = Date.now();
    await this.host.project({
      caseId: this.host.caseId,
      caseKind: this.host.kind,
      caseNumber: this.host.number(),
      applicantId: this.host.applicantId(),
      n,
      at,
      side,
      author: request.actor,
      internal: input.internal,
      text: input.text,
      attachments: input.attachments,
    });
    if (!input.internal) this.announce(side === 'applicant' ? 'grid' : 'applicant');
    return { n, at };
  }

  /** Counts the message for the other side; the first one of a burst opens the window whose end sends one notice. */
  private announce(to: ConversationSide): void {
    this.waiting[to] += 1;
    if (this.windowOpen[to]) return;
    this.windowOpen[to] = true;
    this.host.alongside(this.noticeAfterWindow(to));
  }

  private async noticeAfterWindow(to: ConversationSide): Promise<void> {
    await sleep(noticeWindowMs(this.host.window()));
    const count = this.waiting[to];
    this.waiting[to] = 0;
    this.windowOpen[to] = false;
    const notice = ++this.notices;
    const number = this.host.number();
    const toApplicant = to === 'applicant';
    await this.host.tell({
      key: `${this.host.caseId}:conversation:${notice}:${to}`,
      caseId: this.host.caseId,
      caseNumber: number,
      kind: 'info',
      title: conversationNotice.title(count),
      body: toApplicant ? conversationNotice.toApplicant(this.host.noun, number, count) : conversationNotice.toStaff(this.host.noun, number, count),
      to: toApplicant ? { userId: this.host.applicantId() } : this.host.staffAudience(),
      link: `${toApplicant ? this.host.links.applicant : this.host.links.staff}#conversation`,
    });
  }
}

/** Opens the conversation of a case: its Update handler, projected like the case's events (a local activity). */
export function openConversation(machine: { conversationHost(kind: ConversationHost['kind'], project: ConversationHost['project']): ConversationHost }, kind: ConversationHost['kind']): Conversation {
  const conversation = new Conversation(machine.conversationHost(kind, (message) => projectionActivities().projectMessage(message)));
  conversation.listen();
  return conversation;
}
