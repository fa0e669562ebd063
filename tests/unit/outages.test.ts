import { describe, expect, it } from 'vitest';
import { normalizePlace, outagesToIcs, outageTouches, parseOutageCsv, parseStreets, suggestSubscription } from '../../domain/outages';

const HEADER = 'Район;Населённый пункт;Улицы и дома;Дата;Начало;Окончание;Причина;Объект сети';

describe('outage schedule', () => {
  it('parses a good CSV into Moscow-time windows', () => {
    const { outages, errors } = parseOutageCsv(`${HEADER}\nИстринский;г. Истра;"ул. Садовая: 1, 3, 5-9; ул. Лесная";15.12.2026;10:00;16:00;Замена опор;ВЛ-0,4 кВ Ф-3 ТП-112\n`);
    expect(errors).toEqual([]);
    expect(outages[0]).toMatchObject({
      settlement: 'г. Истра',
      streets: [{ street: 'ул. Садовая', houses: ['1', '3', '5-9'] }, { street: 'ул. Лесная', houses: [] }],
      startsAt: Date.parse('2026-12-15T07:00:00Z'),
      endsAt: Date.parse('2026-12-15T13:00:00Z'),
    });
  });

  it('reports every bad row with its line and column and keeps nothing', () => {
    const csv = [HEADER, 'Истринский;г. Истра;ул. Садовая: 1;15.12.2026;10:00;16:00;Замена опор;ТП-112', 'Истринский;;ул. Садовая: 1;31.02.2026;10:00;09:00;Замена;ТП-1', 'Истринский;СНТ «Ромашка»;ул. Новая;2026-12-16;25:00;16:00;Ремонт;ТП-2'].join('\n');
    const { outages, errors } = parseOutageCsv(csv);
    expect(outages).toEqual([]);
    expect(errors).toEqual([
      { line: 3, column: 'Населённый пункт', message: 'Укажите населённый пункт или СНТ' },
      { line: 3, column: 'Дата', message: 'Дата в формате ДД.ММ.ГГГГ' },
      { line: 3, column: 'Окончание', message: 'Окончание должно быть позже начала' },
      { line: 4, column: 'Начало', message: 'Время в формате ЧЧ:ММ, например 10:00' },
    ]);
  });

  it('names missing columns', () => {
    expect(parseOutageCsv('Район;Дата\nА;01.01.2027').errors[0]!.message).toContain('Нет столбцов: Населённый пункт, Улицы и дома');
  });

  it('matches subscriptions by settlement, street and house, including ranges and the whole street', () => {
    const outage = { settlement: 'г. Истра', streets: parseStreets('ул. Садовая: 1, 3, 5–9; Лесная улица') };
    expect(outageTouches(outage, { settlement: 'Истра', street: 'Садовая', house: '7' })).toBe(true);
    expect(outageTouches(outage, { settlement: 'Истра', street: 'Садовая', house: '4' })).toBe(false);
    expect(outageTouches(outage, { settlement: 'истра', street: '', house: '' })).toBe(true);
    expect(outageTouches(outage, { settlement: 'Истра', street: 'ул. Лесная', house: '100' })).toBe(true);
    expect(outageTouches(outage, { settlement: 'Дедовск', street: 'Садовая', house: '1' })).toBe(false);
    expect(normalizePlace('пос. Снегири, ул. Ёлочная')).toBe(normalizePlace('Снегири ул Елочная'));
  });

  it('suggests a subscription from a free-text address', () => {
    expect(suggestSubscription('Московская обл., г. Истра, ул. Садовая, д. 5')).toEqual({ settlement: 'г. Истра', street: 'ул. Садовая', house: '5' });
  });

  it('exports RFC 5545 iCalendar with folded lines and escaped text', () => {
    const ics = outagesToIcs(
      [{ id: 'a1', district: 'Истринский', settlement: 'г. Истра', streets: parseStreets('ул. Садовая: 1, 3'), startsAt: Date.parse('2026-12-15T07:00:00Z'), endsAt: Date.parse('2026-12-15T13:00:00Z'), reason: 'Замена опор; работы', gridObject: 'ТП-112', updatedAt: 0, cancelled: false }],
      Date.parse('2026-12-01T00:00:00Z'),
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART:20261215T070000Z\r\nDTEND:20261215T130000Z');
    expect(ics).toContain('UID:outage-a1@kabinet');
    expect(ics.replace(/\r\n /g, '')).toContain('Причина: Замена опор\\; работы.');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});
