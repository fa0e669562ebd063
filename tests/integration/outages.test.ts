// Outage warnings scheduled durably in Temporal, with the lead shrunk to seconds.
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { connectDb, type Db } from '../../db';
import { resolveTerms } from '../../domain/regulations';
import { DEFAULT_THROTTLE_RULES } from '../../auth/throttle';
import { changeOutage, importOutages, outageWorkflowId } from '../../api/outages/service';
import type { ApiServices } from '../../api/context';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { apiClient, failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { mailsTo } from '../support/mail';
import { temporalDataConverter } from '../../infra/data-converter';
import { testEnv } from '../support/test-env';

let db: Db;
let connection: Connection;
let services: ApiServices;
beforeAll(async () => {
  db = connectDb(inject('databaseUrl'), { poolMax: 3 });
  connection = await Connection.connect({ address: inject('temporalAddress') });
  services = {
    db,
    temporal: new Client({ connection, dataConverter: temporalDataConverter(testEnv()) }),
    taskQueue: inject('taskQueue'),
    publicUrl: inject('appUrl'),
    throttle: DEFAULT_THROTTLE_RULES,
    terms: resolveTerms({ outageWarning: { amount: 3, unit: 'seconds' } }),
    paymentsMode: 'test',
  };
});
afterAll(async () => {
  await connection.close();
  await db.close();
});

const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
let town = 0;
/** A settlement of its own per test, so subscriptions of parallel tests do not meet. */
const uniqueTown = () => `Тестовск-${process.pid}-${Date.now().toString(36)}-${++town}`;

async function subscriber(settlement: string) {
  const applicant = await registeredApplicant();
  await applicant.client.outages.subscribe.mutate({ settlement, street: 'ул. Садовая', house: '7' });
  return applicant;
}

const outage = (settlement: string, startsInMs: number) => ({
  district: 'Истринский',
  settlement,
  streets: [{ street: 'ул. Садовая', houses: ['5-9'] }],
  startsAt: Date.now() + startsInMs,
  endsAt: Date.now() + startsInMs + 20_000,
  reason: 'Замена опор',
  gridObject: 'ВЛ-0,4 кВ Ф-3',
});

const outageMails = async (email: string) => (await mailsTo(email)).filter((m) => m.subject.includes('Отключение'));
const staffUser = async () => (await db.User.findOne({ where: { email: staffAccount.email } }))!.id;

describe('outage warnings', () => {
  it('warns a subscriber the lead time before the outage, exactly once', async () => {
    const town = uniqueTown();
    const { email, client } = await subscriber(town);
    const [row] = await importOutages(services, [outage(town, 7_000)], await staffUser());
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await outageMails(email)).toHaveLength(0);
    await expect.poll(() => outageMails(email), { timeout: 15_000, interval: 300 }).toHaveLength(1);
    const [mail] = await outageMails(email);
    expect(mail!.subject).toContain('Плановое отключение электроэнергии');
    expect(mail!.text).toContain('Замена опор');
    expect((await client.notifications.list.query({})).filter((n) => n.kind === 'outage')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await outageMails(email)).toHaveLength(1);
    const plan = await services.temporal.workflow.getHandle(outageWorkflowId(row!.id)).query<{ warnedFor: number }>('plan');
    expect(plan.warnedFor).toBe(row!.startsAt.getTime());
  });

  it('re-plans the warning when the outage moves', async () => {
    const town = uniqueTown();
    const { email } = await subscriber(town);
    const [row] = await importOutages(services, [outage(town, 8_000)], await staffUser());
    await changeOutage(services, row!.id, (o) => {
      o.startsAt = new Date(o.startsAt.getTime() + 8_000);
      o.endsAt = new Date(o.endsAt.getTime() + 8_000);
    });
    // The old warning time (start − 3 s ≈ +5 s) passes silently; the new one (≈ +13 s) fires.
    await new Promise((r) => setTimeout(r, 8_000));
    expect(await outageMails(email)).toHaveLength(0);
    await expect.poll(() => outageMails(email), { timeout: 15_000, interval: 300 }).toHaveLength(1);
  });

  it('withdraws the warning when the outage is cancelled', async () => {
    const town = uniqueTown();
    const { email } = await subscriber(town);
    const [row] = await importOutages(services, [outage(town, 6_000)], await staffUser());
    const staff = await loggedIn(staffAccount.email, staffAccount.password);
    await staff.outages.cancel.mutate({ id: row!.id, reason: 'Работы перенесены на весну' });
    expect(await services.temporal.workflow.getHandle(outageWorkflowId(row!.id)).result()).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await outageMails(email)).toHaveLength(0);
    expect((await failure(staff.outages.cancel.mutate({ id: row!.id, reason: 'ещё раз' }))).message).toBe('Отключение уже отменено');
  });
});

describe('the schedule', () => {
  it('imports a clean CSV through the API, refuses one with bad rows whole, and is open to everyone with an iCalendar export', async () => {
    const staff = await loggedIn(staffAccount.email, staffAccount.password);
    const town = uniqueTown();
    const header = 'Район;Населённый пункт;Улицы и дома;Дата;Начало;Окончание;Причина;Объект сети';
    const bad = await staff.outages.import.mutate({ csv: `${header}\nИстринский;${town};ул. Садовая: 1;15.12.2027;10:00;16:00;Замена опор;ТП-112\nИстринский;${town};;15.12.2027;10:00;16:00;;ТП-112\n` });
    expect(bad.imported).toBe(0);
    expect(bad.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Улицы и дома'],
      [3, 'Причина'],
    ]);
    expect(await db.Outage.count({ where: { settlement: town } })).toBe(0);

    const good = await staff.outages.import.mutate({ csv: `${header}\nИстринский;${town};ул. Садовая: 1, 3;15.12.2027;10:00;16:00;Замена опор;ТП-112\nИстринский;${town};ул. Лесная;16.12.2027;09:00;12:00;Ремонт КЛ;ТП-113\n` });
    expect(good).toEqual({ imported: 2, errors: [] });

    const anonymous = apiClient();
    const found = await anonymous.outages.search.query({ settlement: town, from: '2027-12-16', to: '2027-12-16' });
    expect(found.map((o) => o.streetsText)).toEqual(['ул. Лесная']);
    const ics = await fetch(`${inject('appUrl')}/api/outages.ics?settlement=${encodeURIComponent(town)}`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const body = await ics.text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(body).toContain('DTSTART:20271215T070000Z');

    const applicant = await registeredApplicant();
    expect((await failure(applicant.client.outages.import.mutate({ csv: `${header}\n` }))).code).toBe('FORBIDDEN');
  });
});
