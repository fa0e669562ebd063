import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { StreetHouses } from '../../domain/outages';

/** One planned outage of the schedule. */
export class Outage extends Model<InferAttributes<Outage>, InferCreationAttributes<Outage>> {
  declare id: string;
  declare district: string;
  declare settlement: string;
  declare streets: StreetHouses[];
  declare startsAt: Date;
  declare endsAt: Date;
  declare reason: string;
  declare gridObject: string;
  declare status: CreationOptional<'planned' | 'cancelled'>;
  declare cancelReason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare createdBy: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    const text = { type: DataTypes.TEXT, allowNull: false };
    Outage.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        district: { ...text },
        settlement: { ...text },
        streets: { type: DataTypes.JSONB, allowNull: false },
        startsAt: { type: DataTypes.DATE, allowNull: false },
        endsAt: { type: DataTypes.DATE, allowNull: false },
        reason: { ...text },
        gridObject: { ...text },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'planned' },
        cancelReason: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
        createdBy: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'outages' },
    );
    return Outage;
  }
}

/** An address a user wants to be warned about. */
export class OutageSubscription extends Model<InferAttributes<OutageSubscription>, InferCreationAttributes<OutageSubscription>> {
  declare id: string;
  declare userId: string;
  declare settlement: string;
  declare street: string;
  declare house: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    OutageSubscription.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, allowNull: false },
        settlement: { type: DataTypes.TEXT, allowNull: false },
        street: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        house: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'outage_subscriptions', updatedAt: false },
    );
    return OutageSubscription;
  }
}
