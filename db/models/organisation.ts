import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A legal entity or an ИП with several users (db/migrations/0023_organisations.ts). */
export class Organisation extends Model<InferAttributes<Organisation>, InferCreationAttributes<Organisation>> {
  declare id: string;
  declare kind: 'legal' | 'entrepreneur';
  declare name: string;
  declare inn: string;
  declare kpp: string | null;
  declare ogrn: string | null;
  declare ogrnip: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    const text = () => ({ type: DataTypes.TEXT, allowNull: true });
    Organisation.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        kind: { type: DataTypes.TEXT, allowNull: false },
        name: { type: DataTypes.TEXT, allowNull: false },
        inn: { type: DataTypes.TEXT, allowNull: false },
        kpp: text(),
        ogrn: text(),
        ogrnip: text(),
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'organisations', updatedAt: false },
    );
    return Organisation;
  }
}

/** An e-mailed invitation to join an organisation: only the SHA-256 of its single-use token is stored. */
export class OrganisationInvitation extends Model<InferAttributes<OrganisationInvitation>, InferCreationAttributes<OrganisationInvitation>> {
  declare id: string;
  declare organisationId: string;
  declare email: string;
  declare lastName: string;
  declare firstName: string;
  declare middleName: CreationOptional<string>;
  declare tokenHash: CreationOptional<string | null>;
  declare invitedBy: string;
  declare expiresAt: Date;
  declare acceptedAt: CreationOptional<Date | null>;
  declare acceptedUserId: CreationOptional<string | null>;
  declare revokedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    OrganisationInvitation.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        organisationId: { type: DataTypes.UUID, allowNull: false },
        email: { type: DataTypes.CITEXT, allowNull: false },
        lastName: { type: DataTypes.TEXT, allowNull: false },
        firstName: { type: DataTypes.TEXT, allowNull: false },
        middleName: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        tokenHash: { type: DataTypes.TEXT, allowNull: true },
        invitedBy: { type: DataTypes.UUID, allowNull: false },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        acceptedAt: { type: DataTypes.DATE, allowNull: true },
        acceptedUserId: { type: DataTypes.UUID, allowNull: true },
        revokedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'organisation_invitations', updatedAt: false },
    );
    return OrganisationInvitation;
  }
}
