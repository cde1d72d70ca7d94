/**
 * A problem with an export or its mapping that stops calibration: the message names the file,
 * the column or field, what was expected and what was found (never a whole row: rows hold
 * patient data). The CLI prints it and exits with code 1.
 */
export class CalibrationError extends Error {
  override readonly name = 'CalibrationError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** At most `max` characters of a value for a message, so that no message echoes a long cell or a file. */
export function clip(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
}
