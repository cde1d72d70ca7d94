/** The signal that stopped the run, if one did: the exit code is 128 + its number, as shells expect. */
let stoppedBy: NodeJS.Signals | null = null;

export function interruptedBy(): NodeJS.Signals | null {
  return stoppedBy;
}

export function setInterruptedBy(signal: NodeJS.Signals): void {
  stoppedBy = signal;
}
