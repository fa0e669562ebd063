import { inject, describe, expect, it } from 'vitest';
import pg from 'pg';
import { recordHit, lockedUntil } from '../../auth/throttle';
import { connectDb } from '../../db';

describe('the running stack', () => {
  it('reports every component healthy at /healthz', async () => {
    const response = await fetch(`${inject('appUrl')}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; components: Record<string, { ok: boolean }> };
    expect(body.ok).toBe(true);
    expect(Object.keys(body.components).sort()).toEqual(['postgres', 'smtp', 'temporal']);
  });

  it('serves the cabinet at / and deep links (SPA fallback)', async () => {
    for (const path of ['/', '/login', '/profile']) {
      const response = await fetch(`${inject('appUrl')}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Личный кабинет');
    }
  });

  it('has migrated the database', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    await client.end();
    expect(rows.map((r) => r.name)).toContain('0001_accounts');
  });

  it('locks a key after the limit of hits in the window (per-IP rule)', async () => {
    const db = connectDb(inject('databaseUrl'), { poolMax: 1 });
    const key = `login:ip:203.0.113.${Math.floor(Math.random() * 200)}`;
    const rule = { limit: 3, windowMs: 60_000, lockMs: 120_000 };
    expect(await recordHit(db.sequelize, key, rule)).toBeNull();
    expect(await recordHit(db.sequelize, key, rule)).toBeNull();
    const until = await recordHit(db.sequelize, key, rule);
    expect(until!.getTime()).toBeGreaterThan(Date.now() + 100_000);
    expect(await lockedUntil(db.sequelize, key)).not.toBeNull();
    await db.close();
  });
});
