import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One row per e-mail the system means to send: the key makes sending idempotent. */
export class MailOutbox extends Model<InferAttributes<MailOutbox>, InferCreationAttributes<MailOutbox>> {
  declare idempotencyKey: string;
  declare recipient: string;
  declare subject: string;
  declare status: 'sending' | 'sent';
  declare attempts: CreationOptional<number>;
  declare messageId: string;
  declare createdAt: CreationOptional<Date>;
  declare sentAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize) {
    MailOutbox.init(
      {
        idempotencyKey: { type: DataTypes.TEXT, primaryKey: true },
        recipient: { type: DataTypes.TEXT, allowNull: false },
        subject: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        messageId: { type: DataTypes.TEXT, allowNull: false },
        createdAt: DataTypes.DATE,
        sentAt: { type: DataTypes.DATE, allowNull: true },
      },
      { sequelize, tableName: 'mail_outbox', updatedAt: false },
    );
    return MailOutbox;
  }
}
