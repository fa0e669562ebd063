// The admin's «Платёжные реквизиты» page in Chromium (issue 18, item 2): the page
// opens from the menu with the requisites in force filled in; a settlement account
// whose control key does not match the БИК is refused on the field with a Russian
// message and nothing is saved; the right one is saved, appears first in the
// history with the admin's name, and is what the API now holds for new invoices.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { withControlKey } from '../../domain/payment-requisites';
import { cookiesOf } from '../support/api-client';
import { loggedIn } from '../support/applicants';
import { launchBrowser, snapshot } from '../support/browser';

const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

describe('payment requisites', () => {
  it('an admin edits them: a wrong account key is refused on the field, the right one is saved into the history', async () => {
    const client = await loggedIn(admin.email, admin.password);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(client).get(SESSION_COOKIE)!, url: inject('appUrl') }]);
    const page = await context.newPage();
    await page.goto(`${inject('appUrl')}/admin/users`);
    await page.getByRole('link', { name: 'Платёжные реквизиты' }).first().click();
    await expect.poll(() => h1(page)).toBe('Платёжные реквизиты');
    const before = await client.paymentRequisites.history.query();
    // The form starts from the requisites in force (the test stack's sample, or what an earlier test saved).
    await expect.poll(() => page.getByLabel('БИК', { exact: true }).inputValue()).toBe(before[0]?.bik ?? '');

    const bik = '044525225';
    const account = withControlKey(`407028100380${String(randomInt(0, 1e8)).padStart(8, '0')}`, bik, 'settlement');
    const badAccount = `${account.slice(0, 8)}${(Number(account[8]) + 1) % 10}${account.slice(9)}`;
    const name = `АО «Сетевая компания ${randomInt(1000, 9999)}»`;
    await page.getByLabel('Наименование получателя').fill(name);
    await page.getByLabel('ИНН', { exact: true }).fill('5000999991');
    await page.getByLabel('КПП', { exact: true }).fill('500001001');
    await page.getByLabel('Адрес', { exact: true }).fill('143500, Московская обл., г. Истра, ул. Примерная, д. 1');
    await page.getByLabel('Наименование банка').fill('ПАО Сбербанк');
    await page.getByLabel('БИК', { exact: true }).fill(bik);
    await page.getByLabel('Корреспондентский счёт').fill('30101810400000000225');
    await page.getByLabel('Расчётный счёт').fill(badAccount);
    await page.getByRole('button', { name: 'Сохранить реквизиты' }).click();

    const accountField = page.getByLabel('Расчётный счёт');
    await expect.poll(() => accountField.getAttribute('aria-invalid')).toBe('true');
    expect(plain(await page.locator('#req-account-error').textContent())).toBe(`Расчётный счёт не сходится с БИК ${bik} по контрольному ключу (9-я цифра счёта): проверьте счёт и БИК`);
    // Focus goes to the field to fix, and nothing was saved.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('req-account');
    expect((await client.paymentRequisites.history.query()).length).toBe(before.length);
    await snapshot(page, 'payment-requisites-refused');

    await accountField.fill(account);
    await page.getByRole('button', { name: 'Сохранить реквизиты' }).click();
    await expect.poll(() => page.getByText('Реквизиты сохранены').count()).toBe(1);
    expect(await accountField.getAttribute('aria-invalid')).toBeNull();

    const [saved] = await client.paymentRequisites.history.query();
    expect(saved).toMatchObject({ name, inn: '5000999991', kpp: '500001001', bankName: 'ПАО Сбербанк', bik, correspondentAccount: '30101810400000000225', account, sample: false, changedBy: 'Орлова Мария' });
    const firstRow = page.locator('table', { has: page.locator('caption', { hasText: 'Версии реквизитов' }) }).locator('tbody tr').first();
    await expect.poll(async () => plain(await firstRow.textContent())).toContain(`${name}, ИНН 5000999991, КПП 500001001`);
    expect(plain(await firstRow.textContent())).toContain('Орлова Мария');
    expect(plain(await firstRow.textContent())).toContain(account);
    await snapshot(page, 'payment-requisites-saved');
  });
});
