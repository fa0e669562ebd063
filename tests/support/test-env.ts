// Ports and folders of the test stack: apart from `npm start`'s, so both can
// run at once. TEST_PORT_OFFSET moves every port (two test runs side by side).
import path from 'node:path';
import { readEnv, ROOT_DIR } from '../../infra/config';
import { DEFAULT_THROTTLE_RULES, type ThrottleRules } from '../../auth/throttle';

export const TEST_TASK_QUEUE = 'kabinet-test';
export const TEST_BANK_SECRET = 'test-bank-shared-secret';

/** All test traffic comes from 127.0.0.1: per-IP limits are raised here and tested on their own. */
export const TEST_THROTTLE_RULES: ThrottleRules = {
  ...DEFAULT_THROTTLE_RULES,
  ip: { ...DEFAULT_THROTTLE_RULES.ip, limit: 10_000 },
  mailRequest: { ...DEFAULT_THROTTLE_RULES.mailRequest, limit: 10_000 },
  mailRequestIp: { ...DEFAULT_THROTTLE_RULES.mailRequestIp, limit: 10_000 },
};
/** A fixed payload key (32 bytes): test histories stay readable across runs and processes. */
export const TEST_PAYLOAD_KEYS = `test-1:${Buffer.alloc(32, 'kabinet-test-payload-key').toString('base64')}`;

export function testEnv() {
  const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
  const port = (base: number) => String(base + offset);
  return readEnv({
    ...process.env,
    NODE_ENV: 'test',
    PORT: port(3100),
    PUBLIC_URL: `http://localhost:${port(3100)}`,
    DATA_DIR: path.join(ROOT_DIR, '.data', `test${offset || ''}`),
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    EMBEDDED_PG_PORT: port(5443),
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
    TEMPORAL_PORT: port(7243),
    TEMPORAL_UI_PORT: port(8243),
    TEMPORAL_TASK_QUEUE: TEST_TASK_QUEUE,
    SMTP_URL: undefined,
    MAILDEV_SMTP_PORT: port(1035),
    MAILDEV_WEB_PORT: port(1090),
    LOG_LEVEL: 'warn',
    BANK_WEBHOOK_SECRET: TEST_BANK_SECRET,
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
  });
}
