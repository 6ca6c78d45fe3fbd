import { Button, toast } from '@codexion/resources';
import {
  type DetailSlotProps,
  PermissionButton,
  ProblemError,
  resourceKeys,
  useApi,
  useEntityText,
  useIssueMessage,
  usePermissions,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Archive, ArchiveRestore, Plus, Rocket, Undo2 } from 'lucide-react';
import { Link } from 'react-router';
import { transitionProduct } from '../../core/generated/client/sdk.gen.js';
import type { Product } from '../../core/generated/client/types.gen.js';

type Status = Product['status'];

/** The moves a merchant is offered from each status, in the order of the buttons. */
const moves: Record<Status, { to: Status; label: string; permission: string }[]> = {
  draft: [
    { to: 'published', label: 'publish', permission: 'ecommerce:product:publish' },
    { to: 'archived', label: 'archive', permission: 'ecommerce:product:archive' },
  ],
  published: [
    { to: 'draft', label: 'unpublish', permission: 'ecommerce:product:publish' },
    { to: 'archived', label: 'archive', permission: 'ecommerce:product:archive' },
  ],
  archived: [{ to: 'draft', label: 'restore', permission: 'ecommerce:product:archive' }],
};

const icons = { publish: Rocket, unpublish: Undo2, archive: Archive, restore: ArchiveRestore } as const;

/**
 * The product's status buttons beside Edit on its detail page — Publish and Archive on a draft,
 * Unpublish and Archive on a published product, Restore on an archived one — each a workflow
 * transition with the ETag read; the server's refusal (no variant with a SKU yet) is shown with
 * its reasons. Add variant opens the variant form with the product filled in.
 */
export function ProductStatusActions({ entity, id, record, etag }: DetailSlotProps) {
  const { t } = useTranslation('ecommerce');
  const text = useEntityText(entity);
  const message = useIssueMessage(entity);
  const reportProblem = useReportProblem();
  const permissions = usePermissions();
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const title = String(record.title ?? '') || text.title;
  const status = record.status as Status;

  const move = useMutation({
    mutationFn: (to: Status) =>
      transitionProduct({
        client,
        path: { id },
        body: { to },
        headers: etag ? { 'If-Match': etag } : {},
        throwOnError: true,
      }),
    onSuccess: (_data, to) => {
      toast.success(t(`productStatus.done.${to}`, { title }));
    },
    onError: (error) => {
      if (error instanceof ProblemError && error.status === 422 && error.errors.length > 0) {
        toast.error(t('productStatus.refused', { title, status: text.option('status', status) }), {
          description: error.errors.map((issue) => message(issue)).join(' '),
        });
      } else reportProblem(error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, entity.resource) }),
  });

  return (
    <>
      {(moves[status] ?? []).map(({ to, label, permission }) => {
        const Icon = icons[label as keyof typeof icons];
        return (
          <PermissionButton
            key={label}
            permission={permission}
            variant={label === 'publish' ? 'default' : 'outline'}
            onClick={() => move.mutate(to)}
            loading={move.isPending && move.variables === to}
            disabled={move.isPending}
          >
            <Icon aria-hidden="true" />
            {t(`productStatus.${label}`)}
          </PermissionButton>
        );
      })}
      {status !== 'archived' && permissions.can('ecommerce:variant:create') && (
        <Button asChild variant="outline">
          <Link to={`../../variants/new?productId=${encodeURIComponent(id)}`} relative="path">
            <Plus aria-hidden="true" />
            {t('productStatus.addVariant')}
          </Link>
        </Button>
      )}
    </>
  );
}
