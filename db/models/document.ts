import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A stored file: an applicant's attachment or a document the grid posted for a stage. */
export class Document extends Model<InferAttributes<Document>, InferCreationAttributes<Document>> {
  declare id: string;
  declare ownerId: string | null;
  declare caseId: string | null;
  declare stage: string | null;
  declare kind: string;
  declare title: string;
  declare filename: string;
  declare mime: string;
  declare size: number;
  declare sha256: string;
  declare storageKey: string;
  declare source: 'applicant' | 'staff' | 'system' | 'supplier';
  declare idempotencyKey: string | null;
  /** The bank requisites version an invoice printed (migration 0016); null for other documents. */
  declare paymentRequisitesId: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    const text = (allowNull = false) => ({ type: DataTypes.TEXT, allowNull });
    Document.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        ownerId: { type: DataTypes.UUID, allowNull: true },
        caseId: { type: DataTypes.UUID, allowNull: true },
        stage: text(true),
        kind: text(),
        title: text(),
        filename: text(),
        mime: text(),
        size: { type: DataTypes.INTEGER, allowNull: false },
        sha256: text(),
        storageKey: text(),
        source: text(),
        idempotencyKey: text(true),
        paymentRequisitesId: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'documents', updatedAt: false },
    );
    return Document;
  }
}
