import cliProgress from 'cli-progress';
import { setInterruptedBy } from './stop-signal.js';

/**
 * A progress bar of runs done and time left, on a terminal: `--quiet` and JSON output show none;
 * output that is not a terminal (CI, pipes) gets one line when the first run is done.
 */
export function progressBar(
  enabled: boolean,
  label: string,
): { update: (done: number, total: number, unit?: 'runs' | 'parts') => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  if (!process.stderr.isTTY) {
    // No bar off a terminal; one line when the first run is done says the work is under way.
    let said = false;
    return {
      update(done, total, unit = 'runs') {
        if (said) return;
        said = true;
        process.stderr.write(`${label}: ${done} of ${total} ${unit === 'parts' ? 'parts of runs' : 'runs'} done\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {value}/{total} {unit} | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, unit = 'runs') {
      const payload = { unit: unit === 'parts' ? 'parts of runs' : 'runs' };
      if (!started) {
        bar.start(total, 0, payload);
        started = true;
      }
      bar.update(done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * An AbortSignal that fires on Ctrl-C (SIGINT) or SIGTERM, so that the workers stop and nothing
 * half-written is left. A second signal exits at once; the exit handlers of the results folder
 * being written remove what it had written.
 */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write('interrupted again: stopping now; nothing is left behind\n');
      process.exit(SIGNAL_EXIT[sig] ?? 130);
    }
    setInterruptedBy(sig);
    process.stderr.write(`\ninterrupted (${sig}): stopping the workers; no results are written\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * One line on stderr once the run has started and Ctrl-C is handled (not with --quiet). Tests
 * wait for this line before they send a signal.
 */
export function announceStart(quiet: boolean, text: string): void {
  if (!quiet) process.stderr.write(`${text} (Ctrl-C stops it)\n`);
}
