import { DataTypes, Model, QueryTypes, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize, type Transaction } from 'sequelize';
import type { RatingCaseKind } from '../../domain/rating';

/** «Оценить качество»: the applicant's scores for one completed stage of a case (or a closed appeal as a whole). */
export class Rating extends Model<InferAttributes<Rating>, InferCreationAttributes<Rating>> {
  declare id: string;
  declare caseId: string;
  declare caseKind: RatingCaseKind;
  declare caseNumber: string;
  declare stage: string;
  declare userId: string;
  declare clarity: number;
  declare timeliness: number;
  declare competence: number;
  declare overall: number;
  declare comment: CreationOptional<string>;
  /** The appeal's topic; null for applications. */
  declare topic: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /**
   * Creates the rating of a case's stage unless one exists (ON CONFLICT DO NOTHING, which Sequelize's
   * create cannot say): the id of the new row, or null when the stage was already rated.
   */
  static async insertOnce(row: Omit<InferCreationAttributes<Rating>, 'createdAt' | 'updatedAt'> & { comment: string }, transaction: Transaction): Promise<string | null> {
    const [inserted] = await Rating.sequelize!.query<{ id: string }>(
      `INSERT INTO ratings (id, case_id, case_kind, case_number, stage, user_id, clarity, timeliness, competence, overall, comment, topic)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (case_id, stage) DO NOTHING
       RETURNING id`,
      {
        bind: [row.id, row.caseId, row.caseKind, row.caseNumber, row.stage, row.userId, row.clarity, row.timeliness, row.competence, row.overall, row.comment, row.topic],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return inserted?.id ?? null;
  }

  static initModel(sequelize: Sequelize) {
    // A fresh object per attribute: Sequelize writes the column name into it.
    const score = () => ({ type: DataTypes.SMALLINT, allowNull: false });
    Rating.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        caseId: { type: DataTypes.UUID, allowNull: false },
        caseKind: { type: DataTypes.TEXT, allowNull: false },
        caseNumber: { type: DataTypes.TEXT, allowNull: false },
        stage: { type: DataTypes.TEXT, allowNull: false },
        userId: { type: DataTypes.UUID, allowNull: false },
        clarity: score(),
        timeliness: score(),
        competence: score(),
        overall: score(),
        comment: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        topic: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'ratings' },
    );
    return Rating;
  }
}
