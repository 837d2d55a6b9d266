import { z } from 'zod';
import { uuid } from './validation';

// In-app notifications: replies in followed threads, new threads in followed forums, mentions,
// and moderation of one's own posts. Delivered live to the room user:<id>.

export const notificationKinds = [
  'reply',
  'newThread',
  'mention',
  'postHidden',
  'bookingRequested',
  'bookingApproved',
  'bookingDeclined',
  'bookingCancelled',
  // Grants (text: "call title — detail", link: the call's page): a followed call's deadline is a
  // week / a day away; an organisation offers know-how on a call you asked about; an organisation
  // asks for help with a call you offered know-how on.
  'grantDeadlineWeek',
  'grantDeadlineDay',
  'grantKnowHowOffered',
  'grantHelpAsked',
  // Premises (text: "wanted post's title — offering organisation (premises)"): an owner offers a room.
  'premisesOffered',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  threadId: z.uuid().nullable(),
  threadTitle: z.string().nullable(),
  postId: z.uuid().nullable(),
  /** Extra text, e.g. the moderator's reason for hiding a post. */
  text: z.string().nullable(),
  /** Where it leads in the app when there is no thread (e.g. /lokaler/bokningar/<id>). */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unreadCount: z.number().int(),
  cursor: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const markReadSchema = z.strictObject({
  /** Mark these as read; absent: all of them. */
  ids: z.array(uuid).max(200, { error: 'field.tooBig' }).optional(),
});
