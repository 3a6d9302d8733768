import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RESERVED_SLUGS, SLUG_PATTERN } from '../content/urls.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';

/** The first path segments the app answers itself, read off Fastify's route tree (its root's children). */
function firstSegments(routeTree: string): string[] {
  return routeTree
    .split('\n')
    .filter((line) => /^ {4}[├└]── /.test(line))
    .map((line) => line.replace(/^ {4}[├└]── /, '').split(/[/ ]/)[0] ?? '')
    .filter((segment) => segment !== '' && !segment.startsWith(':'));
}

describe(`reserved slugs on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('reserves every first path segment Gaceta answers, so no section or page can be hidden behind a route', () => {
    const segments = firstSegments(t.app.printRoutes({ commonPrefix: false }));
    assert.ok(
      ['corrections', 'pricing', 'contribute'].every((segment) => segments.includes(segment)),
      segments.join(' '),
    );
    // Only segments a slug could take: `feed.xml` and `favicon.ico` never match the slug pattern.
    const open = segments.filter((segment) => SLUG_PATTERN.test(segment) && !RESERVED_SLUGS.has(segment));
    assert.deepEqual(open, [], 'routes a section or static page could take');
  });
});
