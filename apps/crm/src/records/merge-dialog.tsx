import {
  Button,
  Checkbox,
  cn,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Input,
  Label,
  toast,
} from '@codexion/resources';
import { type ResourceRecord, useReportProblem, useResourceList, useTranslation } from '@codexion/web';
import { Search } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { mergeCompanies, mergePeople } from '../../core/generated/client/sdk.gen.js';
import { crm } from '../entities.js';
import { useRecordAction } from './use-record-action.js';

export interface MergeDialogProps {
  entity: 'person' | 'company';
  id: string;
  record: ResourceRecord;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** What makes a likely duplicate findable: a person's last name, a company's first word. */
function seedOf(entity: MergeDialogProps['entity'], record: ResourceRecord): string {
  if (entity === 'person') return String(record.lastName ?? record.firstName ?? record.name ?? '');
  return String(record.name ?? '').split(/\s+/)[0] ?? '';
}

/** A second line that tells look-alikes apart: the email, or the domain. */
function detailOf(entity: MergeDialogProps['entity'], record: ResourceRecord): string {
  const value = entity === 'person' ? record.email : record.domain;
  return typeof value === 'string' ? value : '';
}

/**
 * Merges duplicates of a person or a company: likely duplicates are offered (same last name, same
 * first word), more can be searched, and the user picks which record survives; the others are
 * folded into it by `mergePeople`/`mergeCompanies` (their links move, they are soft-deleted).
 *
 * @example
 * <MergeDialog entity="person" id={id} record={person} open={open} onOpenChange={setOpen} />
 */
export function MergeDialog({ entity, id, record, open, onOpenChange }: MergeDialogProps) {
  const { t } = useTranslation('crm');
  const config = crm.entity(entity);
  const formId = useId();
  const navigate = useNavigate();
  const reportProblem = useReportProblem();
  const merge = useRecordAction(['people', 'companies', 'deals', 'activities']);
  const [q, setQ] = useState(() => seedOf(entity, record));
  const [picked, setPicked] = useState<ResourceRecord[]>([]);
  const [survivor, setSurvivor] = useState(id);
  useEffect(() => {
    if (open) {
      setQ(seedOf(entity, record));
      setPicked([]);
      setSurvivor(id);
    }
  }, [open, entity, record, id]);
  const candidates = useResourceList(
    config,
    { q, sort: [], filters: [] },
    { pageSize: 10, enabled: open && q.trim().length > 0 },
  );
  const found = useMemo(
    () => (candidates.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => item.id !== id),
    [candidates.data, id],
  );
  const shown = [...picked, ...found.filter((item) => !picked.some((chosen) => chosen.id === item.id))];
  const everyone = [record, ...picked];
  const title = (item: ResourceRecord) => String(item[config.titleField] ?? item.id);

  const toggle = (item: ResourceRecord) => {
    setPicked((current) =>
      current.some((chosen) => chosen.id === item.id)
        ? current.filter((chosen) => chosen.id !== item.id)
        : [...current, item],
    );
    if (survivor === item.id) setSurvivor(id);
  };

  const submit = async () => {
    const keep = everyone.find((item) => item.id === survivor) ?? record;
    const duplicateIds = everyone.filter((item) => item.id !== keep.id).map((item) => String(item.id));
    try {
      // awaited, not in mutate callbacks: the refresh may unmount this page (a merged-away record)
      const request = { path: { id: String(keep.id) }, body: { duplicateIds }, throwOnError: true } as const;
      await merge.mutateAsync((client) =>
        entity === 'person' ? mergePeople({ client, ...request }) : mergeCompanies({ client, ...request }),
      );
      toast.success(t('merge.done', { count: duplicateIds.length, name: title(keep) }));
      onOpenChange(false);
      if (keep.id !== id) navigate(`../${encodeURIComponent(String(keep.id))}`, { relative: 'path' });
    } catch (problem) {
      reportProblem(problem);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t('merge.title', { name: title(record) })}</DialogTitle>
          <DialogDescription>{t('merge.description')}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor={`${formId}-q`}>{t('merge.search')}</Label>
          <div className="relative">
            <Search
              aria-hidden="true"
              className="-translate-y-1/2 absolute start-2.5 top-1/2 size-4 text-muted-foreground"
            />
            <Input
              id={`${formId}-q`}
              className="ps-8"
              value={q}
              onChange={(event) => setQ(event.target.value)}
            />
          </div>
        </div>
        <fieldset className="grid gap-1">
          <legend className="mb-1 font-medium text-sm">{t('merge.suggested')}</legend>
          {shown.length === 0 ? (
            <p className="py-3 text-muted-foreground text-sm">{t('merge.noCandidates')}</p>
          ) : (
            <ul className="grid max-h-56 gap-1 overflow-y-auto">
              {shown.map((item) => {
                const checked = picked.some((chosen) => chosen.id === item.id);
                const inputId = `${formId}-${String(item.id)}`;
                return (
                  <li key={String(item.id)}>
                    <label
                      htmlFor={inputId}
                      className={cn(
                        'flex cursor-pointer items-center gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-accent',
                        checked && 'bg-accent',
                      )}
                    >
                      <Checkbox id={inputId} checked={checked} onCheckedChange={() => toggle(item)} />
                      <span className="min-w-0 flex-1 truncate font-medium">{title(item)}</span>
                      <span className="truncate text-muted-foreground text-xs">{detailOf(entity, item)}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>
        {picked.length > 0 && (
          <fieldset className="grid gap-1" data-slot="merge-survivor">
            <legend className="mb-1 font-medium text-sm">{t('merge.survivor')}</legend>
            {everyone.map((item) => {
              const inputId = `${formId}-keep-${String(item.id)}`;
              return (
                <label
                  key={String(item.id)}
                  htmlFor={inputId}
                  className="flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5"
                >
                  <input
                    id={inputId}
                    type="radio"
                    name={`${formId}-survivor`}
                    className="size-4 accent-(--primary)"
                    checked={survivor === item.id}
                    onChange={() => setSurvivor(String(item.id))}
                  />
                  <span className="min-w-0 flex-1 truncate font-medium">{title(item)}</span>
                  <span className="truncate text-muted-foreground text-xs">{detailOf(entity, item)}</span>
                </label>
              );
            })}
          </fieldset>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            {t('outcome.cancel')}
          </Button>
          <Button disabled={picked.length === 0} loading={merge.isPending} onClick={() => void submit()}>
            {picked.length ? t('merge.submit', { count: picked.length }) : t('merge.button')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
