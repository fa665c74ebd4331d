import { useLab } from '../store/store-context.tsx';
import type { RouteTotals, Totals } from '../lab/types.ts';
import { TotalsTable, type TotalsRow } from './TotalsTable.tsx';

const EMPTY_CLIENTS: Record<string, Totals> = {};
const EMPTY_ROUTES: RouteTotals[] = [];

/** Totals per scenario client. */
export function ClientTable() {
  const byClient = useLab((s) => s.live?.byClient ?? EMPTY_CLIENTS);
  const rows: TotalsRow[] = Object.entries(byClient).map(([name, totals]) => ({ key: name, name, totals }));
  return <TotalsTable title="Per client" nameHeader="Client" rows={rows} testId="client-table" />;
}

/** Totals per API, stage and route. */
export function RouteTable() {
  const byRoute = useLab((s) => s.live?.byRoute ?? EMPTY_ROUTES);
  const rows: TotalsRow[] = byRoute.map((route) => {
    const name = route.routeKey ? `${route.routeKey}` : '(no route)';
    const where = route.stage ? ` · ${route.apiId ?? '?'}/${route.stage}` : '';
    return { key: `${route.apiId}|${route.stage}|${route.routeKey}`, name: `${name}${where}`, totals: route };
  });
  return <TotalsTable title="Per route" nameHeader="Route" rows={rows} testId="route-table" />;
}
