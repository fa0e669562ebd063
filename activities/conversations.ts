// The read model of a case's conversation (issue 20 item 5), written by the
// case's workflow (workflows/case/conversation.ts) as a local activity: the
// message row keyed by (case, number), its files made documents of the case,
// the author's own read mark, and a live event for open pages. Idempotent: a
// retried projection finds its row and changes nothing.
import type { Db } from '../db';
import { queryRows } from '../db/statements';
import { storeMessage } from '../db/read-models/conversations';
import type { ConversationMessage } from '../domain/conversation';

export function createConversationActivities({ db }: { db: Db }) {
  return {
    async projectMessage(message: ConversationMessage): Promise<{ n: number }> {
      await storeMessage(db, message);
      // Staff pages hear of every message; the applicant's only of those meant for them (a note names no user).
      await queryRows(db, 'SELECT pg_notify(\'kabinet_live\', $1)', [JSON.stringify({ caseId: message.caseId, userId: message.internal ? null : message.applicantId, kind: 'case' })]);
      return { n: message.n };
    },
  };
}
