import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { Category, Stage, WhoActs } from '../../domain/application';
import type { PenaltyAssessment } from '../../domain/penalties';
import type { ScheduleState } from '../../domain/payment-schedule';
import type { SupplierTrackState } from '../../domain/supply-contract';

/** Read model: one row per application, the summary screens and queues show. */
export class Application extends Model<InferAttributes<Application>, InferCreationAttributes<Application>> {
  declare id: string;
  declare number: string;
  declare applicantId: string;
  declare applicantName: string;
  /** The organisation the case was filed for (set at filing, db/migrations/0023); null for an individual's case. */
  declare organisationId: CreationOptional<string | null>;
  declare category: Category;
  declare objectName: string;
  declare objectAddress: string;
  declare maxPowerKw: number;
  declare stage: Stage;
  declare status: 'active' | 'completed' | 'annulled' | 'withdrawn';
  declare whoActs: WhoActs;
  declare stageStartedAt: Date;
  declare deadlineAt: Date | null;
  declare deadlineTerm: string | null;
  declare overdue: CreationOptional<boolean>;
  declare overdueSince: Date | null;
  declare submittedAt: Date;
  declare contractConcludedAt: Date | null;
  declare finishedAt: Date | null;
  declare annulReason: string | null;
  /** The connection term's end (п.16 «б»), the party late against it and the latest penalty assessment (п.16 «в»). */
  declare connectionDeadlineAt: CreationOptional<Date | null>;
  declare lateParty: CreationOptional<'grid' | 'applicant' | 'both' | null>;
  declare penalty: CreationOptional<PenaltyAssessment | null>;
  /** The grid's and the applicant's parts of the ТУ, recorded apart (null before the contract, and in older cases). */
  declare gridTuDoneAt: CreationOptional<Date | null>;
  declare applicantTuDoneAt: CreationOptional<Date | null>;
  /** The payment schedule when the applicant pays in parts, and whether a part is overdue (the applicant's debt). */
  declare paymentSchedule: CreationOptional<ScheduleState | null>;
  declare instalmentOverdue: CreationOptional<boolean>;
  /** The supplier of last resort the case was handed over to, and its track (null before patch 'supplier-track'). */
  declare supplierId: CreationOptional<string | null>;
  declare supplierTrack: CreationOptional<SupplierTrackState | null>;
  /** The staff member holding the case in its stage, and since when (db/migrations/0021; null: nobody, or before patch 'case-holder'). */
  declare holderId: CreationOptional<string | null>;
  declare holderName: CreationOptional<string | null>;
  declare heldSince: CreationOptional<Date | null>;
  declare lastSeq: number;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    const nullable = (type: DataTypes.DataType) => ({ type, allowNull: true });
    const required = (type: DataTypes.DataType) => ({ type, allowNull: false });
    Application.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        number: required(DataTypes.TEXT),
        applicantId: required(DataTypes.UUID),
        applicantName: required(DataTypes.TEXT),
        organisationId: nullable(DataTypes.UUID),
        category: required(DataTypes.TEXT),
        objectName: required(DataTypes.TEXT),
        objectAddress: required(DataTypes.TEXT),
        maxPowerKw: { type: DataTypes.DECIMAL, allowNull: false, get() { return Number(this.getDataValue('maxPowerKw')); } },
        stage: required(DataTypes.TEXT),
        status: required(DataTypes.TEXT),
        whoActs: required(DataTypes.TEXT),
        stageStartedAt: required(DataTypes.DATE),
        deadlineAt: nullable(DataTypes.DATE),
        deadlineTerm: nullable(DataTypes.TEXT),
        overdue: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        overdueSince: nullable(DataTypes.DATE),
        submittedAt: required(DataTypes.DATE),
        contractConcludedAt: nullable(DataTypes.DATE),
        finishedAt: nullable(DataTypes.DATE),
        annulReason: nullable(DataTypes.TEXT),
        connectionDeadlineAt: nullable(DataTypes.DATE),
        lateParty: nullable(DataTypes.TEXT),
        penalty: nullable(DataTypes.JSONB),
        gridTuDoneAt: nullable(DataTypes.DATE),
        applicantTuDoneAt: nullable(DataTypes.DATE),
        paymentSchedule: nullable(DataTypes.JSONB),
        instalmentOverdue: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        supplierId: nullable(DataTypes.TEXT),
        supplierTrack: nullable(DataTypes.JSONB),
        holderId: nullable(DataTypes.UUID),
        holderName: nullable(DataTypes.TEXT),
        heldSince: nullable(DataTypes.DATE),
        lastSeq: required(DataTypes.INTEGER),
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'applications', createdAt: false },
    );
    return Application;
  }
}
