import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { lazyRequestLoggers } from './request-logger.ts';

function appLoggingTo(lines: Array<Record<string, unknown>>) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as never);
      done();
    },
  });
  const app = Fastify({ logger: { level: 'warn', stream }, childLoggerFactory: lazyRequestLoggers });
  app.get('/quiet', (request) => {
    request.log.info('below the level');
    return 'ok';
  });
  app.get('/loud', (request) => {
    request.log.warn({ detail: 1 }, 'worth a look');
    return 'ok';
  });
  app.get('/child', (request) => {
    request.log.child({ part: 'renderer' }).error('failed');
    return 'ok';
  });
  return app;
}

describe('per-request loggers made on first use', () => {
  it('logs what a request logs at an enabled level, with its request id, and nothing below the level', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const app = appLoggingTo(lines);
    assert.equal((await app.inject('/quiet')).statusCode, 200);
    assert.equal((await app.inject('/loud')).statusCode, 200);
    assert.equal((await app.inject('/child')).statusCode, 200);
    await app.close();
    assert.deepEqual(
      lines.map((line) => [line.msg, line.level, typeof line.reqId, line.detail, line.part]),
      [
        ['worth a look', 40, 'string', 1, undefined],
        ['failed', 50, 'string', undefined, 'renderer'],
      ],
    );
  });

  it('makes no child logger for a request that logs nothing', async () => {
    const app = Fastify({ logger: { level: 'warn' }, childLoggerFactory: lazyRequestLoggers });
    let children = 0;
    const child = app.log.child.bind(app.log);
    app.log.child = (...args: Parameters<typeof child>) => {
      children++;
      return child(...args);
    };
    app.get('/', () => 'ok');
    for (let i = 0; i < 3; i++) assert.equal((await app.inject('/')).statusCode, 200);
    await app.close();
    assert.equal(children, 0);
  });
});
