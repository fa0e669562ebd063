// The words of the four case pages (applicant's and staff's, application and
// appeal): what the case is called, what is said while it loads, when it cannot
// be loaded and when there is no such case, and the way back to its list.
import type { CaseWords } from './CasePage';

const KINDS = {
  application: { noun: 'Заявка', notFoundTitle: 'Заявка не найдена', accusative: 'заявку' },
  appeal: { noun: 'Обращение', notFoundTitle: 'Обращение не найдено', accusative: 'обращение' },
} as const;

function caseWords(kind: keyof typeof KINDS, notFoundLead: string, notFoundHint: string, listHref: string, listLabel: string): CaseWords {
  const { noun, notFoundTitle, accusative } = KINDS[kind];
  return { noun, notFoundTitle, notFoundLead, notFoundHint, listHref, listLabel, loadError: `Не удалось загрузить ${accusative}`, loading: `Загружаем ${accusative}…` };
}

export const CASE_PAGE_WORDS = {
  application: caseWords('application', 'Такой заявки нет среди ваших', 'Проверьте ссылку или откройте заявку из списка поданных заявок.', '/applications', 'К списку заявок'),
  staffApplication: caseWords('application', 'Такой заявки нет', 'Проверьте ссылку или найдите заявку в очереди по номеру.', '/staff/applications', 'К очереди заявок'),
  appeal: caseWords('appeal', 'Такого обращения нет среди ваших', 'Проверьте ссылку или откройте обращение из списка.', '/appeals', 'К списку обращений'),
  staffAppeal: caseWords('appeal', 'Такого обращения нет', 'Проверьте ссылку или найдите обращение по номеру.', '/staff/appeals', 'К обращениям'),
} satisfies Record<string, CaseWords>;
