// Hand-written SELECTs for the reads behind every page view (session, the
// applicant's list and case page, notifications). Sequelize building a query and
// an instance per row cost more CPU than PostgreSQL answering it (bench «read»);
// these return plain rows shaped like the model's attributes instead.
import { QueryTypes, type InferAttributes, type Model, type ModelStatic, type Sequelize } from 'sequelize';

const columnLists = new Map<string, string>();

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

/** Rows of a SELECT written with columnsOf(model): the attributes as PostgreSQL returns them (DECIMAL as text). */
export function selectRows<M extends Model, Extra = unknown>(sequelize: Sequelize, _model: ModelStatic<M>, sql: string, bind: unknown[]): Promise<Array<InferAttributes<M> & Extra>> {
  return sequelize.query<InferAttributes<M> & Extra>(sql, { bind, type: QueryTypes.SELECT });
}
