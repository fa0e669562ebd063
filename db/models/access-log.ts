import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { AccessAction } from '../../domain/audit';

/** One access to a case's personal data or files by staff, an admin or an auditor. */
export class AccessLog extends Model<InferAttributes<AccessLog>, InferCreationAttributes<AccessLog>> {
  declare id: CreationOptional<string>;
  declare at: CreationOptional<Date>;
  declare userId: string;
  declare role: string;
  declare action: AccessAction;
  declare caseId: string | null;
  declare caseNumber: string | null;
  declare detail: CreationOptional<string>;

  static initModel(sequelize: Sequelize) {
    AccessLog.init(
      {
        // bigserial: pg returns it as a string, which keeps ids past 2^53 exact.
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        userId: { type: DataTypes.UUID, allowNull: false },
        role: { type: DataTypes.TEXT, allowNull: false },
        action: { type: DataTypes.TEXT, allowNull: false },
        caseId: { type: DataTypes.UUID, allowNull: true },
        caseNumber: { type: DataTypes.TEXT, allowNull: true },
        detail: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      },
      { sequelize, tableName: 'access_log', timestamps: false },
    );
    return AccessLog;
  }
}
