// The patch-retirement question on recorded histories of each generation: a
// history from before a patch needs its old branch; once every open case
// carries a patch's marker, its old branch may go.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { patchMarkers, patchUsage } from '../../api/audit/patches';
import { HISTORY_FIXTURES } from '../support/histories';

const history = (name: string) => historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORY_FIXTURES, name), 'utf8')));
const FIRST_THREE = ['projection-as-local-activity', 'deadline-in-projection', 'notifications-beside-the-procedure'];

describe('which patch branches the open cases need', () => {
  it('reads the patch markers a history recorded, generation by generation', () => {
    expect([...patchMarkers(history('application-happy-path.json'))]).toEqual([]);
    expect([...patchMarkers(history('application-happy-path-local-projection.json'))]).toEqual(['projection-as-local-activity']);
    expect([...patchMarkers(history('application-happy-path-notifications-beside.json'))].sort()).toEqual([...FIRST_THREE].sort());
    expect([...patchMarkers(history('application-happy-path-obligations-by-party.json'))].sort()).toEqual(
      [...FIRST_THREE, 'document-term-from-complete-application', 'obligations-by-party'].sort(),
    );
  });

  it('an open case of an old generation keeps the old branches; with only new cases open they may go', () => {
    const byPatch = (usage: ReturnType<typeof patchUsage>) => Object.fromEntries(usage.map((u) => [u.patch, u]));
    const mixed = byPatch(
      patchUsage([
        { workflowId: 'application-old', history: history('application-happy-path.json') },
        { workflowId: 'application-new', history: history('application-happy-path-obligations-by-party.json') },
      ]),
    );
    for (const patch of [...FIRST_THREE, 'obligations-by-party']) expect(mixed[patch]).toMatchObject({ withMarker: 1, withoutMarker: ['application-old'], verdict: expect.stringContaining('старая ветка нужна') });

    const onlyNew = byPatch(patchUsage([{ workflowId: 'application-new', history: history('application-happy-path-obligations-by-party.json') }]));
    expect(onlyNew['obligations-by-party']).toMatchObject({ withMarker: 1, withoutMarker: [], verdict: expect.stringContaining('deprecatePatch') });
    // A patch the case has not met yet counts as needed: a false «keep» is harmless, a false «remove» is a stuck case.
    expect(onlyNew['calendar-recalculation']).toMatchObject({ withMarker: 0, withoutMarker: ['application-new'] });

    expect(patchUsage([]).every((u) => u.verdict.includes('можно удалить'))).toBe(true);
  });
});
