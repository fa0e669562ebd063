import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { REDACT_PATHS } from '../../infra/logger';

describe('logs', () => {
  it('never contain passwords, session tokens or a full СНИЛС', () => {
    const lines: string[] = [];
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[скрыто]' } }, { write: (line: string) => lines.push(line) });
    log.info({ input: { password: 'Секрет-123', newPassword: 'Новый-456', snils: '11223344595' }, token: 'abc123token' }, 'login');
    const text = lines.join('');
    for (const secret of ['Секрет-123', 'Новый-456', '11223344595', 'abc123token']) expect(text).not.toContain(secret);
    expect(text).toContain('[скрыто]');
  });
});
