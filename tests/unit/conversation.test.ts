// The pure rules of a case's conversation (domain/conversation.ts): who writes
// which kind of message, what a message may carry, the notice window.
import { describe, expect, it } from 'vitest';
import { CONVERSATION_ACTIONS, conversationActionOf, conversationNotice, messageInputSchema, noticeWindowMs, postMessageSchema } from '../../domain/conversation';
import { REGULATIONS, resolveTerms } from '../../domain/regulations';

describe('conversation rules', () => {
  it('the applicant writes messages, staff write replies and notes, nobody else writes; every action is open in every stage', () => {
    expect(conversationActionOf('applicant', false)).toBe('message');
    expect(conversationActionOf('applicant', true)).toBeNull();
    expect(conversationActionOf('staff', false)).toBe('reply');
    expect(conversationActionOf('admin', true)).toBe('note');
    expect(conversationActionOf('auditor', false)).toBeNull();
    expect(conversationActionOf('supplier', false)).toBeNull();
    expect(Object.values(CONVERSATION_ACTIONS).every((a) => a.everyStage)).toBe(true);
  });

  it('a message needs text, at most five files, and a note carries no file; errors are in Russian', () => {
    const file = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', filename: 'a.pdf' };
    expect(messageInputSchema.parse({ text: '  Вопрос  ' })).toEqual({ text: 'Вопрос', attachments: [], internal: false });
    expect(messageInputSchema.safeParse({ text: ' ' }).error?.issues[0]?.message).toBe('Напишите текст сообщения');
    expect(messageInputSchema.safeParse({ text: 'x', attachments: Array(6).fill(file) }).error?.issues[0]?.message).toMatch(/Не больше 5 файлов/);
    expect(messageInputSchema.safeParse({ text: 'x', internal: true, attachments: [file] }).error?.issues[0]?.message).toMatch(/только текст/);
    expect(postMessageSchema.safeParse({ caseId: 'nope', text: 'x' }).error?.issues[0]?.message).toBe('Дело не найдено');
  });

  it('the notice window is a clock term, configurable, and says it is no legal term', () => {
    expect(noticeWindowMs(resolveTerms().messageNoticeWindow)).toBe(15 * 60_000);
    expect(noticeWindowMs(resolveTerms({ messageNoticeWindow: { amount: 4, unit: 'seconds' } }).messageNoticeWindow)).toBe(4000);
    expect(REGULATIONS.messageNoticeWindow).toMatchObject({ mark: '❓', source: expect.stringContaining('не норма права') });
    expect(conversationNotice.title(1)).toBe('Новое сообщение в переписке');
    expect(conversationNotice.title(3)).toBe('Новые сообщения в переписке: 3');
  });
});
