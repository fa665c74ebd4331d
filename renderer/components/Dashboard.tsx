import { cacheSpec } from '../charts/specs/cache-spec.ts';
import { latencySpec } from '../charts/specs/latency-spec.ts';
import { ratesSpec } from '../charts/specs/rates-spec.ts';
import { BucketChartCard } from './BucketChartCard.tsx';
import { ClientTable, RouteTable } from './BreakdownTables.tsx';
import { ChartCard } from './ChartCard.tsx';
import { CostPanel } from './CostPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { QuotaTable } from './QuotaTable.tsx';
import { RunHistory } from './RunHistory.tsx';
import { RunStatus } from './RunStatus.tsx';
import { ScenarioInfo } from './ScenarioInfo.tsx';
import { SummaryCards } from './SummaryCards.tsx';
import { TunePanel } from '../tuning/TunePanel.tsx';

/**
 * The run dashboard's layout. It subscribes to nothing itself, so a tick re-renders only the leaves that
 * show changed figures; the charts redraw outside React.
 */
export function Dashboard() {
  return (
    <div className="dashboard">
      <main className="main-column">
        <RunStatus />
        <SummaryCards />
        <div className="chart-grid">
          <ChartCard spec={ratesSpec} />
          <BucketChartCard />
          <ChartCard spec={cacheSpec} />
          <ChartCard spec={latencySpec} />
        </div>
        <div className="table-grid">
          <RouteTable />
          <ClientTable />
        </div>
      </main>
      <aside className="side-column" aria-label="Details">
        <TunePanel />
        <CostPanel />
        <ExportPanel />
        <ScenarioInfo />
        <QuotaTable />
        <ProblemsPanel />
        <RunHistory />
      </aside>
    </div>
  );
}
