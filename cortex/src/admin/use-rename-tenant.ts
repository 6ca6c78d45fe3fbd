import type { Tenant } from '@codexion/contracts/tenancy/types';
import { useApi, useFieldErrors } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { useSession } from '../shell/session-context.js';
import { useInvalidateAdmin } from './admin-queries.js';

/**
 * Renames the current tenant (`PATCH tenancy/tenant`), the server's field error on the name.
 *
 * @example
 * const rename = useRenameTenant();
 * rename.mutation.mutate('Acme GmbH');
 */
export function useRenameTenant() {
  const { apiFetch } = useApi();
  const invalidate = useInvalidateAdmin();
  const session = useSession();
  const fieldErrors = useFieldErrors(['name'] as const);
  const mutation = useMutation({
    mutationFn: async (name: string) =>
      (
        await apiFetch<Tenant>('tenancy/tenant', {
          method: 'PATCH',
          body: { name },
          contentType: 'application/merge-patch+json',
        })
      ).data,
    onSuccess: async () => {
      fieldErrors.clear();
      await Promise.all([invalidate('tenant', 'memberships'), session.refresh()]);
    },
  });
  return { mutation, fieldErrors };
}
