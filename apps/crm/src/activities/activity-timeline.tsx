import {
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  Checkbox,
  cn,
  Skeleton,
} from '@codexion/resources';
import { type ResourceRecord, todayIn, useFormatters, useResourceList, useTranslation } from '@codexion/web';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { crm } from '../entities.js';
import { ActivityComposer, type ActivityLinks } from './activity-composer.js';
import { ActivityTypeIcon } from './activity-type-icon.js';
import { useActivityDone } from './use-activity-done.js';

export interface ActivityTimelineProps {
  /** which link the timeline follows: the deal's, the person's or the company's */
  field: 'dealId' | 'personId' | 'companyId';
  recordId: string;
  /** what a new activity is linked to besides the record (a deal's company and contact) */
  links?: ActivityLinks;
}

type Group = 'overdue' | 'upcoming' | 'done';

function groupOf(activity: ResourceRecord, today: string): Group {
  if (activity.done === true) return 'done';
  const due = typeof activity.dueDate === 'string' ? activity.dueDate : undefined;
  return due && due < today ? 'overdue' : 'upcoming';
}

/**
 * A record's activities as a timeline — overdue first, then what is coming, then what was done —
 * with a composer on top to log or plan the next one, and a box to tick each off.
 *
 * @example
 * <ActivityTimeline field="dealId" recordId={deal.id} links={{ companyId: deal.companyId }} />
 */
export function ActivityTimeline({ field, recordId, links = {} }: ActivityTimelineProps) {
  const { t } = useTranslation('crm');
  const format = useFormatters();
  const today = todayIn(format.timeZone);
  const toggle = useActivityDone();
  const list = useResourceList(
    crm.entity('activity'),
    {
      q: '',
      sort: [
        { field: 'dueDate', desc: true },
        { field: 'dueTime', desc: true },
      ],
      filters: [{ field, op: 'eq', value: recordId }],
    },
    { pageSize: 50 },
  );
  const activities = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const groups = useMemo(() => {
    const by: Record<Group, ResourceRecord[]> = { overdue: [], upcoming: [], done: [] };
    for (const activity of activities) by[groupOf(activity, today)].push(activity);
    // what is coming reads soonest first; the rest newest first, as the server sorted them
    by.upcoming.reverse();
    by.overdue.reverse();
    return by;
  }, [activities, today]);

  const when = (activity: ResourceRecord) => {
    const date = typeof activity.dueDate === 'string' ? activity.dueDate : undefined;
    const time = typeof activity.dueTime === 'string' ? ` ${activity.dueTime}` : '';
    if (!date) return t('timeline.noDate');
    if (date === today) return `${t('timeline.today')}${time}`;
    return `${format.date(date)}${time}`;
  };

  return (
    <Card data-slot="activity-timeline" className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2>{t('timeline.title')}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5">
        <ActivityComposer
          links={{ ...links, [field]: recordId }}
          className="rounded-lg border bg-muted/40 p-3"
        />
        {list.isPending ? (
          <div className="grid gap-3" aria-busy="true">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : activities.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t('timeline.empty')}</p>
        ) : (
          (['overdue', 'upcoming', 'done'] as const).map((group) =>
            groups[group].length ? (
              <section key={group} aria-label={t(`timeline.${group}`)} className="grid gap-2">
                <h3
                  className={cn(
                    'font-medium text-xs uppercase tracking-wide',
                    group === 'overdue' ? 'text-danger' : 'text-muted-foreground',
                  )}
                >
                  {t(`timeline.${group}`)}
                </h3>
                <ol className="relative grid gap-3 border-s ps-5">
                  {groups[group].map((activity) => {
                    const id = String(activity.id);
                    const subject = String(activity.subject ?? '');
                    const done = activity.done === true;
                    return (
                      <li key={id} data-slot="timeline-item" className="relative grid gap-0.5 text-sm">
                        <span
                          aria-hidden="true"
                          className={cn(
                            '-start-[1.95rem] absolute top-0 flex size-6 items-center justify-center rounded-full border bg-card',
                            done ? 'text-muted-foreground' : 'text-primary',
                          )}
                        >
                          <ActivityTypeIcon type={String(activity.type)} className="size-3.5" />
                        </span>
                        <div className="flex items-start gap-2">
                          <Link
                            to={`../../activities/${encodeURIComponent(id)}`}
                            relative="path"
                            className={cn(
                              'min-w-0 flex-1 font-medium hover:underline',
                              done && 'text-muted-foreground line-through decoration-1',
                            )}
                          >
                            {subject}
                          </Link>
                          <Checkbox
                            checked={done}
                            className="mt-0.5"
                            aria-label={t(done ? 'timeline.markOpen' : 'timeline.markDone', { subject })}
                            onCheckedChange={() =>
                              toggle.mutate({ id, version: Number(activity.version), done })
                            }
                          />
                        </div>
                        <p
                          className={cn(
                            'text-xs',
                            group === 'overdue' ? 'text-danger' : 'text-muted-foreground',
                          )}
                        >
                          {t(`activity.options.type.${String(activity.type)}`, {
                            defaultValue: String(activity.type),
                          })}
                          {' · '}
                          {when(activity)}
                        </p>
                        {typeof activity.body === 'string' && activity.body && (
                          <p className="line-clamp-2 text-muted-foreground">{activity.body}</p>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </section>
            ) : null,
          )
        )}
        {list.hasNextPage && (
          <Button
            variant="ghost"
            size="sm"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('timeline.showMore')}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
