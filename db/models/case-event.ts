import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** Read model: the stage history of a case, one row per workflow event sequence number. */
export class CaseEvent extends Model<InferAttributes<CaseEvent>, InferCreationAttributes<CaseEvent>> {
  declare caseId: string;
  declare seq: number;
  declare caseKind: 'application' | 'appeal';
  declare type: string;
  declare stage: string;
  declare title: string;
  declare actorId: string | null;
  declare actorName: string | null;
  declare actorRole: string | null;
  declare comment: CreationOptional<string>;
  declare data: CreationOptional<Record<string, unknown>>;
  declare deadlineAt: Date | null;
  declare at: Date;

  static initModel(sequelize: Sequelize) {
    CaseEvent.init(
      {
        caseId: { type: DataTypes.UUID, primaryKey: true },
        seq: { type: DataTypes.INTEGER, primaryKey: true },
        caseKind: { type: DataTypes.TEXT, allowNull: false },
        type: { type: DataTypes.TEXT, allowNull: false },
        stage: { type: DataTypes.TEXT, allowNull: false },
        title: { type: DataTypes.TEXT, allowNull: false },
        actorId: { type: DataTypes.UUID, allowNull: true },
        actorName: { type: DataTypes.TEXT, allowNull: true },
        actorRole: { type: DataTypes.TEXT, allowNull: true },
        comment: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        data: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        deadlineAt: { type: DataTypes.DATE, allowNull: true },
        at: { type: DataTypes.DATE, allowNull: false },
      },
      { sequelize, tableName: 'case_events', timestamps: false },
    );
    return CaseEvent;
  }
}
