import type { DepartmentConfig, ToolConfig } from './department-config.js';

/**
 * The department as the model reads it for this arm: a copy of `config` in which the settings
 * the simulation never reads are set to fixed values, so that two departments that differ only
 * there compare equal (a sweep then simulates them once, experiment/shared-runs.ts). Settings
 * never read, and why:
 * - a tool not deployed in the arm (`active[t]` false) still draws its calls on every study of
 *   its streams (common random numbers: sensitivity, specificity, clears, misses, its finding and
 *   name stay), and the statistics of waits by AI call count them; but nothing acts on a call:
 *   - an assist tool: its read-time factors and extra time per flag (ai-tools.ts applies them
 *     only when active);
 *   - a triage tool: its action (reorder or flag), read only for active tools;
 *   - an autonomous tool: the reads a cleared study still gets, read only for active tools.
 * tests/model/model-inputs.test.ts checks on random departments that changing these settings
 * changes no result, and fails if the model starts reading one of them.
 */
export function modelInputs(config: DepartmentConfig): DepartmentConfig {
  if (config.active.every((a) => a)) return config;
  return { ...config, tools: config.tools.map((tool, t) => (config.active[t] ? tool : unread(tool))) };
}

/** A tool not deployed, with the settings the model does not read for it fixed. */
function unread(tool: ToolConfig): ToolConfig {
  switch (tool.kind) {
    case 'assist':
      return { ...tool, factorFlagged: 1, factorUnflagged: 1, extraTimePerFlag: 0 };
    case 'triage':
      return { ...tool, action: 'flag' };
    case 'autonomous':
      return { ...tool, readsLeft: 0 };
    case 'second-reader':
      return tool;
    default:
      return tool satisfies never;
  }
}
