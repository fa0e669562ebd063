import type { Sequelize } from 'sequelize';
import { MailOutbox } from './mail-outbox';
import { Session } from './session';
import { User } from './user';

export { MailOutbox, Session, User };

export function initModels(sequelize: Sequelize) {
  return {
    User: User.initModel(sequelize),
    Session: Session.initModel(sequelize),
    MailOutbox: MailOutbox.initModel(sequelize),
  };
}
