import { Button, Checkbox, cn, Input, Label } from '@codexion/resources';
import {
  ProblemError,
  RelationPicker,
  resourceKeys,
  todayIn,
  useApi,
  useFormatters,
  useIssueMessage,
  useReportProblem,
  useTranslation,
  validateRecord,
} from '@codexion/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { createActivity } from '../../core/generated/client/sdk.gen.js';
import type { ActivityCreate } from '../../core/generated/client/types.gen.js';
import { crm } from '../entities.js';
import { ActivityTypeIcon, activityTypes } from './activity-type-icon.js';

/** The records a new activity is linked to. */
export interface ActivityLinks {
  dealId?: string | null;
  personId?: string | null;
  companyId?: string | null;
}

export interface ActivityComposerProps {
  /** fixed links (a record's timeline: the deal, its company and contact) */
  links?: ActivityLinks;
  /** let the user pick the deal, person and company (the global quick add) */
  pickLinks?: boolean;
  onCreated?: (activity: Record<string, unknown>) => void;
  className?: string;
}

type ActivityType = (typeof activityTypes)[number];

/**
 * Logs or plans an activity in a few keystrokes: type, subject, date (today by default), time,
 * done. Checks the CRM's activity rules before sending and shows the server's own message when it
 * refuses, so both sides say the same thing.
 *
 * @example
 * <ActivityComposer links={{ dealId, companyId, personId }} />
 */
export function ActivityComposer({
  links = {},
  pickLinks = false,
  onCreated,
  className,
}: ActivityComposerProps) {
  const { t } = useTranslation('crm');
  const format = useFormatters();
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const reportProblem = useReportProblem();
  const id = useId();
  const [type, setType] = useState<ActivityType>('call');
  const [subject, setSubject] = useState('');
  const [dueDate, setDueDate] = useState(() => todayIn(format.timeZone));
  const [dueTime, setDueTime] = useState('');
  const [done, setDone] = useState(false);
  const [picked, setPicked] = useState<ActivityLinks>({});
  const [error, setError] = useState<string>();
  const activity = crm.entity('activity');
  const message = useIssueMessage(activity);

  const create = useMutation({
    mutationFn: async (body: ActivityCreate) =>
      (await createActivity({ client, body, throwOnError: true })).data,
    onSuccess: (created) => {
      setSubject('');
      setDueTime('');
      setDone(false);
      setError(undefined);
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, 'activities') });
      onCreated?.(
        typeof created === 'object' && created !== null ? (created as Record<string, unknown>) : {},
      );
    },
    onError: (problem) => {
      // the server's field errors are shown here, in its words; anything else goes to a toast
      const issue = problem instanceof ProblemError ? problem.errors[0] : undefined;
      if (issue) setError(message(issue));
      else reportProblem(problem);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = pickLinks ? picked : links;
    const body: Record<string, unknown> = {
      type,
      subject: subject.trim(),
      done,
      ...(dueDate ? { dueDate } : {}),
      ...(dueTime ? { dueTime } : {}),
      ...Object.fromEntries(Object.entries(chosen).filter(([, value]) => value)),
    };
    const issue = validateRecord(activity, body)[0];
    if (issue) {
      setError(issue.path === '/subject' ? `${t('quickAdd.subject')}: ${message(issue)}` : message(issue));
      return;
    }
    // checked above against the schema the API validates with
    create.mutate(body as ActivityCreate);
  };

  return (
    <form
      data-slot="activity-composer"
      noValidate
      onSubmit={submit}
      className={cn('grid gap-3', className)}
      aria-label={t('quickAdd.title')}
    >
      <fieldset className="flex flex-wrap gap-1">
        <legend className="sr-only">{t('quickAdd.type')}</legend>
        {activityTypes.map((option) => (
          <label
            key={option}
            className={cn(
              'inline-flex cursor-pointer items-center gap-1.5 rounded-md border px-2.5 py-1 text-xs transition-colors has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50',
              type === option
                ? 'border-primary bg-primary/10 text-foreground'
                : 'text-muted-foreground hover:bg-accent',
            )}
          >
            <input
              type="radio"
              name={`${id}-type`}
              value={option}
              checked={type === option}
              onChange={() => setType(option)}
              className="sr-only"
            />
            <ActivityTypeIcon type={option} className="size-3.5" />
            {t(`activity.options.type.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-subject`}>{t('quickAdd.subject')}</Label>
        <Input
          id={`${id}-subject`}
          value={subject}
          placeholder={t('quickAdd.subjectPlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setSubject(event.target.value)}
        />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)_7rem] gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-date`}>{t('quickAdd.dueDate')}</Label>
          <Input
            id={`${id}-date`}
            type="date"
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-time`}>{t('quickAdd.dueTime')}</Label>
          <Input
            id={`${id}-time`}
            type="time"
            value={dueTime}
            onChange={(event) => setDueTime(event.target.value)}
          />
        </div>
      </div>
      {pickLinks && (
        <fieldset className="grid gap-3">
          <legend className="mb-1.5 font-medium text-sm">{t('quickAdd.linkedTo')}</legend>
          {(['deal', 'person', 'company'] as const).map((name) => {
            const key = `${name}Id` as const;
            return (
              <div key={name} className="grid gap-1.5">
                <Label htmlFor={`${id}-${name}`}>{t(`quickAdd.${name}`)}</Label>
                <RelationPicker
                  id={`${id}-${name}`}
                  className="w-full"
                  target={crm.entity(name)}
                  value={picked[key] ?? null}
                  clearable
                  onValueChange={(value) => setPicked((current) => ({ ...current, [key]: value }))}
                />
              </div>
            );
          })}
        </fieldset>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-danger text-sm">
          {error}
        </p>
      )}
      <div className="flex items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <Checkbox
            id={`${id}-done`}
            checked={done}
            onCheckedChange={(checked) => setDone(checked === true)}
          />
          <Label htmlFor={`${id}-done`} className="font-normal">
            {t('quickAdd.done')}
          </Label>
        </div>
        <Button type="submit" size="sm" loading={create.isPending}>
          {t('quickAdd.save')}
        </Button>
      </div>
    </form>
  );
}
