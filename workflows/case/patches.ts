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
  // Issue 18 item 3: the schedule is planned by an activity when the documents are posted (only for cases whose input carries a chosen schedule).
  'payment-schedule': 'Оплата частями: график платежей по счёту, договор заключается первым платежом, остальные платежи отслеживаются со своими сроками, напоминаниями и просрочкой заявителя',
  // Issue 18 item 1: the computeInvoice activity when the documents are posted; older cases keep the amount staff typed.
  'invoice-from-tariff': 'Счёт рассчитывается по тарифам, действовавшим на день регистрации заявки (строки C1…C8, НДС по ставке набора тарифов, предел для физических лиц до 15 кВт); корректировка суммы — только с письменной причиной',
  // Issue 18 item 4: withdrawal after the contract enters the termination stage (only for cases whose contract was concluded).
  'contract-termination': 'Отказ заявителя после заключения договора — расторжение договора с возмещением фактически понесённых сетевой организацией расходов (этап расчёта расходов), а не простой отзыв заявки',
  // Issue 18 item 5: at registration the supplier of last resort's track starts (workflows/application/supplier-track.ts); the case closes after it.
  'supplier-track': 'Заявка передаётся гарантирующему поставщику при регистрации; его проект договора энергоснабжения — отдельный этап со своим сроком (п.105 Правил), просрочка — только гарантирующего поставщика; отзыв или аннулирование прекращают этап с уведомлением поставщика',
  // Issue 18 item 5: cases that recorded the supplier's track cancelled only when the case closed (after the final stage) keep that order.
  'supplier-track-ends-with-application': 'Отзыв или аннулирование заявки сразу прекращают этап гарантирующего поставщика (до расторжения договора или итогового этапа), а не при закрытии дела',
  // The handover e-mail names the application; the older registration e-mail to the supplier repeated it.
  'supplier-one-mail-at-registration': 'Гарантирующий поставщик получает при регистрации заявки одно письмо — о передаче ему заявки со сроком проекта договора, без отдельного письма о регистрации',
  // Issue 20 item 2: a staff member takes a connection case or a supervisor assigns it (Updates takeCase / assignCase, workflows/application/holding.ts).
  'case-holder': 'Заявку берёт в работу сотрудник отдела или назначает руководитель; передача записывается с причиной; действовать по взятой заявке может только её держатель или руководитель; при смене этапа заявка освобождается',
  // Issue 20 item 5: messages are an Update of their own beside the procedure (workflows/case/conversation.ts); the marker is written with a case's first message.
  'conversations': 'Переписка по делу: сообщения заявителя и сотрудников, внутренние заметки сотрудников и одно уведомление на серию сообщений (таймер окна в истории дела)',
  // Issue 20 item 3: the at-risk timer of a grid-bound stage (termAtRisk before its end) and the supervisors told of a missed term.
  'term-escalation': 'Эскалация по сроку: за срок termAtRisk до конца срока этапа сетевой организации предупреждаются исполнитель и руководители отдела этапа; о пропуске срока — руководители отдела',
  // Two local activities of one task resolved in an order the history does not keep (workflows/case/one-at-a-time.ts).
  'local-activities-one-at-a-time': 'Локальные активности дела (проекция, расчёт сроков) выполняются по одной: действие, пришедшее в одной задаче с другим, воспроизводится без ошибки недетерминизма',
} as const;

export type CasePatch = keyof typeof CASE_PATCHES;

/** Is this part of the case running with the change `id` (false only for cases that passed this point before it)? */
export function since(id: CasePatch): boolean {
  return patched(id);
}
