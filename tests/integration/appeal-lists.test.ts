// Appeals page by keyset like applications (db/read-models/appeals.ts): the
// applicant's appeals newest first and the staff inbox in its order, every row
// once whatever the page size; a forged cursor is a clear refusal; the case page
// (one statement) carries what the applicant wrote, the events and the files.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { apiClient, failure } from '../support/api-client';
import { individualRegistration, loggedIn, registeredApplicant } from '../support/applicants';

const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
type Client = ReturnType<typeof apiClient>;

async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

describe('appeal lists', () => {
  let applicant: { client: Client; user: { id: string } };
  let numbers: string[];
  const text = (i: number) => `Обращение ${randomUUID().slice(0, 8)} № ${i}: по вечерам в доме падает напряжение.`;

  // A surname nobody else has, so the inbox search finds exactly this applicant's appeals.
  const surname = `Ключев${[...randomUUID().replace(/-/g, '').slice(0, 8)].map((c) => 'абвгдежзиклмнопр'[parseInt(c, 16)]).join('')}`;

  beforeAll(async () => {
    applicant = await registeredApplicant({ ...individualRegistration(), lastName: surname });
    numbers = [];
    for (let i = 0; i < 3; i++) {
      const filed = await applicant.client.appeals.create.mutate({ id: randomUUID(), form: { topic: 'serviceQuality', kind: 'complaint', text: text(i), answerChannel: 'cabinet' } });
      numbers.push(filed.number);
    }
  });

  it("pages the applicant's appeals newest first, each once", async () => {
    const pages = await allPages((cursor) => applicant.client.appeals.list.query({ cursor, limit: 2 }));
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().map((a) => a.number)).toEqual([...numbers].reverse());
  });

  it('pages the staff inbox in its order: overdue first, nearest deadline, earliest registration', async () => {
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const pages = await allPages((cursor) => operator.staffAppeals.inbox.query({ query: surname, cursor, limit: 1 }));
    expect(pages.map((p) => p.length)).toEqual([1, 1, 1]);
    const rows = pages.flat();
    expect(new Set(rows.map((a) => a.number))).toEqual(new Set(numbers));
    const key = (a: (typeof rows)[number]) => [a.overdue ? 0 : 1, a.deadlineAt ?? '9999', a.registeredAt, a.id].join(' ');
    expect(rows.map(key)).toEqual(rows.map(key).sort());
    // Filtered by status and by «nobody has taken it»: the same rows.
    const open = (await operator.staffAppeals.inbox.query({ query: surname, status: 'open', assignee: 'none' })).items;
    expect(open.map((a) => a.number)).toEqual(rows.map((a) => a.number));
  });

  it('refuses a forged cursor with a clear message', async () => {
    const refusal = await failure(applicant.client.appeals.list.query({ cursor: 'not-a-cursor' }));
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', message: 'Неверная позиция в списке: обновите страницу' });
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const wrongShape = (await applicant.client.appeals.list.query({ limit: 1 })).nextCursor!;
    expect(await failure(operator.staffAppeals.inbox.query({ cursor: wrongShape }))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('shows the case page with the text, events and actions; another applicant gets 404', async () => {
    const [newest] = (await applicant.client.appeals.list.query({ limit: 1 })).items;
    const page = await applicant.client.appeals.get.query({ id: newest!.id });
    expect(page.summary.number).toBe(numbers[2]);
    expect(page.text).toMatch(/№ 2: по вечерам/);
    expect(page.events.map((e) => e.seq)).toEqual([...page.events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(page.events.length).toBeGreaterThan(0);
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const staffPage = await operator.staffAppeals.get.query({ id: newest!.id });
    expect(staffPage.text).toBe(page.text);
    expect(staffPage.actions).toContain('take');
    const stranger = await registeredApplicant();
    expect(await failure(stranger.client.appeals.get.query({ id: newest!.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
