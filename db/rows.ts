// Hand-written SELECTs for the reads behind every page view (session, the
// applicant's list and case page, notifications). Sequelize building a query and
// an instance per row cost more CPU than PostgreSQL answering it (bench «read»);
// these go straight to pg and return plain rows shaped like the model's attributes.
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
 * Rows of a SELECT written with columnsOf(model), as pg parses them: timestamps as Date,
 * DECIMAL as text (what Sequelize returns too; none of these tables has a DATEONLY column,
 * which pg would turn into a Date where Sequelize keeps the text).
 * A named (prepared) statement: PostgreSQL parses and plans it once per connection, not per
 * page view. The SQL must therefore be one of a few fixed texts, with every value bound.
 */
export async function selectRows<M extends Model, Extra = unknown>(db: Pick<Db, 'reads'>, _model: ModelStatic<M>, sql: string, bind: unknown[]): Promise<Array<InferAttributes<M> & Extra>> {
  return (await db.reads.query<InferAttributes<M> & Extra>({ name: statementName(sql), text: sql, values: bind })).rows;
}
