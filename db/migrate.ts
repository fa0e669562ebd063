// Schema migrations, run at every start (idempotent: umzug records what ran).
import { Umzug, SequelizeStorage, type MigrationFn } from 'umzug';
import type { Sequelize } from 'sequelize';
import * as accounts from './migrations/0001_accounts';
import * as cases from './migrations/0002_cases';

export type Migration = MigrationFn<Sequelize>;

// Listed, not globbed: the order is reviewed code and bundlers see every file.
const MIGRATIONS = [
  { name: '0001_accounts', ...accounts },
  { name: '0002_cases', ...cases },
];

export function migrator(sequelize: Sequelize) {
  return new Umzug({
    migrations: MIGRATIONS,
    context: sequelize,
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

export async function migrate(sequelize: Sequelize): Promise<string[]> {
  const done = await migrator(sequelize).up();
  return done.map((m) => m.name);
}
