// Ports and folders of the test stack: apart from `npm start`'s, so both can run at once.
import path from 'node:path';
import { readEnv, ROOT_DIR } from '../../infra/config';

export const TEST_TASK_QUEUE = 'kabinet-test';

export function testEnv() {
  return readEnv({
    ...process.env,
    NODE_ENV: 'test',
    PORT: process.env.TEST_PORT ?? '3100',
    PUBLIC_URL: `http://localhost:${process.env.TEST_PORT ?? '3100'}`,
    DATA_DIR: path.join(ROOT_DIR, '.data', 'test'),
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    EMBEDDED_PG_PORT: '5443',
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
    TEMPORAL_PORT: '7243',
    TEMPORAL_UI_PORT: '8243',
    TEMPORAL_TASK_QUEUE: TEST_TASK_QUEUE,
    SMTP_URL: undefined,
    MAILDEV_SMTP_PORT: '1035',
    MAILDEV_WEB_PORT: '1090',
    LOG_LEVEL: 'warn',
  });
}
