/**
 * The bare-route baseline: Fastify with no plugins, hooks or logger, answering one route with the
 * saved article page from memory. `node --import tsx bench/bare-server.ts <file> <port>`.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: bare-server.ts <html file> <port>');
const body = readFileSync(file);
const app = Fastify({ logger: false });
app.get('/article.html', (_request, reply) => reply.type('text/html; charset=utf-8').send(body));
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
