/** Shows a run's progress: a redrawn bar on a terminal, plain periodic lines otherwise (CI logs). */
export interface ProgressSink {
  update(fraction: number, detail: string): void;
  done(): void;
}

const BAR_WIDTH = 30;

export function progressSink(
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>,
  isTty = Boolean(stream.isTTY),
): ProgressSink {
  if (isTty) {
    let last = 0;
    return {
      update(fraction, detail) {
        const now = Date.now();
        if (now - last < 80 && fraction < 1) return;
        last = now;
        const filled = Math.round(Math.min(1, fraction) * BAR_WIDTH);
        const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
        stream.write(`\r${bar} ${(fraction * 100).toFixed(0).padStart(3)}%  ${detail}\u001b[K`);
      },
      done() {
        stream.write('\r\u001b[K');
      },
    };
  }
  let nextStep = 0.1;
  let lastLine = Date.now();
  return {
    update(fraction, detail) {
      const now = Date.now();
      if (fraction + 1e-9 >= nextStep || now - lastLine >= 5000) {
        stream.write(`progress ${(fraction * 100).toFixed(0)}%: ${detail}\n`);
        while (nextStep <= fraction + 1e-9) nextStep += 0.1;
        lastLine = now;
      }
    },
    done() {},
  };
}
