// A newcomer in Chromium, through the seed's own words: «Регистрация»,
// «Зарегистрироваться», «Войти», «Забыли пароль?». Real API, Temporal, MailDev.
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, snapshot } from '../support/browser';
import { fakeInn10, fakeInn12, fakeKpp, fakeOgrn, fakeOgrnip, fakeSnils } from '../support/fake-identifiers';
import { mailsTo, passwordFrom, uniqueEmail, waitForMail } from '../support/mail';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
  return context.newPage();
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function fillIdentity(page: Page, kind: 'Физическое лицо' | 'Юридическое лицо' | 'Индивидуальный предприниматель', email: string) {
  await page.getByLabel('Вид заявителя').selectOption({ label: kind });
  if (kind === 'Юридическое лицо') {
    await field(page, 'Полное наименование организации').fill('ООО «Светлый путь»');
    await field(page, 'ИНН').fill(fakeInn10());
    await field(page, 'КПП').fill(fakeKpp());
    await field(page, 'ОГРН').fill(fakeOgrn());
  }
  await field(page, 'Фамилия').fill('Соколова');
  await field(page, 'Имя').fill('Вера');
  await field(page, 'Отчество').fill('Андреевна');
  if (kind === 'Физическое лицо') await field(page, 'СНИЛС').fill(fakeSnils());
  if (kind === 'Индивидуальный предприниматель') {
    await field(page, 'ИНН').fill(fakeInn12());
    await field(page, 'ОГРНИП').fill(fakeOgrnip());
  }
  await field(page, 'Адрес электронной почты').fill(email);
}

const NEW_PASSWORD = 'Светлая-осень-в-парке-31';

describe('accounts in the browser', () => {
  it.each(['Физическое лицо', 'Юридическое лицо', 'Индивидуальный предприниматель'] as const)(
    '%s registers, gets the e-mail, logs in, is made to change the password, logs out and recovers it',
    async (kind) => {
      const page = await newPage();
      const email = uniqueEmail('e2e');
      await page.goto(inject('appUrl'));
      await page.getByRole('link', { name: 'Регистрация' }).first().click();
      await fillIdentity(page, kind, email);
      await page.getByLabel(/согласие на обработку персональных данных/).check();
      await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
      await expect.poll(() => page.getByRole('status').or(page.getByRole('alert')).first().textContent()).toContain('отправлены');

      const [mail] = await waitForMail(email, 'Логин и пароль');
      await page.goto(`${inject('appUrl')}/login`);
      await field(page, 'Адрес электронной почты').fill(email);
      await field(page, 'Пароль').fill(passwordFrom(mail!));
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL('**/change-password');
      await field(page, 'Новый пароль').fill(NEW_PASSWORD);
      await field(page, 'Повторите пароль').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Сменить пароль' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await expect.poll(() => page.getByRole('banner').textContent()).toContain(kind === 'Юридическое лицо' ? 'Светлый путь' : 'Соколова');

      await page.getByRole('banner').getByRole('button', { name: 'Выйти', exact: true }).click();
      await page.waitForURL('**/login');
      await page.getByRole('link', { name: 'Забыли пароль?' }).click();
      // The login form has a field with the same label: fill the recovery form only once it is shown.
      await page.getByRole('heading', { name: 'Восстановление пароля' }).waitFor();
      await field(page, 'Адрес электронной почты').fill(email);
      await page.getByRole('button', { name: 'Отправить пароль' }).click();
      await expect.poll(() => page.getByRole('status').or(page.getByRole('alert')).first().textContent()).toContain('временный пароль');
      const [recovery] = await waitForMail(email, 'Пароль для входа');
      await page.goto(`${inject('appUrl')}/login`);
      await field(page, 'Адрес электронной почты').fill(email);
      await field(page, 'Пароль').fill(passwordFrom(recovery!));
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL('**/change-password');
      await page.context().close();
    },
  );

  it('refuses wrong identifiers and a missing consent with Russian messages and creates nothing', async () => {
    const page = await newPage(390);
    const email = uniqueEmail('e2e-bad');
    await page.goto(`${inject('appUrl')}/register`);
    await fillIdentity(page, 'Физическое лицо', email);
    await field(page, 'СНИЛС').fill('112-233-445 96');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await snapshot(page, 'register-errors-phone');
    await expect.poll(() => page.locator('main').textContent()).toContain('Неверное контрольное число СНИЛС');
    await expect.poll(() => page.locator('main').textContent()).toContain('Необходимо согласие на обработку персональных данных');
    await snapshot(page, 'register-errors-phone');
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(email)).toHaveLength(0);
    await page.context().close();
  });
});
