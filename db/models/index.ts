import type { Sequelize } from 'sequelize';
import { Application } from './application';
import { ApplicationDraft } from './application-draft';
import { CaseEvent } from './case-event';
import { Document } from './document';
import { MailOutbox } from './mail-outbox';
import { Notification } from './notification';
import { Session } from './session';
import { User } from './user';

export { Application, ApplicationDraft, CaseEvent, Document, MailOutbox, Notification, Session, User };

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
  };
}
