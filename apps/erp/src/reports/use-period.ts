import { todayIn, useFormatters } from '@codexion/web';
import { useSearchParams } from 'react-router';
import { dateParam, startOfYear } from './report-dates.js';

/**
 * A report's period kept in the URL (`?from=…&to=…`, `?asOf=…`), so a figure's drill-down link,
 * the back button and a shared link all show the same figures: the year to date by default.
 */
export function usePeriod() {
  const format = useFormatters();
  const [search, setSearch] = useSearchParams();
  const today = todayIn(format.timeZone);
  const to = dateParam(search.get('to')) ?? today;
  const from = dateParam(search.get('from')) ?? startOfYear(to);
  const asOf = dateParam(search.get('asOf')) ?? today;
  const set = (name: string, value: string | undefined) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return { from, to, asOf, search, set };
}
