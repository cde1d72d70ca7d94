import cliProgress from 'cli-progress';

/**
 * A progress bar of runs done and time left, on a terminal: `--quiet` and JSON output show none;
 * output that is not a terminal (CI, pipes) gets one line when the first run is done.
 */
export function progressBar(
  enabled: boolean,
  label: string,
): { update: (done: number, total: number) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  if (!process.stderr.isTTY) {
    // No bar off a terminal; one line when the first run is done says the work is under way.
    let said = false;
    return {
      update(done, total) {
        if (said) return;
        said = true;
        process.stderr.write(`${label}: ${done} of ${total} runs done\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {value}/{total} runs | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** An AbortSignal that fires on Ctrl-C, so that workers stop and nothing half-written is left. */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ninterrupted: stopping the workers; no results are written\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
