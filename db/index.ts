// The read-model database: one Sequelize instance with every model registered,
// and one connection pool per process. Sequelize owns the pool; the hand-written
// prepared statements of the hot paths (db/statements.ts) borrow its connections
// (`db.pool`), so the API or the worker holds at most `poolMax` connections, not
// twice that, and a database restart is handled in one place.
import type pg from 'pg';
import { Sequelize } from 'sequelize';
import { initModels } from './models';

/** What db/statements.ts needs of a pool: a query on one of the pool's connections. */
export interface StatementPool {
  query<Row extends object>(config: pg.QueryConfig): Promise<pg.QueryResult<Row>>;
}

export type Db = ReturnType<typeof initModels> & { sequelize: Sequelize; pool: StatementPool; close(): Promise<void> };

export function connectDb(url: string, opts: { poolMax?: number } = {}): Db {
  const max = opts.poolMax ?? 10;
  // Connections open on first use, so processes that never use it hold none.
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    pool: { max, idle: 10_000 },
    define: { underscored: true },
  });
  return {
    ...initModels(sequelize),
    sequelize,
    pool: statementPool(sequelize),
    close: () => sequelize.close(),
  };
}

/**
 * Statements on Sequelize's own connections (pg clients): a named statement is prepared once
 * per connection and stays prepared while the pool keeps it. Rows are parsed by Sequelize's type
 * parsers, so they match what the models return (DECIMAL and DATEONLY as text, timestamps as Date).
 * A connection that broke is dropped by Sequelize's own error handler; releasing it is then a no-op.
 */
function statementPool(sequelize: Sequelize): StatementPool {
  const connections = sequelize.connectionManager;
  return {
    async query<Row extends object>(config: pg.QueryConfig) {
      const client = (await connections.getConnection({ type: 'write' })) as pg.ClientBase;
      try {
        return await client.query<Row>(config);
      } finally {
        connections.releaseConnection(client);
      }
    },
  };
}

export async function pingDb(db: Db): Promise<void> {
  await db.sequelize.query('SELECT 1');
}
