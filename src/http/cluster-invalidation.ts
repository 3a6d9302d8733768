import type { Cluster, Worker } from 'node:cluster';
import type { PurgeListener, PurgeTransport } from './invalidation.ts';

/** A purge as it travels between the workers of one `gaceta serve --workers N` over cluster IPC. */
interface PurgeMessage {
  readonly type: 'gaceta:purge';
  readonly keys: readonly string[];
}

function isPurge(message: unknown): message is PurgeMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'gaceta:purge' &&
    Array.isArray((message as { keys?: unknown }).keys)
  );
}

/**
 * Purges carried between sibling workers through the cluster's primary process, so several workers
 * on one machine keep their page caches in step without Redis. (With REDIS_URL, Redis carries them.)
 */
export function clusterTransport(): PurgeTransport {
  const listeners: PurgeListener[] = [];
  process.on('message', (message: unknown) => {
    if (!isPurge(message)) return;
    const keys = message.keys.filter((key): key is string => typeof key === 'string');
    for (const listener of listeners) listener(keys);
  });
  return {
    publish(keys) {
      const message: PurgeMessage = { type: 'gaceta:purge', keys };
      process.send?.(message);
    },
    onRemote(listener) {
      listeners.push(listener);
    },
  };
}

/** In the primary: hands each worker's purges to every other worker. */
export function relayPurges(cluster: Cluster): void {
  cluster.on('message', (from: Worker, message: unknown) => {
    if (!isPurge(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message);
    }
  });
}
