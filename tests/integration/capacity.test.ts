// Free transformer capacity (issue 21): an admin loads a version from CSV (one bad
// row and nothing is stored, the report names line and column), everyone searches
// the version in force by settlement, a newer version supersedes, versions stay as loaded.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { apiClient, failure } from '../support/api-client';
import { loggedIn } from '../support/applicants';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
const admin = () => loggedIn(DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.email, DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.password);

describe('free transformer capacity', () => {
  it('is loaded by an admin as a version, searched by anyone by settlement, and superseded by the next version', async () => {
    const client = await admin();
    const town = `Посёлок-${randomUUID().slice(0, 8)}`;
    const versionsBefore = await stack.db.sequelize.query('SELECT count(*)::int AS n FROM capacity_versions', { plain: true });

    const bad = await client.capacity.import.mutate({
      asOf: '2026-10-01',
      source: 'Диспетчерская служба',
      content: `settlement;centre;voltage;freeMva;note\r\n${town};ПС 35/10 кВ Лесная;10;1,250;\r\n${town};ПС Заречная;11;две;\r\n`,
    });
    expect(bad).toEqual({
      status: 'invalid',
      problems: [
        { row: 3, column: 'voltage', message: '«11» — не уровень напряжения: уровень напряжения, кВ: 20, 10, 6 или 0,4' },
        { row: 3, column: 'freeMva', message: '«две» — не число МВА (не больше трёх знаков после запятой, не меньше нуля)' },
      ],
    });
    expect(await stack.db.sequelize.query('SELECT count(*)::int AS n FROM capacity_versions', { plain: true })).toEqual(versionsBefore);

    const first = await client.capacity.import.mutate({
      asOf: '2026-10-01',
      source: 'Диспетчерская служба',
      content: `settlement;centre;voltage;freeMva;note\r\n${town};ПС 35/10 кВ Лесная;10;1,250;\r\n${town};ТП-12;0,4;0.160;резерв\r\nИстра;ПС Истра;6;3;\r\n`,
    });
    expect(first).toMatchObject({ status: 'imported', rowCount: 3 });

    const visitor = apiClient();
    const found = await visitor.capacity.search.query({ settlement: town.slice(0, 12).toLowerCase() });
    expect(found.version).toMatchObject({ asOf: '2026-10-01', source: 'Диспетчерская служба', rowCount: 3 });
    expect(found.rows).toEqual([
      { settlement: town, centre: 'ПС 35/10 кВ Лесная', voltage: '10', freeMva: 1.25, note: '' },
      { settlement: town, centre: 'ТП-12', voltage: '0.4', freeMva: 0.16, note: 'резерв' },
    ]);

    await client.capacity.import.mutate({ asOf: '2027-01-01', source: 'Данные на 01.01.2027', content: `settlement;centre;voltage;freeMva\r\n${town};ПС 35/10 кВ Лесная;10;0,5\r\n` });
    const after = await visitor.capacity.search.query({ settlement: town });
    expect(after.version).toMatchObject({ asOf: '2027-01-01', rowCount: 1 });
    expect(after.rows).toEqual([{ settlement: town, centre: 'ПС 35/10 кВ Лесная', voltage: '10', freeMva: 0.5, note: '' }]);

    // The earlier version is still there, unchanged, and cannot be edited.
    const versions = await client.capacity.versions.query();
    expect(versions.slice(0, 2).map((v) => v.asOf)).toEqual(['2027-01-01', '2026-10-01']);
    await expect(stack.db.sequelize.query(`UPDATE capacity_rows SET free_mva = 9 WHERE version_id = '${first.status === 'imported' ? first.id : ''}'`)).rejects.toThrow(/immutable/);

    expect((await failure(visitor.capacity.import.mutate({ asOf: '2026-10-01', source: 'нет прав', content: '' }))).code).toBe('UNAUTHORIZED');
    expect((await failure(client.capacity.import.mutate({ asOf: '01.10.2026', source: 'x', content: '' }))).fieldErrors).toMatchObject({
      asOf: ['Дата, на которую указана мощность, — в формате ГГГГ-ММ-ДД'],
      source: ['Укажите источник данных (например, «Данные диспетчерской службы на 01.10.2026»)'],
    });
  });
});
