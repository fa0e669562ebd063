import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { AnswerChannel, AppealChannel, AppealKind, AppealStage, AppealTopic } from '../../domain/appeal';

/** Read model: one row per appeal, for the applicant's list, the staff inbox and the report. */
export class Appeal extends Model<InferAttributes<Appeal>, InferCreationAttributes<Appeal>> {
  declare id: string;
  declare number: string;
  declare applicantId: string;
  declare applicantName: string;
  /** The organisation the appeal was filed for (set at filing, db/migrations/0023); null for an individual's appeal. */
  declare organisationId: CreationOptional<string | null>;
  declare topic: AppealTopic;
  declare kind: AppealKind;
  declare channel: AppealChannel;
  declare answerChannel: AnswerChannel;
  declare applicationId: string | null;
  declare assigneeId: string | null;
  declare assigneeName: string | null;
  declare stage: AppealStage;
  declare status: 'open' | 'answered' | 'closed';
  declare whoActs: string;
  declare stageStartedAt: Date;
  declare deadlineAt: Date | null;
  declare deadlineTerm: string | null;
  declare overdue: CreationOptional<boolean>;
  declare overdueSince: Date | null;
  declare registeredAt: Date;
  declare answeredAt: Date | null;
  declare answeredLate: boolean | null;
  declare reopened: CreationOptional<boolean>;
  declare finishedAt: Date | null;
  declare lastSeq: number;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    const col = (type: DataTypes.DataType, allowNull = false) => ({ type, allowNull });
    Appeal.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        number: col(DataTypes.TEXT),
        applicantId: col(DataTypes.UUID),
        applicantName: col(DataTypes.TEXT),
        organisationId: col(DataTypes.UUID, true),
        topic: col(DataTypes.TEXT),
        kind: col(DataTypes.TEXT),
        channel: col(DataTypes.TEXT),
        answerChannel: col(DataTypes.TEXT),
        applicationId: col(DataTypes.UUID, true),
        assigneeId: col(DataTypes.UUID, true),
        assigneeName: col(DataTypes.TEXT, true),
        stage: col(DataTypes.TEXT),
        status: col(DataTypes.TEXT),
        whoActs: col(DataTypes.TEXT),
        stageStartedAt: col(DataTypes.DATE),
        deadlineAt: col(DataTypes.DATE, true),
        deadlineTerm: col(DataTypes.TEXT, true),
        overdue: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        overdueSince: col(DataTypes.DATE, true),
        registeredAt: col(DataTypes.DATE),
        answeredAt: col(DataTypes.DATE, true),
        answeredLate: col(DataTypes.BOOLEAN, true),
        reopened: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        finishedAt: col(DataTypes.DATE, true),
        lastSeq: col(DataTypes.INTEGER),
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'appeals', createdAt: false },
    );
    return Appeal;
  }
}

/** What the applicant wrote: the content of the appeal, stored at registration. */
export class AppealContent extends Model<InferAttributes<AppealContent>, InferCreationAttributes<AppealContent>> {
  declare id: string;
  declare userId: string;
  declare number: string;
  declare text: string;
  declare contractNumber: string;
  declare problemTime: string;
  declare registeredBy: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    AppealContent.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, allowNull: false },
        number: { type: DataTypes.TEXT, allowNull: false },
        text: { type: DataTypes.TEXT, allowNull: false },
        contractNumber: { type: DataTypes.TEXT, allowNull: false },
        problemTime: { type: DataTypes.TEXT, allowNull: false },
        registeredBy: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'appeal_contents', updatedAt: false },
    );
    return AppealContent;
  }
}
