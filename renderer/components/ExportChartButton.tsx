import { useState, type RefObject } from 'react';
import { saveChartPng } from '../charts/chart-png.ts';
import { errorMessage } from '../lab/error-message.ts';
import { useLab } from '../store/store-context.tsx';

/** A chart card's "PNG" button: downloads the chart as drawn, titled, on the theme's background. */
export function ExportChartButton({
  canvasRef,
  title,
  chartId,
}: {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  title: string;
  chartId: string;
}) {
  const note = useLab((s) => s.noteExport);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const canvas = canvasRef.current;
    if (!canvas || busy) return;
    setBusy(true);
    try {
      const fileName = await saveChartPng(canvas, title);
      note({ tone: 'info', text: `Exported ${fileName}.` });
    } catch (error) {
      note({ tone: 'error', text: `Could not export the ${title} chart: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="chart-png"
      onClick={() => void save()}
      disabled={busy}
      aria-label={`Download the ${title} chart as PNG`}
      title={`Download the ${title} chart as PNG`}
      data-testid={`export-png-${chartId}`}
    >
      PNG
    </button>
  );
}
