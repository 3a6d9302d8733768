import { measureInTurns, type PairedRun } from './bare.ts';
import type { Store } from './archive.ts';
import { type Endpoint, startGaceta } from './gaceta.ts';
import type { BenchOptions } from './options.ts';
import { wrk } from './wrk.ts';

/**
 * Each page on SQLite and on PostgreSQL, one process each with the page cache off, both servers up
 * and measured in turns (medians by requests a second). Setups measured minutes apart meet a machine
 * whose speed has drifted by tens of percent; pages measured in turns meet it in the same state,
 * which is what "PostgreSQL at least half of SQLite" needs.
 */
export async function storesInTurns(
  options: BenchOptions,
  stores: readonly [Store, Store],
  endpointsOf: (store: Store) => readonly Endpoint[],
): Promise<Map<string, PairedRun>> {
  console.log('\n== SQLite and PostgreSQL in turns (page cache off, one process each) ==');
  const [sqlite, postgres] = stores;
  const servers = [await startGaceta(options, { store: sqlite, workers: 1, mode: 'uncached' })];
  const results = new Map<string, PairedRun>();
  try {
    servers.push(await startGaceta(options, { store: postgres, workers: 1, mode: 'uncached' }, options.gacetaPort + 1));
    const [first, second] = servers;
    if (!first || !second) throw new Error('a server did not start');
    const anonymous = (store: Store) => endpointsOf(store).filter((endpoint) => !endpoint.reader);
    for (const [index, server] of servers.entries())
      for (const endpoint of anonymous(stores[index] ?? sqlite))
        await wrk(server.base + endpoint.path, options.warmupSeconds, options);
    for (const endpoint of anonymous(sqlite)) {
      const other = anonymous(postgres).find((e) => e.name === endpoint.name);
      if (!other) continue;
      const pair = await measureInTurns(
        options,
        [`${endpoint.name} (SQLite)`, `${endpoint.name} (PostgreSQL)`],
        { url: first.base + endpoint.path, pid: first.pid },
        { url: second.base + other.path, pid: second.pid },
        'rate',
      );
      results.set(endpoint.name, pair);
    }
    return results;
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}
