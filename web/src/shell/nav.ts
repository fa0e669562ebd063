// The sections of the cabinet's menu, grouped, and which role group sees each.
// Data only, so a new section is one line here; MainNav renders it.
import type { RoleGroup } from '../../../domain/roles';
import { unread } from '../notifications';
import { unreadMessages } from '../features/conversation/unread';
import type { PublicUser } from '../trpc';

interface NavItem {
  href: string;
  label: string;
  /** Shown only to this role group (domain/roles.ts); none: to every logged-in user. */
  group?: RoleGroup;
  /** A number shown beside the label (and read out with it), e.g. unread notifications. */
  count?: () => number;
  /** Shown only when this holds for the user besides the group (e.g. «Организация»: employees of a company or ИП). */
  when?: (user: PublicUser | null | undefined) => boolean;
}

export const NAV_GROUPS: { title: string; items: NavItem[] }[] = [
  {
    title: 'Заявки и обращения',
    items: [
      { href: '/applications/new', label: 'Подать заявку', group: 'applicants' },
      { href: '/applications', label: 'Поданные заявки', group: 'applicants' },
      { href: '/appeals', label: 'Обращения', group: 'applicants' },
      { href: '/notifications', label: 'Уведомления', count: () => unread.count() },
      { href: '/messages', label: 'Сообщения', group: 'applicants', count: () => unreadMessages.count() },
    ],
  },
  {
    title: 'Сервисы',
    items: [
      { href: '/calculator', label: 'Калькулятор стоимости' },
      { href: '/outages', label: 'График плановых отключений' },
      { href: '/open-data/lead-times', label: 'Сроки присоединения' },
      { href: '/open-data/disclosures', label: 'Раскрытие информации' },
      { href: '/open-data/capacity', label: 'Свободная мощность' },
      { href: '/rating', label: 'Оценить качество' },
    ],
  },
  {
    title: 'Учётная запись',
    items: [
      { href: '/profile', label: 'Профиль' },
      { href: '/organisation', label: 'Организация', group: 'applicants', when: (user) => Boolean(user?.organisationId) },
      { href: '/representation', label: 'Представители', group: 'applicants' },
    ],
  },
  {
    title: 'Сотрудникам',
    items: [
      { href: '/staff/applications', label: 'Заявки на ТП', group: 'readers' },
      { href: '/staff/departments', label: 'Очереди отделов', group: 'readers' },
      { href: '/staff/ratings', label: 'Оценки качества', group: 'readers' },
      { href: '/staff/appeals', label: 'Обращения', group: 'readers' },
      { href: '/messages', label: 'Сообщения заявителей', group: 'staff', count: () => unreadMessages.count() },
      { href: '/staff/appeals/report', label: 'Отчёт по обращениям', group: 'readers' },
      { href: '/staff/penalties', label: 'Неустойки', group: 'readers' },
      { href: '/staff/powers-of-attorney', label: 'Доверенности', group: 'readers' },
      { href: '/staff/register-visitor', label: 'Регистрация посетителя', group: 'staff' },
      { href: '/staff/outages', label: 'Отключения (сотрудники)', group: 'staff' },
      { href: '/admin/users', label: 'Пользователи', group: 'admins' },
      { href: '/admin/tariffs', label: 'Тарифы', group: 'admins' },
      { href: '/admin/calendars', label: 'Производственный календарь', group: 'admins' },
      { href: '/admin/capacity', label: 'Свободная мощность (загрузка)', group: 'admins' },
      { href: '/admin/payment-requisites', label: 'Платёжные реквизиты', group: 'admins' },
      { href: '/admin/departments', label: 'Отделы', group: 'admins' },
      { href: '/audit', label: 'Аудит', group: 'auditors' },
      { href: '/audit/access-log', label: 'Журнал доступа', group: 'auditors' },
    ],
  },
  { title: 'Гарантирующему поставщику', items: [{ href: '/supplier', label: 'Переданные заявки', group: 'suppliers' }] },
];
