// Migration 0023 on a database that has companies already (issue 20, item 7):
// each legal entity's and ИП's existing account becomes its organisation's
// administrator, its cases become the organisation's, an individual stays
// alone, and the migration is undone cleanly. Runs on its own database of the
// test stack's PostgreSQL, migrated up to 0020 first.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Sequelize, QueryTypes } from 'sequelize';
import { migrator } from '../../db/migrate';
import { fakeInn10, fakeInn12, fakeKpp, fakeOgrn, fakeOgrnip, fakeSnils } from '../support/fake-identifiers';

const NAME = `kabinet_mig0023_${process.pid}_${Date.now().toString(36)}`;
let admin: Sequelize;
let sequelize: Sequelize;

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  admin = new Sequelize(url.toString(), { dialect: 'postgres', logging: false });
  await admin.query(`CREATE DATABASE ${NAME}`);
  url.pathname = `/${NAME}`;
  sequelize = new Sequelize(url.toString(), { dialect: 'postgres', logging: false, define: { underscored: true } });
});

afterAll(async () => {
  await sequelize?.close();
  await admin?.query(`DROP DATABASE IF EXISTS ${NAME}`);
  await admin?.close();
});

const rows = <T extends object>(sql: string, bind: unknown[] = []) => sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });

async function user(kind: 'individual' | 'legal' | 'entrepreneur', identifiers: Record<string, string | null>) {
  const id = randomUUID();
  await sequelize.query(
    `INSERT INTO users (id, email, role, kind, last_name, first_name, org_name, snils, inn, kpp, ogrn, ogrnip) VALUES ($1, $2, 'applicant', $3, 'Старожилова', 'Анна', $4, $5, $6, $7, $8, $9)`,
    { bind: [id, `${id}@example.ru`, kind, kind === 'legal' ? 'АО «Старая фирма»' : null, identifiers.snils ?? null, identifiers.inn ?? null, identifiers.kpp ?? null, identifiers.ogrn ?? null, identifiers.ogrnip ?? null] },
  );
  return id;
}

async function application(applicantId: string) {
  const id = randomUUID();
  await sequelize.query(
    `INSERT INTO applications (id, number, applicant_id, applicant_name, category, object_name, object_address, max_power_kw, stage, status, who_acts, stage_started_at, submitted_at, last_seq)
     VALUES ($1, $2, $3, 'Старожилова', 'upTo150', 'Цех', 'г. Тверь', 100, 'completenessCheck', 'active', 'grid', now(), now(), 1)`,
    { bind: [id, `ТП-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, applicantId] },
  );
  return id;
}

describe('migration 0023 (organisations)', () => {
  it('makes every existing company and ИП account its organisation’s administrator, with its cases; undoes cleanly', async () => {
    const umzug = migrator(sequelize);
    await umzug.up({ to: '0020_supplier_of_last_resort' });
    const legalInn = fakeInn10();
    const legalKpp = fakeKpp();
    const company = await user('legal', { inn: legalInn, kpp: legalKpp, ogrn: fakeOgrn() });
    const entrepreneur = await user('entrepreneur', { inn: fakeInn12(), ogrnip: fakeOgrnip() });
    const person = await user('individual', { snils: fakeSnils().replace(/\D/g, '') });
    const companyCase = await application(company);
    const personCase = await application(person);

    await umzug.up({ to: '0023_organisations' });
    const organisations = await rows<{ id: string; kind: string; name: string; inn: string; kpp: string | null }>('SELECT id, kind, name, inn, kpp FROM organisations ORDER BY kind');
    expect(organisations.map((o) => ({ kind: o.kind, name: o.name, kpp: o.kpp }))).toEqual([
      { kind: 'entrepreneur', name: 'ИП Старожилова Анна', kpp: null },
      { kind: 'legal', name: 'АО «Старая фирма»', kpp: legalKpp },
    ]);
    const users = await rows<{ id: string; organisation_id: string | null; organisation_role: string | null }>('SELECT id, organisation_id, organisation_role FROM users');
    const of = (id: string) => users.find((u) => u.id === id)!;
    const legalOrganisation = organisations.find((o) => o.kind === 'legal')!;
    expect(of(company)).toMatchObject({ organisation_id: legalOrganisation.id, organisation_role: 'admin' });
    expect(of(entrepreneur)).toMatchObject({ organisation_id: organisations.find((o) => o.kind === 'entrepreneur')!.id, organisation_role: 'admin' });
    expect(of(person)).toMatchObject({ organisation_id: null, organisation_role: null });
    const cases = await rows<{ id: string; organisation_id: string | null }>('SELECT id, organisation_id FROM applications');
    expect(cases.find((c) => c.id === companyCase)!.organisation_id).toBe(legalOrganisation.id);
    expect(cases.find((c) => c.id === personCase)!.organisation_id).toBeNull();
    // A new row of a company's user is the organisation's from its first projection (the trigger).
    expect((await rows<{ organisation_id: string }>('SELECT organisation_id FROM applications WHERE id = $1', [await application(company)]))[0]!.organisation_id).toBe(legalOrganisation.id);
    // The identifiers stay unique per organisation.
    await expect(sequelize.query(`INSERT INTO organisations (id, kind, name, inn, kpp) VALUES ($1, 'legal', 'Дубликат', $2, $3)`, { bind: [randomUUID(), legalInn, legalKpp] })).rejects.toMatchObject({ parent: { constraint: 'organisations_inn_kpp_key' } });

    await umzug.down({ to: '0023_organisations' });
    expect(await rows("SELECT 1 FROM information_schema.tables WHERE table_name = 'organisations'")).toEqual([]);
    expect(await rows("SELECT 1 FROM pg_indexes WHERE indexname = 'users_inn_kpp_key'")).toHaveLength(1);
  });
});
