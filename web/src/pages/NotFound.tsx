import { A } from '@solidjs/router';
import { EmptyState, PageHeader } from '../ui';

export default function NotFoundPage() {
  return (
    <div class="stack stack--lg">
      <PageHeader title="Страница не найдена" />
      <EmptyState icon="search" title="Такой страницы нет" action={<A href="/">На главную</A>}>
        Возможно, ссылка устарела или в адресе опечатка.
      </EmptyState>
    </div>
  );
}

export function ForbiddenPage(props: { reason?: string | undefined }) {
  return (
    <div class="stack stack--lg">
      <PageHeader title="Недостаточно прав" />
      <EmptyState icon="lock" title="Раздел недоступен для вашей учётной записи" action={<A href="/">На главную</A>}>
        {props.reason ?? 'Этот раздел предназначен для сотрудников сетевой организации с соответствующей ролью.'}
      </EmptyState>
    </div>
  );
}
