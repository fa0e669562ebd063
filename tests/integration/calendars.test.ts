// The production calendar as data through the real API, Postgres and Temporal:
// the shipped years, an admin's load with its line report (all or nothing),
// and a loaded decree moving the deadline of a running case through its
// workflow (history names the decree, the read model follows).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appealFormSchema } from '../../domain/appeal';
import { calendarDaysBetween, endOfMoscowWorkingDay, moscowDate } from '../../domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../domain/calendar-data';
import { calendarYearCsv } from '../../domain/calendar-import';
import { fileAppeal } from '../../api/appeals/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { apiClient, failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const admin = () => loggedIn(demo('admin').email, demo('admin').password);

const shipped2027 = calendarYearCsv(SHIPPED_CALENDAR_YEARS[2027]!);

describe('production calendar', () => {
  it('ships 2025 and 2026 by their decrees (247 working days) and 2027 as provisional, to everyone', async () => {
    const years = await apiClient().calendars.years.query();
    const byYear = Object.fromEntries(years.map((y) => [y.year, y]));
    expect(byYear[2025]).toMatchObject({ provisional: false, decree: { number: '1335', date: '2024-10-04' }, workingDayCount: 247 });
    expect(byYear[2026]).toMatchObject({ provisional: false, decree: { number: '1466', date: '2025-09-24' }, workingDayCount: 247 });
    expect(byYear[2027]).toMatchObject({ provisional: true, decree: null });
  });

  it('refuses a bad file with its lines, stores nothing, and is for admins only', async () => {
    const client = await admin();
    const before = (await client.calendars.versions.query()).length;
    const result = await client.calendars.import.mutate({ format: 'csv', content: 'date;kind\n31.02.2027;выходной\n01.01.2027;рабочий\n', calendar: { year: 2027, decreeNumber: '1', decreeDate: '01.10.2026' } });
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.problems.map((p) => p.row)).toEqual([2, 3]);
    expect((await client.calendars.versions.query()).length).toBe(before);
    const applicant = await registeredApplicant();
    expect(await failure(applicant.client.calendars.import.mutate({ format: 'csv', content: shipped2027, calendar: { year: 2027, provisional: true } }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('recomputes a running case’s deadline in the loaded year through its workflow, naming the decree', async () => {
    // An appeal whose answer term (calendar days) ends on Wednesday 3 March 2027.
    const today = moscowDate(Date.now());
    const target = '2027-03-03';
    const applicant = await registeredApplicant();
    const user = (await stack.db.User.findByPk(applicant.user.id))!;
    const id = randomUUID();
    const form = appealFormSchema.parse({ topic: 'serviceQuality', kind: 'complaint', text: 'Проверка пересчёта срока по производственному календарю.', answerChannel: 'cabinet' });
    await fileAppeal(stack.services({ appealAnswer: { amount: calendarDaysBetween(today, target), unit: 'calendar-days' } }), user, id, form, { channel: 'electronic', registeredBy: null });
    const filed = (await stack.db.Appeal.findByPk(id))!;
    expect(filed.deadlineAt!.getTime()).toBe(endOfMoscowWorkingDay(target));

    // A decree that makes 3 March 2027 a day off: the term ends on the next working day.
    const client = await admin();
    const content = `${shipped2027}03.03.2027;выходной;тестовый перенос\n`;
    const loaded = await client.calendars.import.mutate({ format: 'csv', content, calendar: { year: 2027, decreeNumber: '9999', decreeDate: '01.10.2026' } });
    try {
      expect(loaded).toMatchObject({ status: 'imported', year: 2027, provisional: false });
      if (loaded.status !== 'imported') return;
      // Other tests' cases may sit on a queue whose worker they killed: those are reported, never waited for; ours is recomputed.
      expect(loaded.recalculation.failed.map((f) => f.number)).not.toContain(filed.number);
      expect(loaded.recalculation.recalculated).toBeGreaterThanOrEqual(1);

      const moved = (await stack.db.Appeal.findByPk(id))!;
      expect(moved.deadlineAt!.getTime()).toBe(endOfMoscowWorkingDay('2027-03-04'));
      const page = await applicant.client.appeals.get.query({ id });
      expect(page.events.map((e) => e.title)).toContain('Срок пересчитан по производственному календарю 2027 года (ПП РФ от 01.10.2026 № 9999)');
      const notices = await applicant.client.notifications.list.query({});
      expect(notices.some((n) => n.body.includes('ПП РФ от 01.10.2026 № 9999'))).toBe(true);

      const versions = await client.calendars.versions.query();
      const newest2027 = versions.find((v) => v.year === 2027 && v.inForce)!;
      expect(newest2027).toMatchObject({ decree: { number: '9999' }, provisional: false, importedByName: expect.stringMatching(/\S/) });
    } finally {
      // Put the shipped provisional 2027 back for the other tests (a new version; running cases move back).
      const restored = await client.calendars.import.mutate({ format: 'csv', content: shipped2027, calendar: { year: 2027, provisional: true } });
      expect(restored.status).toBe('imported');
    }
    expect((await stack.db.Appeal.findByPk(id))!.deadlineAt!.getTime()).toBe(endOfMoscowWorkingDay(target));
    const notices = await applicant.client.notifications.list.query({});
    // The notice of the move back names a deadline in a provisional year, and says so.
    expect(notices.some((n) => n.body.includes('предварительно: производственный календарь 2027 года ещё не утверждён'))).toBe(true);
  });
});
