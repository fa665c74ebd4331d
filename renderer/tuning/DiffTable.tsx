import type { DiffRow } from '../../core/contract/lab-api.ts';

function format(row: DiffRow, value: number): string {
  if (row.unit === '%') return `${value.toFixed(2)} %`;
  if (row.unit === 'ms') return `${value.toFixed(1)} ms`;
  return value.toLocaleString('en-US');
}

function delta(row: DiffRow): string {
  if (row.delta === 0) return '=';
  const sign = row.delta > 0 ? '+' : '−';
  const magnitude = Math.abs(row.delta);
  if (row.unit === '%') return `${sign}${magnitude.toFixed(2)} pt`;
  if (row.unit === 'ms') return `${sign}${magnitude.toFixed(1)} ms`;
  return `${sign}${magnitude.toLocaleString('en-US')}`;
}

/** Figures that go down are better for every row but "ok" and the cache hit ratio. */
const higherIsBetter = new Set(['ok', 'cache hit ratio', 'sent']);

function tone(row: DiffRow): string {
  if (row.delta === 0 || row.name === 'sent') return '';
  const better = higherIsBetter.has(row.name) ? row.delta > 0 : row.delta < 0;
  return better ? 'diff-better' : 'diff-worse';
}

/** A, B and the change for each figure that decides between two configs. */
export function DiffTable({ rows, labels }: { rows: DiffRow[]; labels: { a: string; b: string } }) {
  return (
    <div className="table-scroll">
      <table className="diff-table" data-testid="diff-table">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" data-testid="diff-label-a">
              A · {labels.a}
            </th>
            <th scope="col" data-testid="diff-label-b">
              B · {labels.b}
            </th>
            <th scope="col">B − A</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} data-row={row.name} data-a={row.a} data-b={row.b}>
              <th scope="row">{row.name}</th>
              <td>{format(row, row.a)}</td>
              <td>{format(row, row.b)}</td>
              <td className={tone(row)}>{delta(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
