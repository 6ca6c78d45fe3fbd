import {
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@codexion/resources';
import { useReportProblem, useTranslation } from '@codexion/web';
import { Building2, ChevronsUpDown } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from './session-context.js';

/**
 * The tenant the session acts in, and a menu of the user's other tenants: choosing one switches
 * the session, empties the cache and goes home.
 *
 * @example
 * <AppShell breadcrumbs={<TenantSwitcher />} … />
 */
export function TenantSwitcher() {
  const { t } = useTranslation('cortex');
  const { tenant, tenants, switchTenant } = useSession();
  const navigate = useNavigate();
  const report = useReportProblem();
  const [switching, setSwitching] = useState<string>();
  const name = tenant.name || t('tenant.unnamed');

  const choose = async (tenantId: string) => {
    if (tenantId === tenant.id) return;
    setSwitching(tenantId);
    try {
      await switchTenant(tenantId);
    } catch (error) {
      report(error);
    } finally {
      setSwitching(undefined);
    }
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="max-w-full gap-2 px-2"
          aria-label={t('tenant.switcher', { tenant: name })}
          loading={switching !== undefined}
        >
          <Building2 aria-hidden="true" />
          <span className="truncate font-medium">{name}</span>
          <ChevronsUpDown aria-hidden="true" className="text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-56">
        <DropdownMenuLabel>{t('tenant.label')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={tenant.id} onValueChange={(id) => void choose(id)}>
          {tenants.map((option) => (
            <DropdownMenuRadioItem key={option.id} value={option.id} disabled={option.status !== 'active'}>
              <span className="truncate">{option.name}</span>
              {option.status !== 'active' && (
                <span className="ms-auto text-muted-foreground text-xs">
                  {t(`tenant.status.${option.status}`, { defaultValue: option.status })}
                </span>
              )}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => navigate('/admin/tenants')}>{t('tenant.manage')}</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
