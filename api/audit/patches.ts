// Which `patched()` branches the open cases still need: read from their
// histories' patch markers. A case whose history has no marker of a patch took
// the old branch at that point (or has not reached it yet: counted as needing
// it, to be safe). docs/decisions/0009-patch-retirement.md says what follows.
import type { temporal } from '@temporalio/proto';
import { CASE_PATCHES, type CasePatch } from '../../workflows/case/patches';
import { decodePayloads, record, text } from './timeline-decoding';

export interface PatchUsage {
  patch: CasePatch;
  meaning: string;
  /** Open cases that recorded the patch: they run the new branch (and need the call until they close, if it is deprecated). */
  withMarker: number;
  /** Open cases without the marker: they may need the old branch. */
  withoutMarker: string[];
  verdict: string;
}

/** The patch ids a history recorded. */
export function patchMarkers(history: temporal.api.history.v1.IHistory): Set<string> {
  const ids = new Set<string>();
  for (const event of history.events ?? []) {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') continue;
    const id = text(record(decodePayloads(marker.details?.['patch-data'])[0]).id);
    if (id) ids.add(id);
  }
  return ids;
}

export function patchUsage(openCases: Array<{ workflowId: string; history: temporal.api.history.v1.IHistory }>): PatchUsage[] {
  const markers = openCases.map((c) => ({ workflowId: c.workflowId, ids: patchMarkers(c.history) }));
  return (Object.keys(CASE_PATCHES) as CasePatch[]).map((patch) => {
    const withMarker = markers.filter((m) => m.ids.has(patch)).length;
    const withoutMarker = markers.filter((m) => !m.ids.has(patch)).map((m) => m.workflowId);
    const verdict =
      withoutMarker.length > 0
        ? `старая ветка нужна: открытых дел без отметки — ${withoutMarker.length}`
        : withMarker > 0
          ? 'старую ветку можно удалить, заменив patched() на deprecatePatch(); сам вызов — когда закроются дела с отметкой'
          : 'открытые дела от изменения не зависят: вызов, старую ветку и фикстуры её поколения можно удалить';
    return { patch, meaning: CASE_PATCHES[patch], withMarker, withoutMarker, verdict };
  });
}
