// In Chromium (issue 20, item 7): registering the company a second time is
// refused with the reason and whom to ask; the company's administrator invites a colleague
// on the «Организация» page; the colleague opens the e-mailed link, sets a
// password and sees the company's application, filed by the administrator, in
// «Поданные заявки» and on its case page; the administrator removes the
// colleague, whose open cabinet loses the session at once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { cookiesOf } from '../support/api-client';
import { legalRegistration, registeredApplicant } from '../support/applicants';
import { launchBrowser, snapshot } from '../support/browser';
import { uniqueEmail, waitForMail } from '../support/mail';
import { companyApplication, invitationLinkFrom } from '../support/organisations';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const appUrl = () => inject('appUrl');
const newContext = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(20_000);
  return context;
};

describe('an organisation in the browser', () => {
  it('a second employee of a company, invited by e-mail, sees the company’s case; removed, loses it at once', async () => {
    const registration = legalRegistration();
    const admin = await registeredApplicant(registration);
    const application = await companyApplication(admin.client);

    // A colleague who tries to register the company again is told why not and whom to ask.
    const visitor = await (await newContext()).newPage();
    await visitor.goto(`${appUrl()}/register`);
    await visitor.getByLabel('Вид заявителя').selectOption({ label: 'Юридическое лицо' });
    const field = (label: string) => visitor.getByLabel(label, { exact: true });
    await field('Полное наименование организации').fill(registration.orgName);
    await field('ИНН').fill(registration.inn);
    await field('КПП').fill(registration.kpp);
    await field('ОГРН').fill(registration.ogrn);
    await field('Фамилия').fill('Коллегова');
    await field('Имя').fill('Мария');
    await field('Адрес электронной почты').fill(uniqueEmail('e2e-second'));
    await visitor.getByLabel('Я даю согласие на обработку персональных данных').check();
    await visitor.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect.poll(() => visitor.getByText(`Организация с ИНН ${registration.inn} и КПП ${registration.kpp} уже зарегистрирована в личном кабинете`, { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => visitor.getByText('попросите администратора организации', { exact: false }).count()).toBeGreaterThan(0);

    // The administrator invites a colleague on the «Организация» page.
    const adminContext = await newContext();
    await adminContext.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(admin.client).get(SESSION_COOKIE)!, url: appUrl() }]);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${appUrl()}/`);
    await adminPage.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByRole('link', { name: 'Организация' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Организация' }).waitFor();
    const colleagueEmail = uniqueEmail('e2e-colleague');
    const invite = adminPage.getByRole('region', { name: 'Пригласить сотрудника' });
    // Without a name the form says what is missing and sends nothing.
    await invite.getByLabel('Адрес электронной почты').fill(colleagueEmail);
    await invite.getByRole('button', { name: 'Отправить приглашение' }).click();
    await expect.poll(() => invite.getByText('Укажите фамилию сотрудника').count()).toBe(1);
    await invite.getByLabel('Фамилия').fill('Коллегова');
    await invite.getByLabel('Имя', { exact: true }).fill('Мария');
    await invite.getByRole('button', { name: 'Отправить приглашение' }).click();
    await expect.poll(() => invite.getByText(`Приглашение отправлено на ${colleagueEmail}`).count()).toBe(1);
    await expect.poll(() => adminPage.getByRole('region', { name: 'Приглашения, которые ждут ответа' }).getByText(colleagueEmail).count()).toBe(1);

    // The colleague opens the link from the letter, sets a password and is in the cabinet.
    const [letter] = await waitForMail(colleagueEmail, 'Приглашение в личный кабинет организации');
    const { path } = invitationLinkFrom(letter!);
    const colleaguePage = await (await newContext()).newPage();
    await colleaguePage.goto(`${appUrl()}${path}`);
    await expect.poll(() => colleaguePage.getByText('ООО «Ромашка»').count()).toBeGreaterThan(0);
    const password = 'Северный-ветер-над-рекой-31';
    await colleaguePage.getByLabel('Пароль', { exact: true }).fill(password);
    await colleaguePage.getByLabel('Повторите пароль').fill(password);
    await colleaguePage.getByLabel('Я даю согласие на обработку персональных данных').check();
    await colleaguePage.getByRole('button', { name: 'Принять приглашение' }).click();
    await colleaguePage.waitForURL((url) => url.pathname === '/');

    // The company's application, filed by the administrator, is the colleague's to see and follow.
    await colleaguePage.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByRole('link', { name: 'Поданные заявки' }).click();
    await colleaguePage.getByRole('link', { name: new RegExp(application.number) }).first().click();
    await colleaguePage.waitForURL((url) => url.pathname === `/applications/${application.id}`);
    await expect.poll(() => colleaguePage.getByRole('heading', { level: 1 }).first().textContent()).toContain(application.number);
    await snapshot(colleaguePage, 'organisation-colleague-case');

    // The administrator removes the colleague; the colleague's cabinet loses the session.
    await adminPage.reload();
    adminPage.once('dialog', (dialog) => void dialog.accept());
    await adminPage.getByRole('button', { name: 'Удалить из организации: Коллегова Мария' }).click();
    await expect.poll(() => adminPage.getByText('удалён(а) из организации').count()).toBe(1);
    await colleaguePage.goto(`${appUrl()}/applications/${application.id}`);
    await colleaguePage.waitForURL((url) => url.pathname === '/login');
  });
});
