import type { DetailSlots } from '@codexion/web';
import { LinesView } from './lines-view.js';
import { PostingActions } from './posting-actions.js';

/**
 * A document's detail page (journal entry, invoices, payment, stock entry): Post or Cancel beside
 * Edit, and its lines as a table with their totals and the ledger rows posting will write.
 */
export const documentDetailSlots: DetailSlots = {
  actions: PostingActions,
  main: LinesView,
};
