// Words and helpers of the open figures (issue 21): the quarter in the address,
// labels of stages, categories and bands, and the downloads (CSV with the BOM
// Excel needs, JSON as the API gives it).
import { STAGE_DEFINITIONS, CATEGORY_LABELS, type Category, type Stage } from '../../../../domain/application';
import { APPEAL_TOPIC_LABELS, type AppealTopic } from '../../../../domain/appeal';
import { POWER_BANDS, quarterLabel, quarterSchema, recentQuarters, type PowerBand, type Quarter } from '../../../../domain/transparency';

export const stageTitle = (stage: string) => STAGE_DEFINITIONS[stage as Stage]?.title ?? stage;
export const categoryTitle = (category: Category | 'all') => (category === 'all' ? 'Все категории' : CATEGORY_LABELS[category]);
export const topicTitle = (topic: string) => (topic === 'all' ? 'Все темы' : (APPEAL_TOPIC_LABELS[topic as AppealTopic] ?? topic));
export const bandTitle = (band: PowerBand) => POWER_BANDS.find((b) => b.key === band)!.label;

/** The quarters offered (this one and seven before), plus the one in the address if older. */
export function quarterOptions(selected: Quarter, nowMs = Date.now()) {
  const quarters = recentQuarters(nowMs);
  if (!quarters.includes(selected)) quarters.push(selected);
  return quarters.map((q) => ({ value: q, label: quarterLabel(q) }));
}

/** The quarter from the address, or the current one. */
export function quarterFromParam(param: string | undefined, nowMs = Date.now()): Quarter {
  const parsed = quarterSchema.safeParse(param);
  return parsed.success ? parsed.data : recentQuarters(nowMs, 1)[0]!;
}

export function download(content: string, fileName: string, mime: string, bom = false): void {
  const url = URL.createObjectURL(new Blob(bom ? ['\uFEFF', content] : [content], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const formatDays = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));
export const formatShare = (n: number | null) => (n === null ? '—' : `${String(Math.round(n * 1000) / 10).replace('.', ',')} %`);
