// The read-model database: one Sequelize instance with every model registered,
// and a plain pg pool for the hand-written statements on the hot paths (db/statements.ts).
import pg from 'pg';
import { Sequelize } from 'sequelize';
import { initModels } from './models';

export type Db = ReturnType<typeof initModels> & { sequelize: Sequelize; pool: pg.Pool; close(): Promise<void> };

export function connectDb(url: string, opts: { poolMax?: number } = {}): Db {
  const max = opts.poolMax ?? 10;
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    pool: { max, idle: 10_000 },
    define: { underscored: true },
  });
  // Connections open on first use, so processes that never use it hold none.
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000 });
  // An idle connection the server closes (restart, failover) must not crash the process;
  // the next query opens a new one or fails with its own error.
  pool.on('error', () => {});
  return {
    ...initModels(sequelize),
    sequelize,
    pool,
    close: async () => {
      await Promise.all([sequelize.close(), pool.end()]);
    },
  };
}

export async function pingDb(db: Db): Promise<void> {
  await db.sequelize.query('SELECT 1');
}
