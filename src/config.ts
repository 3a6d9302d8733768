import path from 'node:path';

/** Everything Gaceta reads from its environment, parsed once and frozen. Nothing else reads process.env. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Public base URL used in canonical links, feeds and sitemaps (no trailing slash). */
  readonly publicUrl: string;
  readonly dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite file under dataDir is used. */
  readonly databaseUrl: string | undefined;
  readonly sqliteFile: string;
  /**
   * Most PostgreSQL connections one Gaceta process opens. Each gaceta serve worker has its own pool,
   * so workers × pool size must stay under the server's max_connections.
   */
  readonly databasePoolSize: number;
  readonly mediaDir: string;
  readonly uploadLimitBytes: number;
  readonly pageCache: boolean;
  readonly pageCacheEntries: number;
  /**
   * Longest a cached page is kept, in ms (0: until a change purges it). Several processes on one
   * PostgreSQL without Redis cannot hear each other's purges, so there it defaults to 30 seconds.
   */
  readonly pageCacheTtlMs: number;
  /** Redis for purges shared by several Gaceta processes. */
  readonly redisUrl: string | undefined;
  /**
   * What starts every Redis channel and key Gaceta uses (REDIS_PREFIX, default `gaceta:`), so
   * several sites (or test runs) can share one Redis without hearing each other's purges.
   */
  readonly redisPrefix: string;
  /** Varnish caches in front of Gaceta (their http://host:port), sent every purge made in this process. */
  readonly varnishPurgeUrls: readonly string[];
  readonly schedulerIntervalMs: number;
  readonly logLevel: string;
  readonly secureCookies: boolean;
  readonly signInAttemptsPerMinute: number;
  /** Password for `gaceta create-staff` when --password is not given (keeps it out of shell history). */
  readonly staffPassword: string | undefined;
  /**
   * How many proxies in front of Gaceta to believe about the client's address (X-Forwarded-For).
   * 0 by default: believing a header anyone can send would let a client dodge the sign-in rate limit.
   */
  readonly trustedProxies: number;
  /**
   * Recompile every prepared query on every run and compare it with the compiled one its shape
   * string names (`GACETA_VERIFY_QUERIES`, off by default; the test suite always verifies).
   */
  readonly verifyQueries: boolean;
  /**
   * The SMTP server mail goes through (smtp:// or smtps://, user and password in the URL). Without
   * it, mail is written to the log with its links, so a newcomer can follow them.
   */
  readonly smtpUrl: string | undefined;
  /** The sender of Gaceta's mail: an address, or `Name <address>`; no-reply at PUBLIC_URL's host by default. */
  readonly mailFrom: string;
  /** Stripe's secret API key (sk_…); without it the site runs and takes no payments. */
  readonly stripeSecretKey: string | undefined;
  /** The signing secret (whsec_…) Stripe's webhook events are verified with. */
  readonly stripeWebhookSecret: string | undefined;
  /** Another address for Stripe's API (the test suite's stand-in); Stripe's own by default. */
  readonly stripeApiUrl: string | undefined;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'off', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  try {
    const parsed = new URL(raw);
    if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error('protocol');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function urlList(env: Env, name: string): string[] {
  const raw = env[name];
  if (!raw) return [];
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      try {
        const parsed = new URL(item);
        if (['http:', 'https:'].includes(parsed.protocol)) return item;
      } catch {
        // reported below
      }
      throw new ConfigError(`${name} must be comma-separated http(s) URLs, got "${item}"`);
    });
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.SMTP_URL;
  if (!raw) return undefined;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    // The URL may hold a password: the message names the variable, not its value.
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example:587');
  return raw;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const NAMED_ADDRESS = /^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/;

function mailFrom(env: Env, publicUrl: string): string {
  const raw = env.MAIL_FROM?.trim();
  if (!raw) return `no-reply@${new URL(publicUrl).hostname}`;
  if (!ADDRESS.test(raw) && !NAMED_ADDRESS.test(raw))
    throw new ConfigError(
      `MAIL_FROM must be an address such as news@example.org or "Gaceta <news@example.org>", got "${raw}"`,
    );
  return raw;
}

// PostgreSQL's default max_connections is 100; a pool larger than that could never fill.
const MAX_POOL_SIZE = 100;

function poolSize(env: Env): number {
  const size = integer(env, 'DATABASE_POOL_SIZE', 10, 1);
  if (size > MAX_POOL_SIZE)
    throw new ConfigError(
      `DATABASE_POOL_SIZE must be at most ${MAX_POOL_SIZE} connections per process, got "${env.DATABASE_POOL_SIZE}"`,
    );
  return size;
}

function stripeKey(env: Env, name: string, prefixes: readonly string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  // The value is a secret: the message names the variable and the expected form, not the value.
  if (!prefixes.some((prefix) => raw.startsWith(prefix)))
    throw new ConfigError(`${name} must start with ${prefixes.join(' or ')} (copy it from Stripe's dashboard)`);
  return raw;
}

/** Parses configuration from an environment map (process.env by default); throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const port = integer(env, 'PORT', 3000, 0);
  const dataDir = path.resolve(env.GACETA_DATA_DIR || 'data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${env.REDIS_URL}"`);
  }
  const redisPrefix = env.REDIS_PREFIX || 'gaceta:';
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(redisPrefix)) {
    throw new ConfigError(`REDIS_PREFIX may hold letters, digits and : _ . - (at most 64), got "${redisPrefix}"`);
  }
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${databaseUrl}"`);
  }
  const publicUrl = url(env, 'PUBLIC_URL', `http://localhost:${port}`);
  const config: Config = {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl,
    dataDir,
    databaseUrl,
    sqliteFile: path.join(dataDir, 'gaceta.sqlite'),
    databasePoolSize: poolSize(env),
    mediaDir: path.join(dataDir, 'media'),
    uploadLimitBytes: integer(env, 'UPLOAD_LIMIT_MB', 25, 1) * 1024 * 1024,
    pageCache: flag(env, 'PAGE_CACHE', true),
    pageCacheEntries: integer(env, 'PAGE_CACHE_ENTRIES', 5000, 1),
    pageCacheTtlMs: integer(env, 'PAGE_CACHE_TTL_SECONDS', databaseUrl && !env.REDIS_URL ? 30 : 0, 0) * 1000,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix,
    varnishPurgeUrls: Object.freeze(urlList(env, 'VARNISH_PURGE_URL')),
    schedulerIntervalMs: integer(env, 'SCHEDULER_INTERVAL_MS', 1000, 50),
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: publicUrl.startsWith('https:'),
    signInAttemptsPerMinute: integer(env, 'SIGN_IN_ATTEMPTS_PER_MINUTE', 10, 1),
    staffPassword: env.GACETA_STAFF_PASSWORD || undefined,
    trustedProxies: integer(env, 'TRUSTED_PROXIES', 0, 0),
    verifyQueries: flag(env, 'GACETA_VERIFY_QUERIES', false),
    smtpUrl: smtpUrl(env),
    mailFrom: mailFrom(env, publicUrl),
    stripeSecretKey: stripeKey(env, 'STRIPE_SECRET_KEY', ['sk_', 'rk_']),
    stripeWebhookSecret: stripeKey(env, 'STRIPE_WEBHOOK_SECRET', ['whsec_']),
    stripeApiUrl: env.STRIPE_API_URL ? url(env, 'STRIPE_API_URL', '') : undefined,
    ...overrides,
  };
  return Object.freeze(config);
}
