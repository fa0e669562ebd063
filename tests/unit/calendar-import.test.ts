import { describe, expect, it } from 'vitest';
import { calendarYearCsv, prepareCalendarImport } from '../../domain/calendar-import';
import { countWorkingDaysInYear, type ProductionCalendar } from '../../domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../domain/calendar-data';

const decree2027 = { year: 2027, decreeNumber: '1234', decreeDate: '15.09.2026' };
const template2027 = calendarYearCsv(SHIPPED_CALENDAR_YEARS[2027]!);

describe('calendar import', () => {
  it('reads the CSV template back into the same year', () => {
    const result = prepareCalendarImport({ format: 'csv', content: template2027, calendar: { year: 2027, provisional: true } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.year.daysOff).toEqual(SHIPPED_CALENDAR_YEARS[2027]!.daysOff);
    expect(result.year.provisional).toBe(true);
    expect(result.year.decree).toBeNull();
  });

  it('loads a decree year from CSV with Russian words and dates, naming the decree', () => {
    const content = `${template2027}05.11.2027;выходной;перенос с 2 января\n31.12.2027;выходной;перенос с 3 января\n`;
    const result = prepareCalendarImport({ format: 'csv', content, calendar: decree2027 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.year.decree).toEqual({ number: '1234', date: '2026-09-15' });
    expect(result.year.source).toBe('Постановление Правительства РФ от 15.09.2026 № 1234 «О переносе выходных дней в 2027 году»');
    const calendar: ProductionCalendar = { years: { 2027: result.year } };
    expect(countWorkingDaysInYear(2027, calendar)).toBe(247);
  });

  it('reads JSON with the year in the file', () => {
    const content = JSON.stringify({
      calendar: { ...decree2027, decreeDate: '2026-09-15' },
      days: [...SHIPPED_CALENDAR_YEARS[2027]!.daysOff.map((d) => ({ date: d.date, kind: 'off' })), { date: '2027-11-13', kind: 'working', note: 'рабочая суббота' }],
    });
    const result = prepareCalendarImport({ format: 'json', content });
    expect(result.ok && result.year.workingDays).toEqual([{ date: '2027-11-13', note: 'рабочая суббота' }]);
  });

  it('reports every bad line in Russian, with its line number', () => {
    const content = ['date;kind;note', '01.01.2027;выходной;', '32.01.2027;выходной;', '2026-05-04;выходной;', '01.01.2027;выходной;', '05.01.2027;отгул;', '06.01.2027;рабочий;'].join('\n');
    const result = prepareCalendarImport({ format: 'csv', content, calendar: decree2027 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byLine = Object.fromEntries(result.problems.map((p) => [p.row, p.message]));
    expect(byLine[3]).toMatch(/Дата — в формате ДД\.ММ\.ГГГГ/);
    expect(byLine[4]).toBe('Дата 04.05.2026 не из 2027 года: в файле — дни одного года');
    expect(byLine[5]).toBe('Дата 01.01.2027 уже указана в строке 2');
    expect(byLine[6]).toMatch(/Вид дня — «выходной» \(off\) или «рабочий» \(working\)/);
    expect(byLine[7]).toMatch(/06\.01\.2027 — будний день, он и так рабочий/);
  });

  it('refuses a year that leaves out a weekday holiday', () => {
    const content = template2027.replace(/^04\.01\.2027;[^\n]*\n/m, '');
    const result = prepareCalendarImport({ format: 'csv', content, calendar: decree2027 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual(['Нет дня 04.01.2027 (Новогодние каникулы): праздник ст. 112 ТК РФ в будний день — укажите его как выходной']);
  });

  it('asks for the decree unless the year is provisional, and for the year at all', () => {
    const noDecree = prepareCalendarImport({ format: 'csv', content: template2027, calendar: { year: 2027 } });
    expect(!noDecree.ok && noDecree.problems.map((p) => p.message)).toEqual([
      'Укажите номер постановления Правительства о переносе выходных дней (или отметьте календарь как предварительный)',
      'Укажите дату постановления',
    ]);
    const nothing = prepareCalendarImport({ format: 'csv', content: template2027 });
    expect(!nothing.ok && nothing.problems[0]!.message).toBe('Укажите год, номер и дату постановления');
    const both = prepareCalendarImport({ format: 'json', content: JSON.stringify({ calendar: decree2027, days: [] }), calendar: decree2027 });
    expect(!both.ok && both.problems[0]!.message).toBe('Год и постановление указаны и в форме, и в файле: оставьте их в одном месте');
  });

  it('explains unreadable files', () => {
    const badJson = prepareCalendarImport({ format: 'json', content: '{"days": [', calendar: decree2027 });
    expect(!badJson.ok && badJson.problems[0]!.message).toMatch(/не читается как JSON/);
    const badHeader = prepareCalendarImport({ format: 'csv', content: 'день;что\n01.01.2027;выходной\n', calendar: decree2027 });
    expect(!badHeader.ok && badHeader.problems.map((p) => p.message)).toEqual(['Неизвестный столбец «что». Допустимые столбцы: date, kind, note', 'Нет столбца «kind» (выходной или рабочий)']);
  });
});
