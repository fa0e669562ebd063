import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { ApplicantKind, Role } from '../../domain/account';

/** A user's attributes as read, without the model around them: what a session carries. */
export type UserRecord = InferAttributes<User>;

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: string;
  declare email: string;
  declare role: Role;
  declare kind: ApplicantKind | null;
  declare lastName: string;
  declare firstName: string;
  declare middleName: CreationOptional<string>;
  declare orgName: string | null;
  declare snils: string | null;
  declare inn: string | null;
  declare kpp: string | null;
  declare ogrn: string | null;
  declare ogrnip: string | null;
  declare phone: CreationOptional<string>;
  declare postalAddress: CreationOptional<string>;
  declare passwordHash: string | null;
  declare mustChangePassword: CreationOptional<boolean>;
  declare tempPasswordHash: CreationOptional<string | null>;
  declare tempPasswordExpiresAt: CreationOptional<Date | null>;
  declare passwordChangedAt: CreationOptional<Date | null>;
  declare consentAt: Date | null;
  declare consentVersion: string | null;
  declare consentOnPaper: CreationOptional<boolean>;
  declare registeredBy: string | null;
  /** The supplier of last resort a 'supplier' user works for (domain/application.ts SUPPLIERS); null for every other role. */
  declare supplierId: CreationOptional<string | null>;
  /** The organisation (legal entity or ИП) the applicant works for, and their role in it; null for individuals and grid staff. */
  declare organisationId: CreationOptional<string | null>;
  declare organisationRole: CreationOptional<'admin' | 'member' | null>;
  declare blockedAt: CreationOptional<Date | null>;
  declare blockedBy: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    // A fresh object per attribute: Sequelize writes the column name into it.
    const text = () => ({ type: DataTypes.TEXT, allowNull: true });
    User.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        email: { type: DataTypes.CITEXT, allowNull: false },
        role: { type: DataTypes.TEXT, allowNull: false },
        kind: text(),
        lastName: { type: DataTypes.TEXT, allowNull: false },
        firstName: { type: DataTypes.TEXT, allowNull: false },
        middleName: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        orgName: text(),
        snils: text(),
        inn: text(),
        kpp: text(),
        ogrn: text(),
        ogrnip: text(),
        phone: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        postalAddress: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        passwordHash: text(),
        mustChangePassword: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        tempPasswordHash: text(),
        tempPasswordExpiresAt: { type: DataTypes.DATE, allowNull: true },
        passwordChangedAt: { type: DataTypes.DATE, allowNull: true },
        consentAt: { type: DataTypes.DATE, allowNull: true },
        consentVersion: text(),
        consentOnPaper: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        registeredBy: { type: DataTypes.UUID, allowNull: true },
        supplierId: { type: DataTypes.TEXT, allowNull: true },
        organisationId: { type: DataTypes.UUID, allowNull: true },
        organisationRole: text(),
        blockedAt: { type: DataTypes.DATE, allowNull: true },
        blockedBy: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'users' },
    );
    return User;
  }
}
