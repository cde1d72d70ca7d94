import { z } from 'zod';
import { Scenario } from './schema.js';

/**
 * The scenario format as a JSON Schema, generated from the zod schema, so that editors can
 * complete and check scenario files (`# yaml-language-server: $schema=...` in a YAML file).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    reused: 'ref',
    io: 'input',
  }) as Record<string, unknown>;
  return { $id: 'https://readsim.invalid/scenario.schema.json', ...schema };
}
