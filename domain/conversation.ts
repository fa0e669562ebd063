// The conversation of a case (issue 20 item 5): every application and appeal
// has one between its applicant and the grid. Messages go through the case's
// workflow as an Update (workflows/case/conversation.ts), so the auditor's
// history shows them; the read model serves the page. Staff may also leave
// internal notes the applicant never sees. Shared by workflow, API and web.
import { z } from 'zod';
import './zod-ru';
import type { ActionRow } from './procedures/table';
import { inGroup } from './roles';
import type { TermSpec } from './regulations';

/**
 * Who may write what, in the table's terms: open in every stage of a case
 * (`everyStage`) until it is closed, by the applicant or by any staff member.
 * Kept beside the procedure tables rather than in them: a message never moves
 * a stage, and the procedures never wait on it.
 */
export const CONVERSATION_ACTIONS = {
  message: { label: 'Написать сообщение', by: 'applicant', everyStage: true },
  reply: { label: 'Написать заявителю', by: 'staff', everyStage: true },
  note: { label: 'Внутренняя заметка', by: 'staff', everyStage: true },
} as const satisfies Record<string, ActionRow>;
export type ConversationAction = keyof typeof CONVERSATION_ACTIONS;

export const MESSAGE_MAX_CHARS = 4000;
export const MESSAGE_MAX_FILES = 5;

/** What an author sends: the text, files uploaded through /api/uploads, and (staff only) whether it is an internal note. */
export const messageInputSchema = z
  .object({
    text: z.string().trim().min(1, 'Напишите текст сообщения').max(MESSAGE_MAX_CHARS, `Сообщение: не длиннее ${MESSAGE_MAX_CHARS} символов`),
    attachments: z
      .array(z.object({ id: z.uuid({ error: 'Файл не найден: загрузите его заново' }), filename: z.string().max(255).default('') }))
      .max(MESSAGE_MAX_FILES, `Не больше ${MESSAGE_MAX_FILES} файлов в одном сообщении`)
      .default([]),
    internal: z.boolean().default(false),
  })
  .refine((m) => !(m.internal && m.attachments.length > 0), { path: ['attachments'], message: 'Внутренняя заметка — только текст: файлы прикладываются к сообщениям заявителю' });
export type MessageInput = z.infer<typeof messageInputSchema>;
export type MessageSent = z.input<typeof messageInputSchema>;

/** What the API takes: the case, and files by the ids /api/uploads answered (their names come from the upload). */
export const postMessageSchema = z.object({
  caseId: z.uuid({ error: 'Дело не найдено' }),
  text: z.string().trim().min(1, 'Напишите текст сообщения').max(MESSAGE_MAX_CHARS, `Сообщение: не длиннее ${MESSAGE_MAX_CHARS} символов`),
  attachmentIds: z.array(z.uuid({ error: 'Файл не найден: загрузите его заново' })).max(MESSAGE_MAX_FILES, `Не больше ${MESSAGE_MAX_FILES} файлов в одном сообщении`).default([]),
  internal: z.boolean().default(false),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

/** The action an actor's message is: the applicant writes, staff write to the applicant or leave a note. */
export function conversationActionOf(role: string, internal: boolean): ConversationAction | null {
  if (inGroup(role, 'applicants')) return internal ? null : 'message';
  if (inGroup(role, 'staff')) return internal ? 'note' : 'reply';
  return null;
}

export const CONVERSATION_REFUSALS = {
  closed: (noun: string, number: string) => `${noun} ${number} закрыто: переписка доступна только для чтения`,
  notApplicant: 'Писать в переписке по делу может только его заявитель или сотрудник сетевой организации',
  noteByApplicant: 'Внутренние заметки оставляют только сотрудники сетевой организации',
} as const;

/** Which side of the conversation a message comes from, and whose read mark it is. */
export type ConversationSide = 'applicant' | 'grid';

/** One message as a page shows it (an applicant never receives internal notes). */
export interface MessageView {
  n: number;
  at: string;
  side: ConversationSide;
  authorName: string;
  internal: boolean;
  text: string;
  attachments: Array<{ id: string; filename: string }>;
  /** The other side has read it. */
  read: boolean;
}

/** A message as the case's workflow hands it to the projection (activities/conversations.ts). */
export interface ConversationMessage {
  caseId: string;
  caseKind: 'application' | 'appeal';
  caseNumber: string;
  applicantId: string;
  n: number;
  at: number;
  side: ConversationSide;
  author: { id: string | null; name: string; role: string };
  internal: boolean;
  text: string;
  attachments: Array<{ id: string; filename: string }>;
}

/** The window a notice collects messages over, in milliseconds: a clock term, not a calendar one. */
export function noticeWindowMs(term: TermSpec): number {
  if (term.unit === 'seconds') return term.amount * 1000;
  if (term.unit === 'hours') return term.amount * 3_600_000;
  // Day terms make no sense for a burst of messages; a day is the longest window.
  return 86_400_000;
}

/** The words of a message notice: never the text of a note, and the count only (the text is read in the cabinet). */
export const conversationNotice = {
  title: (count: number) => (count === 1 ? 'Новое сообщение в переписке' : `Новые сообщения в переписке: ${count}`),
  toApplicant: (noun: string, number: string, count: number) =>
    `Сетевая организация написала вам ${count === 1 ? 'сообщение' : `сообщения (${count})`} по делу «${noun} ${number}». Прочитайте и ответьте в личном кабинете.`,
  toStaff: (noun: string, number: string, count: number) => `Заявитель написал ${count === 1 ? 'сообщение' : `сообщения (${count})`} по делу «${noun} ${number}».`,
};
