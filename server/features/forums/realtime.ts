import type { FastifyInstance } from 'fastify';
import { findForum } from './forum-access';
import { canReadForum, isForumStaff } from './policy';

/**
 * Who may join the forums' rooms (see roomAccess in shared/realtime.ts):
 * `forums` everyone; `forum:<id>` whoever may read the forum; `moderation` coordinator and admin.
 */
export function registerForumRooms(app: FastifyInstance) {
  app.realtime.registerRoom('forums', (_user, id) => id === null);
  app.realtime.registerRoom('moderation', (user, id) => id === null && isForumStaff(user));
  app.realtime.registerRoom('forum', async (user, id) => {
    if (!id) return false;
    const forum = await findForum(app.db, id).catch(() => null);
    return !!forum && canReadForum(user, forum.access);
  });
  // A forum's access list may have changed: people who lost access leave its room first.
  app.realtime.revalidateOn('forum.updated');
}
