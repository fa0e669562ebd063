import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { CalendarDay } from '../../domain/calendar';

/**
 * One loaded version of a production-calendar year (db/migrations/0012_production_calendars.ts).
 * Immutable once stored (a database trigger refuses changes); the newest version of a year is in force.
 */
export class ProductionCalendarVersion extends Model<InferAttributes<ProductionCalendarVersion>, InferCreationAttributes<ProductionCalendarVersion>> {
  declare id: string;
  declare year: number;
  declare decreeNumber: string | null;
  declare decreeDate: string | null;
  declare source: string;
  declare provisional: boolean;
  declare note: string;
  declare daysOff: CalendarDay[];
  declare workingDays: CalendarDay[];
  declare importedBy: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ProductionCalendarVersion.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        year: { type: DataTypes.INTEGER, allowNull: false },
        decreeNumber: { type: DataTypes.TEXT, allowNull: true },
        decreeDate: { type: DataTypes.DATEONLY, allowNull: true },
        source: { type: DataTypes.TEXT, allowNull: false },
        provisional: { type: DataTypes.BOOLEAN, allowNull: false },
        note: { type: DataTypes.TEXT, allowNull: false },
        daysOff: { type: DataTypes.JSONB, allowNull: false },
        workingDays: { type: DataTypes.JSONB, allowNull: false },
        importedBy: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'production_calendars', updatedAt: false },
    );
    return ProductionCalendarVersion;
  }
}
