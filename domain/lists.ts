// Lists that grow without bound (the staff queue, an applicant's applications) are read
// a page at a time by keyset: the client sends back the opaque cursor of the last row it
// has, and the next page starts right after that row's sort key. Unlike an offset, a
// keyset page costs the same at row 100 000 as at row 1, and rows added meanwhile
// neither repeat nor vanish between pages.
import { z } from 'zod';
import './zod-ru';
import { STAGES } from './application';

export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const cursor = z.string().max(300, 'Неверная позиция в списке: обновите страницу').optional();
const limit = z.number().int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE);

export const pageInputSchema = z.object({ cursor, limit }).default({ limit: PAGE_SIZE });

export const APPLICATION_STATUSES = ['active', 'completed', 'annulled', 'withdrawn'] as const;

/** The staff queue «Заявки на ТП»: filters, then overdue first and the nearest deadline on top. */
export const applicationQueueInputSchema = z.object({
  stage: z.enum(STAGES).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  overdue: z.boolean().optional(),
  query: z.string().trim().max(100).optional(),
  cursor,
  limit,
});
export type ApplicationQueueInput = z.input<typeof applicationQueueInputSchema>;
