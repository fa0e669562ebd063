// Every `patched()` branch the case workflows carry, in one place: what it
// changed and when its old branch may go (docs/decisions/0009-patch-retirement.md;
// `npm run patches` asks the cluster which open cases still need each one).
import { patched } from '@temporalio/workflow';

export const CASE_PATCHES = {
  'projection-as-local-activity': 'Проекция в модель чтения выполняется локальной активностью (один обмен с сервером на действие)',
  'deadline-in-projection': 'Срок начинающегося этапа вычисляет проекция (одна локальная активность на действие вместо двух)',
  'notifications-beside-the-procedure': 'Уведомления отправляются рядом с процедурой: недоступная почта не держит дело',
  'document-term-from-complete-application': 'Срок подготовки договора и ТУ считается со дня поступления полной заявки, а не со дня её принятия сотрудником',
  'obligations-by-party': 'Срок договора (п.16 «б») связывает обе стороны: мероприятия сетевой организации и заявителя отмечаются отдельно, просрочка и неустойка — только стороне, которая не выполнила своё',
  'appeal-terms-gk-193': 'Срок ответа на обращение после уточнения кончается в конце рабочего дня (ГК РФ ст. 193); у уточнения свой срок; повторный ответ сохраняет просрочку первого',
  'calendar-recalculation': 'Срок пересчитывается, когда загружен или изменён производственный календарь его года',
} as const;

export type CasePatch = keyof typeof CASE_PATCHES;

/** Is this part of the case running with the change `id` (false only for cases that passed this point before it)? */
export function since(id: CasePatch): boolean {
  return patched(id);
}
