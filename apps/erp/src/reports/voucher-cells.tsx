import { Button } from '@codexion/resources';
import { Link } from 'react-router';
import { voucherLink } from './voucher-link.js';

/** A ledger row's document number, a link to the document when it has a page. */
export function VoucherNo({ type, id, number }: { type: string; id: string; number: string }) {
  const href = voucherLink(type, id);
  return href ? (
    <Link to={href} relative="path" className="underline-offset-4 hover:underline">
      {number}
    </Link>
  ) : (
    number
  );
}

/** Loads the next page of a keyset-paginated ledger (an infinite query's `fetchNextPage`). */
export function LoadMore({
  query,
  label,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  label: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button
      variant="outline"
      className="justify-self-center"
      loading={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {label}
    </Button>
  );
}
