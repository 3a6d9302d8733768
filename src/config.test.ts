import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.uploadLimitBytes, 25 * 1024 * 1024, 'uploads up to 25 MB');
    assert.equal(config.pageCache, true);
    assert.equal(config.pageCacheTtlMs, 0, 'pages live until purged on one process');
    assert.equal(config.databaseUrl, undefined, 'SQLite unless DATABASE_URL is set');
    assert.equal(config.trustedProxies, 0);
    assert.equal(config.databasePoolSize, 10, 'ten PostgreSQL connections per process');
  });

  it('takes the PostgreSQL pool size from DATABASE_POOL_SIZE', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/gaceta', DATABASE_POOL_SIZE: '4' }).databasePoolSize, 4);
    assert.throws(
      () => loadConfig({ DATABASE_POOL_SIZE: '500' }),
      /DATABASE_POOL_SIZE must be at most 100 connections per process, got "500"/,
    );
  });

  it('lets cached pages expire on PostgreSQL without Redis, and not with it', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/gaceta' }).pageCacheTtlMs, 30_000);
    assert.equal(
      loadConfig({ DATABASE_URL: 'postgres://db/gaceta', REDIS_URL: 'redis://cache:6379' }).pageCacheTtlMs,
      0,
    );
    assert.equal(loadConfig({ UPLOAD_LIMIT_MB: '5' }).uploadLimitBytes, 5 * 1024 * 1024);
  });

  it('reads several Varnish addresses to purge, separated by commas', () => {
    assert.deepEqual(loadConfig({}).varnishPurgeUrls, []);
    assert.deepEqual(
      loadConfig({ VARNISH_PURGE_URL: 'http://10.0.0.5:6081, http://10.0.0.6:6081/' }).varnishPurgeUrls,
      ['http://10.0.0.5:6081', 'http://10.0.0.6:6081/'],
    );
  });

  it('sends mail through SMTP_URL from MAIL_FROM, and logs it without SMTP_URL', () => {
    const none = loadConfig({ PUBLIC_URL: 'https://news.example' });
    assert.equal(none.smtpUrl, undefined, 'mail goes to the log');
    assert.equal(none.mailFrom, 'no-reply@news.example');
    const smtp = loadConfig({
      SMTP_URL: 'smtp://user:secret@mail.example:587',
      MAIL_FROM: 'The Gazette <desk@news.example>',
    });
    assert.equal(smtp.smtpUrl, 'smtp://user:secret@mail.example:587');
    assert.equal(smtp.mailFrom, 'The Gazette <desk@news.example>');
    assert.throws(
      () => loadConfig({ SMTP_URL: 'http://user:secret@mail.example' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('secret'),
      'the password in a wrong SMTP_URL is not repeated',
    );
  });

  it('takes Stripe keys and another API address from the environment, and runs without them', () => {
    const none = loadConfig({});
    assert.equal(none.stripeSecretKey, undefined);
    const stripe = loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_API_URL: 'http://127.0.0.1:12111/',
    });
    assert.equal(stripe.stripeSecretKey, 'sk_test_abc');
    assert.equal(stripe.stripeWebhookSecret, 'whsec_abc');
    assert.equal(stripe.stripeApiUrl, 'http://127.0.0.1:12111');
    assert.throws(
      () => loadConfig({ STRIPE_SECRET_KEY: 'pk_live_oops' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('oops'),
      'a wrong key is not repeated',
    );
  });

  it('refuses bad values with an error that names the variable', () => {
    for (const [name, value] of [
      ['UPLOAD_LIMIT_MB', 'lots'],
      ['UPLOAD_LIMIT_MB', '0'],
      ['PORT', '-1'],
      ['DATABASE_URL', 'mysql://db'],
      ['REDIS_URL', 'cache:6379'],
      ['PUBLIC_URL', 'ftp://x'],
      ['VARNISH_PURGE_URL', 'varnish:6081'],
      ['VARNISH_PURGE_URL', 'http://one:6081,two'],
      ['DATABASE_POOL_SIZE', '0'],
      ['DATABASE_POOL_SIZE', 'ten'],
      ['SMTP_URL', 'mail.example:587'],
      ['SMTP_URL', 'https://mail.example'],
      ['MAIL_FROM', 'newsroom'],
      ['MAIL_FROM', 'Gaceta <newsroom>'],
      ['STRIPE_SECRET_KEY', 'pk_test_123'],
      ['STRIPE_WEBHOOK_SECRET', 'secret'],
      ['STRIPE_API_URL', 'localhost:12111'],
    ] as const) {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) => error instanceof ConfigError && error.message.includes(name),
        `${name}=${value}`,
      );
    }
  });
});
