import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
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
