/**
 * The bare-route baseline: Fastify with no plugins, hooks or logger, answering one route with the
 * saved article page and its headers from memory.
 * `node --import tsx bench/bare-server.ts <html file> <headers json file> <port>`.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [file, headersFile, port] = process.argv.slice(2);
if (!file || !headersFile || !port) throw new Error('usage: bare-server.ts <html file> <headers json file> <port>');
const body = readFileSync(file);
const headers = JSON.parse(readFileSync(headersFile, 'utf8')) as Record<string, string>;
const app = Fastify({ logger: false });
app.get('/article.html', (_request, reply) => reply.headers(headers).send(body));
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
