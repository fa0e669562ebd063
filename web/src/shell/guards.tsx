// Route guards. They only spare the user pages that would be refused: every
// procedure checks the session and the role on the server again.
import { Navigate } from '@solidjs/router';
import { Match, Show, Switch, type JSX } from 'solid-js';
import type { RoleGroup } from '../../../domain/roles';
import { ForbiddenPage } from '../pages/NotFound';
import { session, userIn } from '../session';

/** Where a logged-in user belongs when a page is not for them. */
function homeOf(user: { mustChangePassword: boolean }): string {
  return user.mustChangePassword ? '/change-password' : '/';
}

/**
 * Logged-in users only. A user with a temporary password is held on the
 * forced password change until it is done; a role group narrows it further.
 */
export function RequireUser(props: { group?: RoleGroup; allowForcedChange?: boolean; forbidden?: string; children: JSX.Element }) {
  const user = () => session.user();
  return (
    <Switch>
      <Match when={user() === null}>
        <Navigate href="/login" />
      </Match>
      <Match when={user()?.mustChangePassword && !props.allowForcedChange}>
        <Navigate href="/change-password" />
      </Match>
      <Match when={props.group && !userIn(user(), props.group)}>
        <ForbiddenPage reason={props.forbidden} />
      </Match>
      <Match when={user()}>{props.children}</Match>
    </Switch>
  );
}

/** Login, registration, recovery: a logged-in user is sent on (and this is how a login ends up home). */
export function PublicOnly(props: { children: JSX.Element }) {
  return (
    <Show when={session.user()} fallback={props.children}>
      {(user) => <Navigate href={homeOf(user())} />}
    </Show>
  );
}
