import type { JSX } from 'solid-js';
import { EmptyState, PageHeader } from '../ui';

export interface SectionInfo {
  title: string;
  description: string;
  /** What the section will let the user do, told honestly while it is not ready. */
  soon: JSX.Element;
}

/** A section announced in the menu but not built yet: says so plainly, shows no invented data. */
export function SectionPlaceholder(props: SectionInfo) {
  return (
    <div class="stack stack--lg">
      <PageHeader title={props.title} description={props.description} />
      <EmptyState icon="construction" title="Раздел готовится">
        {props.soon}
      </EmptyState>
    </div>
  );
}

export const SECTIONS = {
  appeals: {
    title: 'Обращения',
    description: 'Обращения в сетевую организацию в электронном виде.',
    soon: 'Здесь можно будет направить обращение — жалобу, заявление или вопрос — и следить за сроком и ходом его рассмотрения.',
  },
  calculator: {
    title: 'Калькулятор стоимости',
    description: 'Предварительный расчёт платы за технологическое присоединение.',
    soon: 'Здесь можно будет рассчитать стоимость технологического присоединения по утверждённым ставкам с расшифровкой суммы.',
  },
  outages: {
    title: 'График плановых отключений',
    description: 'Плановые отключения электроэнергии: где, когда и почему.',
    soon: 'Здесь будет график плановых отключений электроэнергии по населённым пунктам и улицам с датами, временем и причинами.',
  },
  rating: {
    title: 'Оценить качество',
    description: 'Оценка качества и доступности технологического присоединения.',
    soon: 'Здесь можно будет оценить качество и доступность услуги по технологическому присоединению после завершения этапов вашей заявки.',
  },
} satisfies Record<string, SectionInfo>;
