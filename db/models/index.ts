import type { Sequelize } from 'sequelize';
import { AccessLog } from './access-log';
import { Appeal, AppealContent } from './appeal';
import { Outage, OutageSubscription } from './outage';
import { ProductionCalendarVersion } from './production-calendar';
import { Application } from './application';
import { ApplicationDraft } from './application-draft';
import { CaseEvent } from './case-event';
import { Document } from './document';
import { MailOutbox } from './mail-outbox';
import { Notification } from './notification';
import { Organisation, OrganisationInvitation } from './organisation';
import { Rating } from './rating';
import { Session } from './session';
import { TariffRate } from './tariff-rate';
import { TariffSet } from './tariff-set';
import { User } from './user';

export { Application, ApplicationDraft, CaseEvent, Document, MailOutbox, Notification, Session, User };
export type { UserRecord } from './user';
export { TariffRate, TariffSet };
export { Appeal, AppealContent };
export { Rating };
export { Outage, OutageSubscription };
export { ProductionCalendarVersion };
export { Organisation, OrganisationInvitation };

export function initModels(sequelize: Sequelize) {
  return {
    User: User.initModel(sequelize),
    Session: Session.initModel(sequelize),
    MailOutbox: MailOutbox.initModel(sequelize),
    ApplicationDraft: ApplicationDraft.initModel(sequelize),
    Application: Application.initModel(sequelize),
    CaseEvent: CaseEvent.initModel(sequelize),
    Document: Document.initModel(sequelize),
    Notification: Notification.initModel(sequelize),
    AccessLog: AccessLog.initModel(sequelize),
    Appeal: Appeal.initModel(sequelize),
    AppealContent: AppealContent.initModel(sequelize),
    Rating: Rating.initModel(sequelize),
    Outage: Outage.initModel(sequelize),
    OutageSubscription: OutageSubscription.initModel(sequelize),
    TariffSet: TariffSet.initModel(sequelize),
    TariffRate: TariffRate.initModel(sequelize),
    ProductionCalendarVersion: ProductionCalendarVersion.initModel(sequelize),
    Organisation: Organisation.initModel(sequelize),
    OrganisationInvitation: OrganisationInvitation.initModel(sequelize),
  };
}
