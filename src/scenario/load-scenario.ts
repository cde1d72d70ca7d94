import { readFileSync } from 'node:fs';
import { ScenarioError } from './scenario-error.js';
import { type LoadedScenario, type LoadOptions, parseScenarioText, validateScenario } from './scenario-text.js';

export {
  type LoadedScenario,
  type LoadOptions,
  parseScenarioText,
  validateScenario,
} from './scenario-text.js';

/** Reads, parses and validates a scenario file. Throws ScenarioError on bad input. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(file, [
      { path: [], message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (e as Error).message})` },
    ]);
  }
  return validateScenario(file, parseScenarioText(file, text), options);
}
