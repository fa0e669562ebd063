// MailDev in a process of its own for the benchmarks, so its CPU (parsing every
// e-mail it catches; in production a real SMTP relay does this work) is counted
// apart from the API's.
import { startMailCatcher } from '../infra/mail';
import { MAIL_CATCHER_READY } from './types';

const mail = await startMailCatcher({ smtpPort: Number(process.env.MAILDEV_SMTP_PORT), webPort: Number(process.env.MAILDEV_WEB_PORT) });
process.once('SIGTERM', () => void mail.stop().then(() => process.exit(0)));
console.log(`${MAIL_CATCHER_READY} at ${mail.smtpUrl}`);
