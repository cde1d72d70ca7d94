/**
 * The one error type the engine throws for bad arguments. Callers (the scenario layer, the CLI)
 * can tell an input mistake from a bug by `instanceof EngineError`.
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

/** Throws unless `value` is a finite number. */
export function requireFinite(what: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EngineError(`${what} must be a finite number, got ${String(value)}`);
  }
}

/** Throws unless `value` is finite and > 0. */
export function requirePositive(what: string, value: number): void {
  requireFinite(what, value);
  if (value <= 0) throw new EngineError(`${what} must be > 0, got ${value}`);
}

/** Throws unless `value` is finite and >= 0. */
export function requireNonNegative(what: string, value: number): void {
  requireFinite(what, value);
  if (value < 0) throw new EngineError(`${what} must be >= 0, got ${value}`);
}
