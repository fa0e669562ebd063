// The menu's count of unread messages (issue 20 item 5): one resource for the
// whole app, refreshed by live events and after a conversation is read.
import { createResource, createRoot } from 'solid-js';
import { inGroup } from '../../../../domain/roles';
import { onLive } from '../../live';
import { session } from '../../session';
import { trpc } from '../../trpc';

function createUnreadMessages() {
  const owner = () => {
    const user = session.user();
    return user && !user.mustChangePassword && (inGroup(user.role, 'applicants') || inGroup(user.role, 'staff')) ? user.id : false;
  };
  const [count, { refetch }] = createResource(owner, () => trpc.conversations.unread.query().then((r) => r.count));
  onLive(() => void refetch());
  return {
    /** Unread messages of the other side, 0 while unknown. */
    count: (): number => (count.state === 'ready' || count.state === 'refreshing' ? (count.latest ?? 0) : 0),
    refresh: () => void refetch(),
  };
}

export const unreadMessages = createRoot(createUnreadMessages);
