// Structured logs; secrets and personal data are redacted wherever they appear.
import pino from 'pino';

export const REDACT_PATHS = ['password', '*.password', '*.newPassword', '*.currentPassword', 'token', '*.token', 'snils', '*.snils', 'req.headers.cookie', 'headers.cookie', '*.passwordHash', '*.tempPasswordHash'];

export function createLogger(level: string, name = 'kabinet') {
  return pino({ name, level, redact: { paths: REDACT_PATHS, censor: '[скрыто]' } });
}
