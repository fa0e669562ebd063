// The unread count shown in the menu and on the home page: one resource for
// the whole app, refreshed by live events and after marking as read.
import { createResource, createRoot } from 'solid-js';
import { onLive } from './live';
import { session } from './session';
import { trpc } from './trpc';

function createUnread() {
  const owner = () => {
    const user = session.user();
    return user && !user.mustChangePassword ? user.id : false;
  };
  const [count, { refetch, mutate }] = createResource(owner, () => trpc.notifications.unreadCount.query());
  // Case events may come with or without a notification: either way the count may have changed.
  onLive(() => void refetch());
  return {
    /** The number of unread notifications, 0 while unknown. */
    count: (): number => (count.state === 'ready' || count.state === 'refreshing' ? (count.latest ?? 0) : 0),
    refresh: () => void refetch(),
    set: (value: number) => void mutate(value),
  };
}

export const unread = createRoot(createUnread);
