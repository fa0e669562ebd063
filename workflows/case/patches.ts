// Every `patched()` branch the case workflows carry, in one place: what it
// changed and when its old branch may go (docs/decisions/0009-patch-retirement.md;
// `npm run patches` asks the cluster which open cases still need each one).
import { patched } from '@temporalio/workflow';

export const CASE_PATCHES = {
  'projection-as-local-activity': 'Проекция в модель чтения выполняется локальной активностью (один обмен с сервером на действие)',
  'deadline-in-projection': 'Срок начинающегося этапа вычисляет проекция (одна локальная активность на действие вместо двух)',
  'notifications-beside-the-procedure': 'Уведомления отправляются рядом с процедурой: недоступная почта не держит дело',
} as const;

export type CasePatch = keyof typeof CASE_PATCHES;

/** Is this part of the case running with the change `id` (false only for cases that passed this point before it)? */
export function since(id: CasePatch): boolean {
  return patched(id);
}
