// The open figures (issue 21) against the real read models: the lead-time dashboard
// equals a direct computation from the seeded cases' histories (working days counted
// day by day on the calendar in force), and a quarter's disclosure report equals a
// hand count of the same cases. Both through the public API, as a visitor calls them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { moscowDate } from '../../domain/calendar';
import { quarterRange } from '../../domain/transparency';
import { calendarInForce } from '../../db/read-models/calendars';
import { apiClient, failure } from '../support/api-client';
import { registeredApplicant } from '../support/applicants';
import { useStackClients } from '../support/stack-clients';
import { expectedLeadTimes, percentile, randomOldQuarter, seedQuarter } from '../support/transparency-seed';

const stack = useStackClients();

describe('lead-time dashboard', () => {
  it('shows per stage and category the median, 90th percentile, term and late share equal to a direct computation from the histories', async () => {
    const applicant = await registeredApplicant();
    const seeded = await seedQuarter(stack.db, applicant.user.id);
    const visitor = apiClient();
    const { data, csv } = await visitor.transparency.leadTimes.query({ quarter: seeded.quarter });
    const { rows, samples } = expectedLeadTimes(seeded, await calendarInForce(stack.db));
    // The case whose payment stage ends after the quarter, and every final stage, are not counted.
    expect(samples.filter((s) => s.stage === 'awaitingPayment')).toHaveLength(6);
    expect(samples.some((s) => s.late)).toBe(true);
    expect(data.stages).toEqual(rows);
    expect(data.schemaVersion).toBe(1);
    expect(csv.split('\r\n')[0]).toContain('Медиана, дн.');

    // Appeals: calendar days from registration to answer in Moscow dates, against 30 days.
    const days = seeded.appeals.map((a) => Math.round((Date.parse(moscowDate(a.answeredAt.getTime())) - Date.parse(moscowDate(a.registeredAt.getTime()))) / 86_400_000));
    const all = data.appeals.find((a) => a.topic === 'all')!;
    expect(all).toEqual({ topic: 'all', count: 5, medianDays: percentile(days, 0.5), p90Days: percentile(days, 0.9), termDays: 30, late: 1, lateShare: 0.2 });
    expect(data.appeals.find((a) => a.topic === 'metering')).toMatchObject({ count: 2, late: 1, medianDays: percentile(days.slice(0, 2), 0.5) });
  });

  it('refuses a malformed quarter with a Russian message', async () => {
    const error = await failure(apiClient().transparency.leadTimes.query({ quarter: '2019-5' }));
    expect(error.message).toContain('Квартал указывается как ГГГГ-QN');
  });
});

describe('disclosure report', () => {
  it('equals a hand count of the same cases by power band and voltage level, with the contracts\' fees', async () => {
    const applicant = await registeredApplicant();
    const seeded = await seedQuarter(stack.db, applicant.user.id, randomOldQuarter(1992)); // years apart from the first test's and the browser test's
    const { data, csv } = await apiClient().transparency.disclosure.query({ quarter: seeded.quarter });
    // By hand, from seedQuarter's table: 15 kW completed, 10 kW active, 100 kW active, 150 kW annulled,
    // 400 kW completed, 1000 kW withdrawn (all submitted, concluded and finished by day 72 of the quarter),
    // and 5 kW active, submitted on day 33, its contract concluded on day 100: after the quarter.
    const { untilMs } = quarterRange(seeded.quarter);
    expect(seeded.cases.map((c) => (c.contractConcludedAt!.getTime() < untilMs ? c.maxPowerKw : null))).toEqual([15, 10, 100, 150, 400, 1000, null]);
    expect(seeded.cases.every((c) => c.finishedAt === null || c.finishedAt.getTime() < untilMs)).toBe(true);
    const byBand = Object.fromEntries(data.rows.map((r) => [r.band, r]));
    expect(data.rows.map((r) => r.band)).toEqual(['upTo15', 'upTo150', 'upTo670', 'over670']);
    // Fees: the invoices of the contracts concluded in the quarter (the 5 kW case's 20 000 ₽ is not one of them).
    expect(byBand.upTo15).toEqual({ band: 'upTo15', received: 3, receivedKw: 30, annulled: 0, withdrawn: 0, contracts: 2, contractsKw: 25, contractsFeeRub: 91_667.17, connected: 1, connectedKw: 15 });
    expect(byBand.upTo150).toEqual({ band: 'upTo150', received: 2, receivedKw: 250, annulled: 1, withdrawn: 0, contracts: 2, contractsKw: 250, contractsFeeRub: 550_000.1, connected: 0, connectedKw: 0 });
    expect(byBand.upTo670).toEqual({ band: 'upTo670', received: 1, receivedKw: 400, annulled: 0, withdrawn: 0, contracts: 1, contractsKw: 400, contractsFeeRub: 1_234_567.89, connected: 1, connectedKw: 400 });
    expect(byBand.over670).toEqual({ band: 'over670', received: 1, receivedKw: 1000, annulled: 0, withdrawn: 1, contracts: 1, contractsKw: 1000, contractsFeeRub: 2_000_000.01, connected: 0, connectedKw: 0 });
    expect(data.total).toEqual({ received: 7, receivedKw: 1680, annulled: 1, withdrawn: 1, contracts: 6, contractsKw: 1675, contractsFeeRub: 3_876_235.17, connected: 2, connectedKw: 415 });

    // By voltage level, from the forms: 15 kW 0,4 kV, 10 kW 0,23 kV and 5 kW 0,4 kV (НН); 100 kW 10 kV (СН-2);
    // 400 kW 35 kV (СН-1); 1000 kW 110 kV (ВН); the 150 kW case has no form row (voltage not known).
    expect(seeded.cases.map((c) => c.voltageKv)).toEqual([0.4, 0.23, 10, null, 35, 110, 0.4]);
    expect(data.voltageRows).toEqual([
      { level: 'hh', received: 3, receivedKw: 30, annulled: 0, withdrawn: 0, contracts: 2, contractsKw: 25, contractsFeeRub: 91_667.17, connected: 1, connectedKw: 15 },
      { level: 'sn2', received: 1, receivedKw: 100, annulled: 0, withdrawn: 0, contracts: 1, contractsKw: 100, contractsFeeRub: 250_000.1, connected: 0, connectedKw: 0 },
      { level: 'sn1', received: 1, receivedKw: 400, annulled: 0, withdrawn: 0, contracts: 1, contractsKw: 400, contractsFeeRub: 1_234_567.89, connected: 1, connectedKw: 400 },
      { level: 'vn', received: 1, receivedKw: 1000, annulled: 0, withdrawn: 1, contracts: 1, contractsKw: 1000, contractsFeeRub: 2_000_000.01, connected: 0, connectedKw: 0 },
      { level: 'unknown', received: 1, receivedKw: 150, annulled: 1, withdrawn: 0, contracts: 1, contractsKw: 150, contractsFeeRub: 300_000, connected: 0, connectedKw: 0 },
    ]);
    expect(data.schemaVersion).toBe(2);

    // The CSV for Excel: both cuts and the total, money with a decimal comma.
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Квартал;Разрез;Группа;Подано заявок, шт.;Мощность по поданным заявкам, кВт;Аннулировано заявок, шт.;Отозвано заявителями, шт.;Заключено договоров, шт.;Мощность по заключённым договорам, кВт;Плата по заключённым договорам, руб.;Выполнено присоединений, шт.;Присоединённая мощность, кВт',
    );
    expect(lines).toContain(`${seeded.quarter};диапазон мощности;до 15 кВт включительно;3;30;0;0;2;25;91667,17;1;15`);
    expect(lines).toContain(`${seeded.quarter};уровень напряжения;СН-2 (от 1 до 20 кВ);1;100;0;0;1;100;250000,10;0;0`);
    expect(lines).toContain(`${seeded.quarter};итого;Итого;7;1680;1;1;6;1675;3876235,17;2;415`);

    // The PDF for publishing: public, the same figures (pdftotext reads them back).
    const response = await fetch(`${inject('appUrl')}/api/disclosures/${seeded.quarter}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'disclosure-')), 'report.pdf');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Сведения о технологическом присоединении');
    expect(text).toContain('Подано заявок, шт. 7');
    expect(text).toContain('Мощность по поданным заявкам, кВт 1 680');
    expect(text).toContain('Уровень напряжения СН-1 (35 кВ)');
    expect(text).toContain('Плата по заключённым договорам, руб. 3 876 235,17 ₽');
    expect(text).toContain('Напряжение в заявке не указано');
    expect(text).toContain('уровни тарифного регулирования');
    expect((await fetch(`${inject('appUrl')}/api/disclosures/2019-Q5.pdf`)).status).toBe(404);
  });
});
