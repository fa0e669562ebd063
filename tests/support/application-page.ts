// The application form in the browser, as an individual applicant fills it (tests/e2e):
// every field the Rules ask for and the three files, each listed once the server took it.
import { deflateSync, crc32 } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ATTACHMENT_LABELS } from '../../domain/application';
import { samplePdf } from './applications';

// --- files -----------------------------------------------------------------------------

/** A real 2×2 PNG (signature, IHDR, IDAT, IEND with their CRCs): the upload sniffs the bytes. */
export function samplePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 255, 0, 255, 255, 255]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** The files of an individual's application, with bytes a test can compare with what it downloads. */
export const UPLOADS = [
  { kind: 'sitePlan', name: 'План участка.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf('план участка')) },
  { kind: 'titleDocument', name: 'Выписка ЕГРН.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf('выписка ЕГРН')) },
  { kind: 'idCopy', name: 'Паспорт.png', mimeType: 'image/png', buffer: samplePng() },
] as const;

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Fills «Подать заявку» for a 15 kW household connection (the form must be open). */
export async function fillApplication(page: Page) {
  const form = page.getByRole('form', { name: 'Заявка на технологическое присоединение' });
  await form.waitFor();
  await field(page, 'Категория заявителя').selectOption('individual15');
  await field(page, 'Причина обращения').selectOption('new');
  await field(page, 'Серия паспорта').fill('4510');
  await field(page, 'Номер паспорта').fill('123456');
  await field(page, 'Кем выдан').fill('ОВД района Сокол г. Москвы');
  await field(page, 'Дата выдачи').fill('2015-06-01');
  await field(page, 'Наименование объекта').fill('Жилой дом');
  await field(page, 'Адрес объекта').fill('Московская обл., г. Истра, ул. Садовая, д. 5');
  await field(page, 'Кадастровый номер земельного участка').fill('50:08:0040229:123');
  await field(page, 'Максимальная мощность, кВт').fill('15');
  await field(page, 'Ранее присоединённая мощность, кВт').fill('0');
  await field(page, 'Уровень напряжения').selectOption('0.4');
  await field(page, 'Категория надёжности').selectOption('III');
  await field(page, 'Характер нагрузки').fill('Бытовая');
  await field(page, 'Территория').selectOption('urban');
  await field(page, 'Расстояние до существующих сетей, м').fill('120');
  await field(page, 'Планируемый срок ввода в эксплуатацию').fill('2027-06-01');
  await field(page, 'Порядок оплаты').selectOption('full');
  await field(page, 'Гарантирующий поставщик').selectOption('gp-center');
  for (const file of UPLOADS) {
    await field(page, ATTACHMENT_LABELS[file.kind]).setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
    // The file is listed once the server has taken it.
    await page.getByRole('list', { name: `Приложенные файлы: ${ATTACHMENT_LABELS[file.kind]}` }).getByText(file.name, { exact: true }).waitFor();
  }
}
