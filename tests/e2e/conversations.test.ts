// The conversation of an application in Chromium from both sides (issue 20
// item 5): the applicant writes with a file; the staff member sees it live in
// «Сообщения заявителей» and on the case page, downloads the file, leaves an
// internal note and answers; each side sees the other's read mark appear live,
// and the applicant never sees the note. Real API, Temporal, Postgres, SSE.
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const LIVE = { timeout: 30_000 };
/** The smallest valid PNG (1×1): the upload endpoint sniffs the type from the bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function pageAs(client: object): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(client).get(SESSION_COOKIE)!, url: inject('appUrl') }]);
  return context.newPage();
}

describe('conversations in the browser', () => {
  it('the applicant and a staff member exchange messages with a file and see read marks; the note stays internal', async () => {
    const app = inject('appUrl');
    const applicant = await registeredApplicant();
    const form = await completeIndividualForm(applicant.client);
    const filed = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    const operator = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
    const staffClient = await loggedIn(operator.email, operator.password);

    // --- the applicant writes with a photo ------------------------------------------------------
    const mine = await pageAs(applicant.client);
    await mine.goto(`${app}/applications/${filed.id}`);
    const myConversation = mine.getByRole('region', { name: 'Переписка по делу' });
    await myConversation.getByText('Сообщений пока нет').waitFor();
    // An empty message is refused on the field, in words.
    await myConversation.getByRole('button', { name: 'Отправить' }).click();
    await myConversation.getByText('Напишите текст сообщения').waitFor();
    await myConversation.getByLabel('Сообщение', { exact: true }).fill('Добрый день! Прилагаю фото щита учёта.');
    await myConversation.getByLabel('Файлы (необязательно)').setInputFiles({ name: 'Щит учёта.png', mimeType: 'image/png', buffer: PNG });
    await myConversation.getByRole('button', { name: 'Отправить' }).click();
    const myMessage = myConversation.getByTestId('message').filter({ hasText: 'Прилагаю фото щита учёта' });
    await myMessage.getByRole('link', { name: 'Щит учёта.png' }).waitFor();
    await myMessage.getByText('Не прочитано').waitFor();
    // Internal notes are not offered to the applicant.
    expect(await myConversation.getByLabel('Внутренняя заметка').count()).toBe(0);
    await snapshot(mine, 'conversation-applicant-sent');

    // --- staff: the unread message is listed, then read on the case page -------------------------
    const staff = await pageAs(staffClient);
    await staff.goto(`${app}/messages`);
    await staff.getByRole('link', { name: `Заявка ${filed.number}` }).click();
    await staff.waitForURL(`**/staff/applications/${filed.id}**`);
    const theirConversation = staff.getByRole('region', { name: 'Переписка по делу' });
    const received = theirConversation.getByTestId('message').filter({ hasText: 'Прилагаю фото щита учёта' });
    await received.getByText(/Заявитель:/).waitFor();
    const download = staff.waitForEvent('download');
    await received.getByRole('link', { name: 'Щит учёта.png' }).click();
    expect((await download).suggestedFilename()).toBe('Щит учёта.png');

    // Opening it marked it read: the applicant's open page shows it without reloading.
    await myMessage.getByText('Прочитано сетевой организацией').waitFor(LIVE);

    // --- staff: an internal note, then an answer --------------------------------------------------
    await theirConversation.getByLabel('Внутренняя заметка').check();
    await theirConversation.getByLabel('Текст заметки').fill('Проверить, не превышена ли мощность по ТУ');
    await theirConversation.getByRole('button', { name: 'Сохранить заметку' }).click();
    await theirConversation.getByTestId('message').filter({ hasText: 'Проверить, не превышена' }).getByText('Внутренняя заметка — видна только сотрудникам').waitFor();
    await theirConversation.getByLabel('Сообщение', { exact: true }).fill('Фото получили, спасибо. Осмотр назначим после заключения договора.');
    await theirConversation.getByRole('button', { name: 'Отправить' }).click();
    const answer = theirConversation.getByTestId('message').filter({ hasText: 'Фото получили' });
    await answer.waitFor();

    // The applicant's page shows the answer live (and marks it read), never the note.
    await myConversation.getByTestId('message').filter({ hasText: 'Фото получили' }).waitFor(LIVE);
    expect(await myConversation.getByText('Проверить, не превышена').count()).toBe(0);
    await answer.getByText('Прочитано заявителем').waitFor(LIVE);
    await snapshot(staff, 'conversation-staff-read');
    await snapshot(mine, 'conversation-applicant-answered');
  }, 180_000);
});
