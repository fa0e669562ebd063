// The open figures for everyone (issue 21): the lead-time dashboard and the quarterly
// disclosure report, each computed from the read models for one quarter and kept for
// ten minutes per quarter and calendar version, so a busy public page costs one query
// per quarter every ten minutes.
import { APPEAL_TOPIC_LABELS, type AppealTopic } from '../../domain/appeal';
import { STAGE_DEFINITIONS, STAGES, type Stage } from '../../domain/application';
import type { ProductionCalendar } from '../../domain/calendar';
import {
  DISCLOSURE_SCHEMA_VERSION,
  disclosureCsv,
  disclosureTotal,
  LEAD_TIMES_SCHEMA_VERSION,
  leadTimeRows,
  leadTimesCsv,
  quarterRange,
  quarterSchema,
  type DisclosureReport,
  type LeadTimes,
  type Quarter,
} from '../../domain/transparency';
import type { Db } from '../../db';
import { renderDisclosureReport } from '../../documents/disclosure-report';
import { calendarStamp, createCalendarCache } from '../../db/read-models/calendars';
import { appealAnswerTimes, disclosureRows, stageIntervals } from '../../db/read-models/transparency';

export const CACHE_MS = 10 * 60_000;

const stageTitle = (stage: string) => STAGE_DEFINITIONS[stage as Stage]?.title ?? stage;
const topicTitle = (topic: string) => APPEAL_TOPIC_LABELS[topic as AppealTopic] ?? topic;

/** The dashboard's figures for a quarter, straight from the read models (no cache). */
export async function computeLeadTimes(db: Db, quarter: Quarter, calendar: ProductionCalendar, nowMs = Date.now()): Promise<LeadTimes> {
  const range = quarterRange(quarter);
  const [intervals, appeals] = await Promise.all([stageIntervals(db, range.fromMs, range.untilMs), appealAnswerTimes(db, range.fromMs, range.untilMs)]);
  return {
    schemaVersion: LEAD_TIMES_SCHEMA_VERSION,
    quarter,
    from: range.from,
    until: range.until,
    generatedAt: new Date(nowMs).toISOString(),
    stages: leadTimeRows(intervals, STAGES, calendar),
    appeals,
  };
}

/** The disclosure report for a quarter, straight from the read models (no cache). */
export async function computeDisclosure(db: Db, quarter: Quarter): Promise<DisclosureReport> {
  const range = quarterRange(quarter);
  const { rows, voltageRows } = await disclosureRows(db, range.fromMs, range.untilMs);
  return { schemaVersion: DISCLOSURE_SCHEMA_VERSION, quarter, from: range.from, until: range.until, rows, voltageRows, total: disclosureTotal(rows) };
}

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

/** A small time-boxed cache per key; a failed computation is forgotten at once. */
function timedCache<T>() {
  const entries = new Map<string, Cached<T>>();
  return (key: string, compute: () => Promise<T>, nowMs = Date.now()): Promise<T> => {
    const hit = entries.get(key);
    if (hit && nowMs - hit.at < CACHE_MS) return hit.value;
    const value = compute();
    entries.set(key, { at: nowMs, value });
    value.catch(() => entries.delete(key));
    // Old quarters are few; keep the map from growing without bound all the same.
    if (entries.size > 64) entries.delete(entries.keys().next().value!);
    return value;
  };
}

interface PerDb {
  calendars: ReturnType<typeof createCalendarCache>;
  leadTimes: ReturnType<typeof timedCache<LeadTimes>>;
  disclosures: ReturnType<typeof timedCache<DisclosureReport>>;
}
const perDb = new WeakMap<Db, PerDb>();
function stateOf(db: Db): PerDb {
  let state = perDb.get(db);
  if (!state) perDb.set(db, (state = { calendars: createCalendarCache(db), leadTimes: timedCache(), disclosures: timedCache() }));
  return state;
}

export async function leadTimesFor(db: Db, quarter: Quarter) {
  const state = stateOf(db);
  // A new calendar version changes the working-day counts: it is part of the key.
  const stamp = await calendarStamp(db);
  const data = await state.leadTimes(`${quarter}|${stamp}`, async () => computeLeadTimes(db, quarter, await state.calendars.current()));
  return { data, csv: leadTimesCsv(data, stageTitle, topicTitle) };
}

export async function disclosureFor(db: Db, quarter: Quarter) {
  const data = await stateOf(db).disclosures(quarter, () => computeDisclosure(db, quarter));
  return { data, csv: disclosureCsv(data) };
}

/** The report as a PDF for `/api/disclosures/<quarter>.pdf`; null for an address that names no quarter. */
export async function disclosurePdf(db: Db, quarterText: string): Promise<{ pdf: Uint8Array; filename: string } | null> {
  const quarter = quarterSchema.safeParse(quarterText);
  if (!quarter.success) return null;
  const { data } = await disclosureFor(db, quarter.data);
  return { pdf: await renderDisclosureReport(data, new Date()), filename: `Раскрытие информации ${quarter.data}.pdf` };
}
