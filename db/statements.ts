// Hand-written statements on the hot paths: the reads behind every page view
// (session, the applicant's list and case page, notifications) and the writes
// every case step makes (projection, notification, mail outbox). Sequelize building
// a query and an instance per row cost more CPU than PostgreSQL answering it, and
// planning each statement again cost PostgreSQL more than running it (bench «read»,
// «lifecycle»): these go straight to pg as named prepared statements, on the
// connections of the one pool Sequelize owns (db/index.ts).
import { createHash } from 'node:crypto';
import type { InferAttributes, Model, ModelStatic } from 'sequelize';
import type { Db } from '.';

const columnLists = new Map<string, string>();
const statementNames = new Map<string, string>();

/** `"t"."applicant_id" AS "applicantId", …`: every column of the model under its attribute name. */
export function columnsOf(model: ModelStatic<Model>, table = model.getTableName().toString()): string {
  const key = `${model.name}/${table}`;
  let list = columnLists.get(key);
  if (!list) {
    list = Object.entries(model.getAttributes())
      .map(([attribute, { field }]) => `"${table}"."${field ?? attribute}" AS "${attribute}"`)
      .join(', ');
    columnLists.set(key, list);
  }
  return list;
}

/** The same text always gets the same name, so each connection prepares it once. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `rows_${createHash('sha256').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * A named (prepared) statement's rows: PostgreSQL parses and plans it once per connection,
 * not per call. The SQL must therefore be one of a few fixed texts, with every value bound.
 * Rows as Sequelize's type parsers read them: timestamps as Date, DECIMAL and DATEONLY as text,
 * exactly what the models return.
 */
export async function queryRows<Row>(db: Pick<Db, 'pool'>, sql: string, bind: unknown[]): Promise<Row[]> {
  return (await db.pool.query<Row & object>({ name: statementName(sql), text: sql, values: bind })).rows;
}

/** Rows of a SELECT written with columnsOf(model), typed as the model's attributes. */
export function selectRows<M extends Model, Extra = unknown>(db: Pick<Db, 'pool'>, _model: ModelStatic<M>, sql: string, bind: unknown[]): Promise<Array<InferAttributes<M> & Extra>> {
  return queryRows<InferAttributes<M> & Extra>(db, sql, bind);
}
