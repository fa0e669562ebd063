import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * A tariff set: one regional decision on connection rates for a period.
 * Immutable once stored (a database trigger refuses changes); a new set supersedes it by `validFrom`.
 * Money columns are numeric: read them as text and convert with parseRubToKop, never through floats.
 */
export class TariffSet extends Model<InferAttributes<TariffSet>, InferCreationAttributes<TariffSet>> {
  declare id: string;
  declare region: string;
  declare title: string;
  declare validFrom: string;
  declare validTo: string | null;
  declare decision: string;
  declare sample: boolean;
  declare source: string;
  declare vatRatePercent: string;
  declare preferentialRatePerKw: string | null;
  declare preferentialRateVatIncluded: boolean;
  declare importedBy: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    TariffSet.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        region: { type: DataTypes.TEXT, allowNull: false },
        title: { type: DataTypes.TEXT, allowNull: false },
        validFrom: { type: DataTypes.DATEONLY, allowNull: false },
        validTo: { type: DataTypes.DATEONLY, allowNull: true },
        decision: { type: DataTypes.TEXT, allowNull: false },
        sample: { type: DataTypes.BOOLEAN, allowNull: false },
        source: { type: DataTypes.TEXT, allowNull: false },
        vatRatePercent: { type: DataTypes.DECIMAL(5, 2), allowNull: false },
        preferentialRatePerKw: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        preferentialRateVatIncluded: { type: DataTypes.BOOLEAN, allowNull: false },
        importedBy: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'tariff_sets', updatedAt: false },
    );
    return TariffSet;
  }
}
