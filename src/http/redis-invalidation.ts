import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { PurgeListener, PurgeTransport } from './invalidation.ts';

export interface RedisTransport extends PurgeTransport {
  /** Resolves once this process listens, so no purge published after start is missed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Purges fanned out over Redis pub/sub on `<prefix>purge` (config.redisPrefix); each process ignores
 * its own messages (it applied them already).
 */
export function redisTransport(url: string, prefix: string, onError: (error: unknown) => void): RedisTransport {
  const channel = `${prefix}purge`;
  const origin = randomUUID();
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(url, { lazyConnect: false });
  const listeners: PurgeListener[] = [];
  publisher.on('error', onError);
  subscriber.on('error', onError);
  subscriber.on('message', (_channel: string, message: string) => {
    try {
      const parsed = JSON.parse(message) as { origin?: string; keys?: unknown };
      if (parsed.origin === origin || !Array.isArray(parsed.keys)) return;
      const keys = parsed.keys.filter((key): key is string => typeof key === 'string');
      for (const listener of listeners) listener(keys);
    } catch (error) {
      onError(error);
    }
  });
  const ready = subscriber.subscribe(channel).then(() => undefined);
  return {
    ready,
    publish(keys) {
      publisher.publish(channel, JSON.stringify({ origin, keys })).catch(onError);
    },
    onRemote(listener) {
      listeners.push(listener);
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
