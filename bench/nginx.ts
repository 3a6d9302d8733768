import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './options.ts';
import { freePort, registerTempDir, start, stop, waitForOk } from './processes.ts';
import { describeResult, measure, type WrkResult } from './wrk.ts';

function nginxConfig(prefix: string, port: number, root: string): string {
  return `# Written by bench/nginx.ts: one worker, like the single Gaceta process.
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${prefix}/temp/client_body;
  proxy_temp_path ${prefix}/temp/proxy;
  fastcgi_temp_path ${prefix}/temp/fastcgi;
  uwsgi_temp_path ${prefix}/temp/uwsgi;
  scgi_temp_path ${prefix}/temp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
  }
}
`;
}

export interface NginxRun {
  readonly result: WrkResult;
  readonly config: string;
}

/** Serves the saved article HTML as a static file from nginx and measures it the same way. */
export async function benchNginx(options: BenchOptions, articleHtml: string): Promise<NginxRun> {
  const prefix = path.join(options.outputDir, 'nginx');
  mkdirSync(path.join(prefix, 'temp'), { recursive: true });
  const root = mkdtempSync(path.join(os.tmpdir(), 'gaceta-bench-'));
  registerTempDir(root);
  writeFileSync(path.join(root, 'article.html'), articleHtml, { mode: 0o644 });
  // mkdtemp makes the folder 0700; nginx workers (user nobody when started as root) must read it.
  chmodSync(root, 0o755);
  const port = await freePort(options.nginxPort);
  const config = nginxConfig(prefix, port, root);
  const configFile = path.join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);
  console.log(`\n== nginx static file (worker_processes 1, config ${configFile}) ==`);
  console.log(
    config
      .trimEnd()
      .split('\n')
      .map((line) => `  | ${line}`)
      .join('\n'),
  );
  const nginx = start('nginx', '/usr/sbin/nginx', [
    '-e',
    path.join(prefix, 'error.log'),
    '-c',
    configFile,
    '-p',
    `${prefix}/`,
  ]);
  try {
    const url = `http://127.0.0.1:${port}/article.html`;
    await waitForOk(url, nginx, 15_000);
    const result = await measure(url, options.warmupSeconds, options.durationSeconds, options, nginx.pid);
    console.log(describeResult('article.html', result));
    return { result, config };
  } finally {
    await stop(nginx);
  }
}
