import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** The applicant's form: a resumable draft, then the submitted content of the application. */
export class ApplicationDraft extends Model<InferAttributes<ApplicationDraft>, InferCreationAttributes<ApplicationDraft>> {
  declare id: string;
  declare userId: string;
  declare form: Record<string, unknown>;
  declare number: CreationOptional<string | null>;
  declare submittedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ApplicationDraft.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, allowNull: false },
        form: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        number: { type: DataTypes.TEXT, allowNull: true },
        submittedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'application_drafts' },
    );
    return ApplicationDraft;
  }
}
