// The conversation of an application or an appeal (issue 20 item 5): the page
// reads the read model, a message goes to the case's workflow as an Update, a
// read mark is the reader's page state and is written here. An applicant sees
// only their own cases (domain/case-access.ts) and never internal notes; a
// case one may not see is answered exactly like a missing one.
import { TRPCError } from '@trpc/server';
import type { UserRecord } from '../../db/models';
import { announceRead, applicantUnread, conversationOf, gridUnread, inboxOf, lastVisible, markRead, unattachedUploads, type InboxRow } from '../../db/read-models/conversations';
import { canActForApplicant } from '../../domain/case-access';
import { CONVERSATION_REFUSALS, type ConversationSide, type MessageView, type PostMessageInput } from '../../domain/conversation';
import { inGroup } from '../../domain/roles';
import { appealWorkflowId } from '../../workflows/appeal/contract';
import { applicationWorkflowId } from '../../workflows/application/contract';
import { postMessageUpdate } from '../../workflows/case/conversation';
import { caseActorOf } from '../applications/service';
import { executeCaseAction } from '../cases/commands';
import type { ApiServices } from '../context';

type Caller = ApiServices & { user: UserRecord };

interface CaseRef {
  kind: 'application' | 'appeal';
  id: string;
  number: string;
  applicantId: string;
  organisationId: string | null;
  closed: boolean;
}

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Дело не найдено' });

/** The case, if this user may see its conversation. */
async function caseFor(ctx: Caller, caseId: string): Promise<CaseRef> {
  const application = await ctx.db.Application.findByPk(caseId);
  const appeal = application ? null : await ctx.db.Appeal.findByPk(caseId);
  const row = application ?? appeal;
  if (!row) throw notFound();
  if (inGroup(ctx.user.role, 'applicants') && !canActForApplicant(ctx.user, row)) throw notFound();
  if (!inGroup(ctx.user.role, 'applicants') && !inGroup(ctx.user.role, 'readers')) throw notFound();
  // A closed case keeps its conversation for reading only (the workflow refuses messages after its final stage).
  const closed = application ? application.status !== 'active' : appeal!.status === 'closed';
  return { kind: application ? 'application' : 'appeal', id: row.id, number: row.number, applicantId: row.applicantId, organisationId: row.organisationId, closed };
}

const sideOf = (user: UserRecord): ConversationSide => (inGroup(user.role, 'applicants') ? 'applicant' : 'grid');

export interface ConversationPage {
  caseId: string;
  kind: 'application' | 'appeal';
  number: string;
  closed: boolean;
  side: ConversationSide;
  /** May write now (the case is open and the user is its applicant or staff). */
  mayWrite: boolean;
  /** May leave internal notes (staff). */
  mayNote: boolean;
  /** Reading counts as the side's read mark (the applicant, staff; not an auditor). */
  mayMarkRead: boolean;
  messages: MessageView[];
}

export async function conversationPage(ctx: Caller, caseId: string): Promise<ConversationPage> {
  const c = await caseFor(ctx, caseId);
  const side = sideOf(ctx.user);
  const writer = side === 'applicant' || inGroup(ctx.user.role, 'staff');
  return {
    caseId: c.id,
    kind: c.kind,
    number: c.number,
    closed: c.closed,
    side,
    mayWrite: writer && !c.closed,
    mayNote: inGroup(ctx.user.role, 'staff') && !c.closed,
    mayMarkRead: writer,
    messages: await conversationOf(ctx.db, c.id, side),
  };
}

/** Posts a message through the case's workflow; answers once it is in the read model. */
export async function postMessage(ctx: Caller, input: PostMessageInput): Promise<ConversationPage> {
  const c = await caseFor(ctx, input.caseId);
  if (inGroup(ctx.user.role, 'applicants') && input.internal) throw new TRPCError({ code: 'BAD_REQUEST', message: CONVERSATION_REFUSALS.noteByApplicant });
  if (c.closed) throw new TRPCError({ code: 'BAD_REQUEST', message: CONVERSATION_REFUSALS.closed(c.kind === 'application' ? 'Дело по заявке' : 'Обращение', c.number) });
  // The files: the author's own uploads through /api/uploads (its type, size and PDF checks), not yet in any case.
  const ids = [...new Set(input.attachmentIds)];
  const files = await unattachedUploads(ctx.db, ctx.user.id, ids);
  if (files.length !== ids.length) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Файл не найден среди ваших загрузок: загрузите его заново' });
  const byId = new Map(files.map((f) => [f.id, f]));
  const workflowId = c.kind === 'application' ? applicationWorkflowId(c.id) : appealWorkflowId(c.id);
  await executeCaseAction(ctx, workflowId, postMessageUpdate as never, caseActorOf(ctx.user, c), { text: input.text, internal: input.internal, attachments: ids.map((id) => byId.get(id)!) });
  return conversationPage(ctx, c.id);
}

/** The reader's side has read everything it can see of the case; the other side's page shows «прочитано». */
export async function markConversationRead(ctx: Caller, caseId: string): Promise<{ ok: true }> {
  const c = await caseFor(ctx, caseId);
  const side = sideOf(ctx.user);
  const n = await lastVisible(ctx.db, c.id, side);
  if (n > 0) {
    await markRead(ctx.db, c.id, side, n, ctx.user.id);
    await announceRead(ctx.db, c.id, c.applicantId);
  }
  return { ok: true };
}

/** The menu's count: messages the user's side has not read (an applicant's own cases; for staff, every case). */
export async function unreadMessages(ctx: Caller): Promise<{ count: number }> {
  return { count: inGroup(ctx.user.role, 'applicants') ? await applicantUnread(ctx.db, ctx.user.id) : await gridUnread(ctx.db) };
}

/** «Сообщения»: the applicant's conversations, or the cases whose applicants wait for the grid to read them. */
export async function conversationInbox(ctx: Caller): Promise<{ side: ConversationSide; cases: InboxRow[] }> {
  const side = sideOf(ctx.user);
  return { side, cases: await inboxOf(ctx.db, side, side === 'applicant' ? ctx.user.id : null) };
}
