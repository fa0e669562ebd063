import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { RateCategory, RateDetails, RateTerritory, RateVoltage, TariffItem } from '../../domain/tariffs';

/** One standardized rate of a tariff set; `line` is its row in the uploaded file, for reports. */
export class TariffRate extends Model<InferAttributes<TariffRate>, InferCreationAttributes<TariffRate>> {
  declare setId: string;
  declare category: RateCategory;
  declare territory: RateTerritory;
  declare voltageClass: RateVoltage;
  declare item: TariffItem;
  /** Detail key columns (migration 0017); '*' for a rate without that detail. */
  declare lineType: RateDetails['lineType'];
  declare layingMethod: RateDetails['layingMethod'];
  declare crossSection: RateDetails['crossSection'];
  declare substationType: RateDetails['substationType'];
  declare capacity: RateDetails['capacity'];
  /** Roubles as numeric text ('2155.09'). */
  declare rate: string;
  declare unit: string;
  declare vatIncluded: boolean;
  declare note: string;
  declare line: number;

  static initModel(sequelize: Sequelize) {
    TariffRate.init(
      {
        setId: { type: DataTypes.UUID, primaryKey: true },
        item: { type: DataTypes.TEXT, primaryKey: true },
        category: { type: DataTypes.TEXT, primaryKey: true },
        territory: { type: DataTypes.TEXT, primaryKey: true },
        voltageClass: { type: DataTypes.TEXT, primaryKey: true },
        lineType: { type: DataTypes.TEXT, primaryKey: true, defaultValue: '*' },
        layingMethod: { type: DataTypes.TEXT, primaryKey: true, defaultValue: '*' },
        crossSection: { type: DataTypes.TEXT, primaryKey: true, defaultValue: '*' },
        substationType: { type: DataTypes.TEXT, primaryKey: true, defaultValue: '*' },
        capacity: { type: DataTypes.TEXT, primaryKey: true, defaultValue: '*' },
        rate: { type: DataTypes.DECIMAL(16, 2), allowNull: false },
        unit: { type: DataTypes.TEXT, allowNull: false },
        vatIncluded: { type: DataTypes.BOOLEAN, allowNull: false },
        note: { type: DataTypes.TEXT, allowNull: false },
        line: { type: DataTypes.INTEGER, allowNull: false },
      },
      { sequelize, tableName: 'tariff_rates', timestamps: false },
    );
    return TariffRate;
  }
}
