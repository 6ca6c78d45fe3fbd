import type { DetailSlotProps, DetailSlots } from '@codexion/web';
import { PermissionButton, useTranslation } from '@codexion/web';
import { GitMerge, UserRoundCheck } from 'lucide-react';
import { useState } from 'react';
import { ActivityTimeline } from '../activities/activity-timeline.js';
import { DealOutcomeActions } from '../deals/deal-outcome-actions.js';
import { DealStageBar } from '../deals/deal-stage-bar.js';
import { ConvertLeadDialog } from '../people/convert-lead-dialog.js';
import { MergeDialog } from '../records/merge-dialog.js';

const idOrNull = (value: unknown) => (typeof value === 'string' && value ? value : null);

function MergeButton({ kind, ...props }: DetailSlotProps & { kind: 'person' | 'company' }) {
  const { t } = useTranslation('crm');
  const [open, setOpen] = useState(false);
  return (
    <>
      <PermissionButton permission={`crm:${kind}:merge`} variant="outline" onClick={() => setOpen(true)}>
        <GitMerge aria-hidden="true" />
        {t('merge.button')}
      </PermissionButton>
      <MergeDialog entity={kind} id={props.id} record={props.record} open={open} onOpenChange={setOpen} />
    </>
  );
}

function PersonActions(props: DetailSlotProps) {
  const { t } = useTranslation('crm');
  const [converting, setConverting] = useState(false);
  const isLead = !idOrNull(props.record.companyId);
  return (
    <>
      {isLead && (
        <>
          <PermissionButton permission="crm:person:convert" onClick={() => setConverting(true)}>
            <UserRoundCheck aria-hidden="true" />
            {t('convert.button')}
          </PermissionButton>
          <ConvertLeadDialog
            id={props.id}
            record={props.record}
            open={converting}
            onOpenChange={setConverting}
          />
        </>
      )}
      <MergeButton kind="person" {...props} />
    </>
  );
}

function LeadNotice({ record }: DetailSlotProps) {
  const { t } = useTranslation('crm');
  if (idOrNull(record.companyId)) return null;
  return (
    <p
      data-slot="lead-notice"
      className="flex items-center gap-2 rounded-lg border border-info/40 bg-info/10 px-4 py-2.5 text-sm"
    >
      <span className="rounded-md bg-info px-1.5 py-0.5 font-medium text-info-foreground text-xs">
        {t('convert.lead')}
      </span>
      {t('convert.leadHint', { name: String(record.name ?? '') })}
    </p>
  );
}

/** A deal: win/lose/reopen, where it stands in its pipeline, and its timeline. */
export const dealDetailSlots: DetailSlots = {
  actions: DealOutcomeActions,
  summary: DealStageBar,
  aside: ({ id, record }) => (
    <ActivityTimeline
      field="dealId"
      recordId={id}
      links={{ companyId: idOrNull(record.companyId), personId: idOrNull(record.primaryContactId) }}
    />
  ),
};

/** A company: merging duplicates and its timeline. */
export const companyDetailSlots: DetailSlots = {
  actions: (props) => <MergeButton kind="company" {...props} />,
  aside: ({ id }) => <ActivityTimeline field="companyId" recordId={id} />,
};

/** A person: converting a lead, merging duplicates and the timeline. */
export const personDetailSlots: DetailSlots = {
  actions: PersonActions,
  summary: LeadNotice,
  aside: ({ id, record }) => (
    <ActivityTimeline field="personId" recordId={id} links={{ companyId: idOrNull(record.companyId) }} />
  ),
};
