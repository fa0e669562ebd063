// In Chromium (issue 20 items 1–2): an admin creates two departments on the
// admin page (a department without stages is refused on the form) and gives
// them staff; an application is in the reception department's queue while its
// completeness is checked, a receptionist takes it there and the holder shows;
// once accepted it leaves reception's queue for the technical department's
// because its stage changed; a technician takes it and the holder shows in the
// queue and on the staff case page; the workload page (item 4) shows both.
// With its term shrunk to seconds, the holder is warned in «Уведомления» before
// the term ends (item 3).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { useStackClients } from '../support/stack-clients';
import { submitApplication } from '../../api/applications/service';
import { applicationFormSchema } from '../../domain/application';
import { launchBrowser } from '../support/browser';
import { namedStaff } from '../support/staff';

const stack = useStackClients();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const appUrl = () => inject('appUrl');
async function contextFor(client: object): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(20_000);
  await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(client).get(SESSION_COOKIE)!, url: appUrl() }]);
  return context;
}

describe('departments and holders in the browser', () => {
  it('an admin creates two departments; an accepted application moves to the technical queue; a technician takes it', async () => {
    const demoAdmin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const admin = await loggedIn(demoAdmin.email, demoAdmin.password);
    const [receptionist, technician] = await Promise.all([namedStaff('Приёмова', 'Анна'), namedStaff('Техников', 'Игорь')]);
    const suffix = randomUUID().slice(0, 6);
    const receptionName = `Приём заявок ${suffix}`;
    const technicalName = `Технический отдел ${suffix}`;

    // The admin page: a department without stages is refused on the form; two are created.
    const page = await (await contextFor(admin)).newPage();
    await page.goto(`${appUrl()}/admin/departments`);
    const fresh = page.getByRole('form', { name: 'Новый отдел' });
    await fresh.getByLabel('Название отдела').fill(receptionName);
    await fresh.getByRole('button', { name: 'Создать отдел' }).click();
    await expect.poll(() => fresh.getByText('Выберите хотя бы один этап, который обслуживает отдел').count()).toBe(1);
    await fresh.getByLabel('Заявка: Проверка полноты сведений и документов').check();
    await fresh.getByRole('button', { name: 'Создать отдел' }).click();
    await expect.poll(() => page.getByText(`Отдел «${receptionName}» создан`).count()).toBe(1);
    await fresh.getByLabel('Название отдела').fill(technicalName);
    await fresh.getByLabel('Заявка: Подготовка условий договора, ТУ и счёта').check();
    await fresh.getByRole('button', { name: 'Создать отдел' }).click();
    await expect.poll(() => page.getByText(`Отдел «${technicalName}» создан`).count()).toBe(1);

    // Their staff, on the same page.
    for (const [department, member] of [[receptionName, receptionist], [technicalName, technician]] as const) {
      const staff = page.getByRole('group', { name: `Сотрудники отдела «${department}»` });
      await staff.getByLabel(`${member.name} (${member.email})`, { exact: true }).check();
      await staff.getByRole('button', { name: 'Сохранить сотрудников отдела' }).click();
      await expect.poll(() => page.getByText(`Сотрудники отдела «${department}» сохранены`).count()).toBe(1);
    }
    const departments = await admin.departments.list.query();
    const reception = departments.find((d) => d.name === receptionName)!;
    const technical = departments.find((d) => d.name === technicalName)!;
    expect(reception.members.map((m) => m.userId)).toEqual([receptionist.id]);
    expect(technical.members.map((m) => m.userId)).toEqual([technician.id]);

    // An application under the completeness check is in reception's queue; the receptionist takes it there.
    const applicant = await registeredApplicant();
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(applicant.client) });
    const desk = await (await contextFor(receptionist.client)).newPage();
    await desk.goto(`${appUrl()}/staff/departments/${reception.id}`);
    await desk.getByRole('heading', { name: `Очередь отдела «${receptionName}»` }).waitFor();
    await expect.poll(async () => {
      await desk.reload();
      return desk.getByRole('button', { name: `Взять в работу заявку ${app.number}` }).count();
    }, { timeout: 60_000 }).toBe(1); // the worker registers it first, minutes behind on a loaded machine
    await desk.getByRole('button', { name: `Взять в работу заявку ${app.number}` }).click();
    const receptionRow = desk.getByRole('row').filter({ hasText: app.number });
    await expect.poll(() => receptionRow.getByText(receptionist.name).count()).toBe(1);

    // Accepted as complete: the stage changed, so reception's queue no longer has it and the technical department's has it, unheld.
    await receptionist.client.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: { comment: 'Сведения полные' } });
    await desk.reload();
    await desk.getByRole('heading', { name: `Очередь отдела «${receptionName}»` }).waitFor();
    await expect.poll(() => desk.getByRole('row').filter({ hasText: app.number }).count()).toBe(0);

    const bench = await (await contextFor(technician.client)).newPage();
    await bench.goto(`${appUrl()}/staff/departments`);
    await bench.getByRole('link', { name: technicalName }).click();
    await bench.getByRole('heading', { name: `Очередь отдела «${technicalName}»` }).waitFor();
    const technicalRow = bench.getByRole('row').filter({ hasText: app.number });
    await expect.poll(() => technicalRow.getByText('Подготовка условий договора, ТУ и счёта').count()).toBe(1);
    await technicalRow.getByRole('button', { name: `Взять в работу заявку ${app.number}` }).click();
    await expect.poll(() => technicalRow.getByText(technician.name).count()).toBe(1);

    // The staff case page shows the holder.
    await technicalRow.getByRole('link', { name: app.number }).click();
    const holder = bench.getByRole('region', { name: 'Исполнитель' });
    await expect.poll(() => holder.getByText(technician.name).count()).toBe(1);
    await expect.poll(() => holder.getByText('Ведёт:').count()).toBe(1);

    // The workload (item 4), opened from the queue by the admin (a supervisor everywhere): the technician's open case,
    // and in reception's the check the receptionist handled this week with its median days.
    const office = await (await contextFor(admin)).newPage();
    await office.goto(`${appUrl()}/staff/departments/${technical.id}`);
    await office.getByRole('link', { name: 'Нагрузка отдела' }).click();
    await office.getByRole('heading', { name: `Нагрузка отдела «${technicalName}»` }).waitFor();
    const byHolder = () => office.getByRole('table', { name: 'Открытые дела отдела по исполнителям' });
    // Other tests' staff may bear the same names (and reception's stage is every department's of that stage): one of the rows is theirs.
    const lines = async (name: string) => Promise.all((await byHolder().getByRole('row').filter({ hasText: name }).all()).map((r) => r.getByRole('cell').allTextContents()));
    await expect.poll(() => lines(technician.name)).toContainEqual([technician.name, '1', '0', '0', '0']);
    await office.goto(`${appUrl()}/staff/departments/${reception.id}/workload`);
    await office.getByRole('heading', { name: `Нагрузка отдела «${receptionName}»` }).waitFor();
    await expect.poll(() => lines(receptionist.name)).toContainEqual([receptionist.name, '0', '0', '0', '1']);
    const checkTable = office.getByRole('table', { name: 'Этап «Заявка: Проверка полноты сведений и документов»: выполнено и медиана рабочих дней по исполнителям' });
    await expect.poll(async () => (await checkTable.getByRole('row').filter({ hasText: receptionist.name }).count()) > 0).toBe(true);
    expect(await office.getByRole('img', { name: /^Медиана рабочих дней на этапе «Заявка: Проверка полноты сведений и документов»/ }).count()).toBe(1);
    // A member who does not supervise the department has no link to it.
    await bench.goto(`${appUrl()}/staff/departments/${technical.id}`);
    await bench.getByRole('heading', { name: `Очередь отдела «${technicalName}»` }).waitFor();
    expect(await bench.getByRole('link', { name: 'Нагрузка отдела' }).count()).toBe(0);
  });

  it('a technician holding a case is warned in the cabinet before the stage’s term ends (terms shrunk to seconds)', async () => {
    const demoAdmin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const admin = await loggedIn(demoAdmin.email, demoAdmin.password);
    const technician = await namedStaff('Сроков', 'Павел');
    const technical = await admin.departments.create.mutate({ name: `Технический отдел ${randomUUID().slice(0, 6)}`, stages: ['application:preparingDocuments'] });
    await admin.departments.setMembers.mutate({ id: technical.id, members: [{ userId: technician.id, supervisor: false }] });

    // Filed with the grid's term for the documents shrunk to two minutes, the warning due half-way (time to take it first on a loaded machine).
    const applicant = await registeredApplicant();
    const user = (await stack.db.User.findByPk(applicant.user.id))!;
    const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client));
    const app = await submitApplication(stack.services({ postContractDocuments: { amount: 120, unit: 'seconds' }, termAtRisk: { amount: 60, unit: 'seconds' } }), user, newDraftId(), form);
    await expect.poll(async () => (await stack.db.Application.findByPk(app.id))?.stage, { timeout: 60_000 }).toBe('completenessCheck');
    await admin.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} });
    await technician.client.departments.takeCase.mutate({ id: app.id });

    // The warning reaches the holder's «Уведомления» before the term ends; the case is still in the stage.
    const page = await (await contextFor(technician.client)).newPage();
    const title = `Срок под угрозой: ${app.number}, этап «Подготовка условий договора, ТУ и счёта»`;
    await expect.poll(async () => {
      await page.goto(`${appUrl()}/notifications`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      return page.getByText(title).count();
    }, { timeout: 150_000, interval: 3_000 }).toBeGreaterThan(0);
    expect((await stack.db.Application.findByPk(app.id))!.stage).toBe('preparingDocuments');
    const warnings = await stack.db.Notification.count({ where: { caseId: app.id, userId: technician.id, title } });
    expect(warnings).toBe(1);
  }, 300_000);
});

