// Who is logged in: one resource for `auth.me`, shared by the whole app.
// The cookie is HttpOnly, so asking the server is the only way to know.
import { createResource, createRoot } from 'solid-js';
import { inGroup, type RoleGroup } from '../../domain/roles';
import { showFlash } from './flash';
import { describeApiError, setSessionLostHandler, trpc, type PublicUser } from './trpc';

export type SessionState = 'loading' | 'ready' | 'failed';

function createSession() {
  const [me, { mutate, refetch }] = createResource(() => trpc.auth.me.query());

  /** undefined until the server has answered, null when logged out. */
  const user = (): PublicUser | null | undefined => {
    // Reading an errored or pending resource would throw or suspend; the guards want a plain value.
    if (me.state === 'ready' || me.state === 'refreshing') return me.latest ?? null;
    return undefined;
  };

  const state = (): SessionState => (me.state === 'errored' ? 'failed' : me.state === 'ready' || me.state === 'refreshing' ? 'ready' : 'loading');

  let recheck: Promise<void> | undefined;
  function recheckSession(): Promise<void> {
    recheck ??= (async () => {
      const had = Boolean(user());
      try {
        const current = await trpc.auth.me.query();
        if (had && !current) showFlash('Сеанс завершён. Войдите в личный кабинет снова.', 'info');
        mutate(current);
      } catch {
        // The network is down: keep what we know rather than log the user out.
      } finally {
        recheck = undefined;
      }
    })();
    return recheck;
  }
  setSessionLostHandler(() => void recheckSession());

  async function logout(everywhere = false): Promise<void> {
    try {
      if (everywhere) {
        const { ended } = await trpc.auth.logoutEverywhere.mutate();
        showFlash(`Вы вышли на всех устройствах. Завершено сеансов: ${ended}.`);
      } else {
        await trpc.auth.logout.mutate();
        showFlash('Вы вышли из личного кабинета.');
      }
    } catch (error) {
      // Already logged out on the server: the goal is reached anyway.
      if (describeApiError(error).code !== 'UNAUTHORIZED') throw error;
    }
    mutate(null);
  }

  return {
    user,
    state,
    /** After login or a profile change the server returns the user: no need to ask again. */
    setUser: (next: PublicUser | null) => void mutate(next),
    retry: () => void refetch(),
    recheck: recheckSession,
    logout,
  };
}

export const session = createRoot(createSession);

/** Whether the user belongs to a role group of domain/roles.ts (the server checks the same table again). */
export function userIn(user: PublicUser | null | undefined, group: RoleGroup): boolean {
  return inGroup(user?.role, group);
}
