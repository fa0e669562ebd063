// The cabinet's side menu: the sections of nav.ts the user's role may open,
// with the unread count read out beside «Уведомления».
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { session, userIn } from '../session';
import { NAV_GROUPS } from './nav';

export function MainNav(props: { open: boolean; onClose: () => void }) {
  const groups = () =>
    NAV_GROUPS.map((group) => ({ ...group, items: group.items.filter((item) => (!item.group || userIn(session.user(), item.group)) && (!item.when || item.when(session.user()))) })).filter((group) => group.items.length > 0);
  return (
    <nav id="app-nav" class="app-nav" classList={{ 'is-open': props.open }} aria-label="Разделы личного кабинета" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <For each={groups()}>
        {(group, i) => (
          <div class="app-nav__group">
            <h2 class="app-nav__title" id={`nav-group-${i()}`}>
              {group.title}
            </h2>
            <ul class="app-nav__list" aria-labelledby={`nav-group-${i()}`}>
              <For each={group.items}>
                {(item) => (
                  <li>
                    <A
                      href={item.href}
                      class="app-nav__link"
                      activeClass="is-active"
                      end={item.href !== '/staff/applications'}
                    >
                      {item.label}
                      {/* The count is said in words, not by an aria-label: the visible label must stay part of the link's name. */}
                      <Show when={item.count?.()}>
                        {(n) => (
                          <>
                            <span class="visually-hidden">(непрочитанных: {n()})</span>
                            <span class="nav-badge" aria-hidden="true">
                              {n() > 99 ? '99+' : n()}
                            </span>
                          </>
                        )}
                      </Show>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </For>
    </nav>
  );
}
