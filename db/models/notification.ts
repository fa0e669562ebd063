import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** «Уведомления»: one entry per event for a user, or for the staff as a whole. */
export class Notification extends Model<InferAttributes<Notification>, InferCreationAttributes<Notification>> {
  declare id: string;
  declare userId: string | null;
  declare audience: 'user' | 'staff';
  declare caseId: string | null;
  declare caseNumber: string | null;
  declare kind: string;
  declare title: string;
  declare body: string;
  declare idempotencyKey: string;
  declare createdAt: CreationOptional<Date>;
  declare readAt: CreationOptional<Date | null>;
  /** The cabinet page of the event, e.g. /appeals/<id>. */
  declare link: CreationOptional<string | null>;

  static initModel(sequelize: Sequelize) {
    Notification.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, allowNull: true },
        audience: { type: DataTypes.TEXT, allowNull: false },
        caseId: { type: DataTypes.UUID, allowNull: true },
        caseNumber: { type: DataTypes.TEXT, allowNull: true },
        kind: { type: DataTypes.TEXT, allowNull: false },
        title: { type: DataTypes.TEXT, allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: false },
        idempotencyKey: { type: DataTypes.TEXT, allowNull: false },
        createdAt: DataTypes.DATE,
        readAt: { type: DataTypes.DATE, allowNull: true },
        link: { type: DataTypes.TEXT, allowNull: true },
      },
      { sequelize, tableName: 'notifications', updatedAt: false },
    );
    return Notification;
  }
}
