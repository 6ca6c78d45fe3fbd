import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  toast,
} from '@codexion/resources';
import { RecordSearch, type ShellActionsProps, usePermissions, useTranslation } from '@codexion/web';
import { Building2, Handshake, Plus, User } from 'lucide-react';
import { useState } from 'react';
import { ActivityComposer } from '../activities/activity-composer.js';
import { crm } from '../entities.js';

const searched = [crm.entity('company'), crm.entity('person'), crm.entity('deal')];
const icons = {
  company: <Building2 aria-hidden="true" />,
  person: <User aria-hidden="true" />,
  deal: <Handshake aria-hidden="true" />,
};

/**
 * The CRM's top bar: search across companies, people and deals (Ctrl/⌘+K), and a quick add for an
 * activity from anywhere.
 */
export function CrmShellActions({ basePath }: ShellActionsProps) {
  const { t } = useTranslation('crm');
  const { can } = usePermissions();
  const [adding, setAdding] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <RecordSearch entities={searched} icons={icons} basePath={basePath} />
      {can('crm:activity:create') && (
        <>
          <Button size="sm" onClick={() => setAdding(true)} aria-label={t('quickAdd.button')}>
            <Plus aria-hidden="true" />
            <span className="hidden sm:inline">{t('quickAdd.button')}</span>
          </Button>
          <Dialog open={adding} onOpenChange={setAdding}>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>{t('quickAdd.title')}</DialogTitle>
                <DialogDescription>{t('quickAdd.description')}</DialogDescription>
              </DialogHeader>
              <ActivityComposer
                pickLinks
                onCreated={() => {
                  toast.success(t('quickAdd.saved'));
                  setAdding(false);
                }}
              />
            </DialogContent>
          </Dialog>
        </>
      )}
    </div>
  );
}
