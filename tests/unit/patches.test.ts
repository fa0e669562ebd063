// The patch-retirement question on recorded histories of each generation: a
// history from before the patches needs every old branch; one recorded with
// all of them needs none, so each old branch may go once no such case is open.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { patchMarkers, patchUsage } from '../../api/audit/patches';
import { CASE_PATCHES } from '../../workflows/case/patches';
import { HISTORY_FIXTURES } from '../support/histories';

const history = (name: string) => historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORY_FIXTURES, name), 'utf8')));

describe('which patch branches the open cases need', () => {
  it('reads the patch markers a history recorded, generation by generation', () => {
    expect([...patchMarkers(history('application-happy-path.json'))]).toEqual([]);
    expect([...patchMarkers(history('application-happy-path-local-projection.json'))]).toEqual(['projection-as-local-activity']);
    expect([...patchMarkers(history('application-happy-path-notifications-beside.json'))].sort()).toEqual(Object.keys(CASE_PATCHES).sort());
  });

  it('an open case of an old generation keeps the old branches; with only new cases open they may go', () => {
    const mixed = patchUsage([
      { workflowId: 'application-old', history: history('application-happy-path.json') },
      { workflowId: 'application-new', history: history('application-happy-path-notifications-beside.json') },
    ]);
    for (const u of mixed) expect(u).toMatchObject({ withMarker: 1, withoutMarker: ['application-old'], verdict: expect.stringContaining('старая ветка нужна') });

    const onlyNew = patchUsage([{ workflowId: 'appeal-new', history: history('appeal-answered-in-time-notifications-beside.json') }]);
    for (const u of onlyNew) expect(u).toMatchObject({ withMarker: 1, withoutMarker: [], verdict: expect.stringContaining('deprecatePatch') });

    expect(patchUsage([]).every((u) => u.verdict.includes('можно удалить'))).toBe(true);
  });
});
