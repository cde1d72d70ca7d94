import { buildCli } from '../../scripts/build-cli.js';

/**
 * Vitest's global setup: the tests that start readsim run the bundled command users get
 * (dist/bin/readsim.js), built here from the current sources first, so that they never run a
 * stale build (a second or two).
 */
export default async function setup(): Promise<void> {
  await buildCli();
}
