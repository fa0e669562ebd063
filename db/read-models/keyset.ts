// Keyset pages (see domain/lists.ts): a cursor is the last row's sort key, base64url
// JSON of strings. Timestamps travel as PostgreSQL's own text so that microseconds
// survive the round trip (a JS Date would cut them to milliseconds and repeat rows).
import { z } from 'zod';
import type { Page } from '../../domain/lists';

const cursorValues = z.array(z.string().max(80)).min(1).max(8);

/** A cursor that is not one of ours (tampered, or from an older order): the API answers 400 with this message. */
export class InvalidCursorError extends Error {
  constructor() {
    super('Неверная позиция в списке: обновите страницу');
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The sort key in a cursor, exactly `size` strings. */
export function decodeCursor(cursor: string, size: number): string[] {
  try {
    const values = cursorValues.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (values.length === size) return values;
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidCursorError();
}

/** Rows were fetched with limit + 1: the extra one only says that another page exists. */
export function toPage<R, T>(rows: R[], limit: number, view: (row: R) => T, keyOf: (row: R) => string[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items: items.map(view), nextCursor: more ? encodeCursor(keyOf(items[items.length - 1]!)) : null };
}

/** The sort key PostgreSQL wrote into a row's "keyText" column (concat_ws('|', …)). */
export const keyOfRow = (row: { keyText: string }) => row.keyText.split('|');
