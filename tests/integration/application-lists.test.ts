// The application lists page by keyset: every row once, in the list's order,
// whatever the page size; a forged cursor is a clear refusal; the dashboards count.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { apiClient, failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';

const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
type Client = ReturnType<typeof apiClient>;

/** Every page of a list, following its cursors. */
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

describe('application lists', () => {
  // One applicant with three applications whose object name nobody else uses.
  const marker = `Объект ${randomUUID().slice(0, 8)}`;
  let applicant: { client: Client };
  let numbers: string[];

  beforeAll(async () => {
    applicant = await registeredApplicant();
    numbers = [];
    for (let i = 0; i < 3; i++) {
      const form = await completeIndividualForm(applicant.client, { objectName: `${marker} № ${i}` });
      numbers.push((await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form })).number);
    }
  });

  it("pages the applicant's applications newest first, each once", async () => {
    const pages = await allPages((cursor) => applicant.client.applications.list.query({ cursor, limit: 2 }));
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    const rows = pages.flat();
    expect(rows.map((a) => a.number)).toEqual([...numbers].reverse());
    expect((await applicant.client.applications.list.query()).items.map((a) => a.number)).toEqual(rows.map((a) => a.number));
  });

  it('pages the staff queue in its order: overdue first, nearest deadline, earliest submission', async () => {
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const pages = await allPages((cursor) => operator.staffApplications.queue.query({ query: marker, cursor, limit: 1 }));
    expect(pages.map((p) => p.length)).toEqual([1, 1, 1]);
    const rows = pages.flat();
    expect(new Set(rows.map((a) => a.number))).toEqual(new Set(numbers));
    const key = (a: (typeof rows)[number]) => [a.overdue ? 0 : 1, a.deadlineAt ?? '9999', a.submittedAt, a.id].join(' ');
    expect(rows.map(key)).toEqual(rows.map(key).sort());
    // The same selection by status: the filtered index, the same rows.
    const active = (await operator.staffApplications.queue.query({ query: marker, status: 'active' })).items;
    expect(active.map((a) => a.number)).toEqual(rows.map((a) => a.number));
  });

  it('refuses a forged cursor with a clear message', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from(JSON.stringify(['x'])).toString('base64url')]) {
      const refusal = await failure(applicant.client.applications.list.query({ cursor }));
      expect(refusal).toMatchObject({ code: 'BAD_REQUEST', message: 'Неверная позиция в списке: обновите страницу' });
    }
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const wrongShape = (await applicant.client.applications.list.query({ limit: 1 })).nextCursor!;
    expect(await failure(operator.staffApplications.queue.query({ cursor: wrongShape }))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('counts the dashboards in the database', async () => {
    const mine = await applicant.client.applications.dashboard.query();
    expect(mine.active).toBe(3);
    expect(mine.yourTurn).toBe(0);
    if (mine.nearest) expect(numbers).toContain(mine.nearest.number);
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const all = await operator.staffApplications.dashboard.query();
    expect(all.active).toBeGreaterThanOrEqual(3);
    expect(all.gridTurn).toBeLessThanOrEqual(all.active);
    expect(await failure(applicant.client.staffApplications.dashboard.query())).toMatchObject({ code: 'FORBIDDEN' });
  });
});
