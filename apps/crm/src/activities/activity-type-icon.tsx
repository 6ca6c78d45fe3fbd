import { CalendarDays, CheckSquare, Mail, Phone, StickyNote } from 'lucide-react';

/** The activity types, in the order the composer offers them. */
export const activityTypes = ['call', 'email', 'meeting', 'note', 'task'] as const;

const icons = { call: Phone, email: Mail, meeting: CalendarDays, note: StickyNote, task: CheckSquare };

/**
 * The icon of an activity type (a phone for a call…); a task's for anything unknown.
 *
 * @example
 * <ActivityTypeIcon type="meeting" className="size-4" />
 */
export function ActivityTypeIcon({ type, className }: { type: string; className?: string }) {
  const Icon = icons[type as keyof typeof icons] ?? CheckSquare;
  return <Icon aria-hidden="true" className={className} />;
}
