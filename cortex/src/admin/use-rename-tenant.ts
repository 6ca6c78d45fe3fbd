import { updateTenant } from '@codexion/contracts/tenancy/client';
import { useFieldErrors } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { useSession } from '../shell/session-context.js';
import { useAdminClients, useInvalidateAdmin } from './admin-queries.js';

/**
 * Renames the current tenant (`PATCH tenancy/tenant`), the server's field error on the name.
 *
 * @example
 * const rename = useRenameTenant();
 * rename.mutation.mutate('Acme GmbH');
 */
export function useRenameTenant() {
  const { tenancy } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const session = useSession();
  const fieldErrors = useFieldErrors(['name'] as const);
  const mutation = useMutation({
    mutationFn: async (name: string) =>
      (await updateTenant({ client: tenancy, body: { name }, throwOnError: true })).data,
    onSuccess: async () => {
      fieldErrors.clear();
      await Promise.all([invalidate('tenant', 'memberships'), session.refresh()]);
    },
  });
  return { mutation, fieldErrors };
}
