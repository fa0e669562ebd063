// The read-model database: one Sequelize instance with every model registered.
import { Sequelize } from 'sequelize';
import { initModels } from './models';

export type Db = ReturnType<typeof initModels> & { sequelize: Sequelize; close(): Promise<void> };

export function connectDb(url: string, opts: { poolMax?: number } = {}): Db {
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    pool: { max: opts.poolMax ?? 10, idle: 10_000 },
    define: { underscored: true },
  });
  return { ...initModels(sequelize), sequelize, close: () => sequelize.close() };
}

export async function pingDb(db: Db): Promise<void> {
  await db.sequelize.query('SELECT 1');
}
