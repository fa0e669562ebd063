import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { Category, Stage, WhoActs } from '../../domain/application';
import type { PenaltyAssessment } from '../../domain/penalties';

/** Read model: one row per application, the summary screens and queues show. */
export class Application extends Model<InferAttributes<Application>, InferCreationAttributes<Application>> {
  declare id: string;
  declare number: string;
  declare applicantId: string;
  declare applicantName: string;
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
        lastSeq: required(DataTypes.INTEGER),
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'applications', createdAt: false },
    );
    return Application;
  }
}
