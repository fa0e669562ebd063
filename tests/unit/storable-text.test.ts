import { describe, expect, it } from 'vitest';
import { unstorableTextPath } from '../../api/http/storable-text';

describe('text PostgreSQL cannot store', () => {
  it('finds a NUL or a lone surrogate half in any string or key, and names where', () => {
    expect(unstorableTextPath({ form: { objectName: 'Дом\u0000' } })).toBe('form.objectName');
    expect(unstorableTextPath({ attachments: [{ id: 'a' }, { id: 'b\ud800' }] })).toBe('attachments.1.id');
    expect(unstorableTextPath({ form: { ['ключ\udc00']: 1 } })).toBe('form.ключ\udc00');
    expect(unstorableTextPath('\udc00 в начале')).toBe('');
  });

  it('lets through everything else, emoji (whole surrogate pairs) and bidi marks included', () => {
    expect(unstorableTextPath({ text: 'сотрудник 👩‍🔧 \u202eтекст', n: 1, ok: true, none: null, list: ["'; DROP TABLE users; --", '100%_\\'] })).toBeNull();
    expect(unstorableTextPath(undefined)).toBeNull();
  });
});
