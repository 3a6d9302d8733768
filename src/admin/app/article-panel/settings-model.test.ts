import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedSettings, moved, settingsOf, slugFollows } from './settings-model.ts';

describe('what a save sends of the settings', () => {
  const server = { ...settingsOf({ dek: 'Old dek', authorIds: ['a', 'b'] }), slug: 'wells-run-dry' };

  it('sends only the settings that differ from the server’s', () => {
    const mine = { ...server, dek: 'New dek', authorIds: ['b', 'a'] };
    assert.deepEqual(changedSettings(mine, server, 'Wells run dry', false), { dek: 'New dek', authorIds: ['b', 'a'] });
    assert.deepEqual(changedSettings(server, server, 'Wells run dry', false), {});
  });

  it('lets the slug follow the headline until it is set by hand', () => {
    assert.deepEqual(changedSettings(server, server, 'Wells run dry again', true), { slug: 'wells-run-dry-again' });
    assert.deepEqual(changedSettings({ ...server, slug: 'my-own' }, server, 'Wells run dry again', false), {
      slug: 'my-own',
    });
  });

  it('never sends an empty slug or an unchanged access level', () => {
    const fresh = settingsOf(undefined);
    assert.deepEqual(changedSettings(fresh, undefined, '', true), {});
    assert.deepEqual(changedSettings({ ...fresh, access: 'paid' }, undefined, '', false), { access: 'paid' });
  });

  it('knows when a slug still follows the headline', () => {
    assert.equal(slugFollows(undefined), true);
    assert.equal(slugFollows({ headline: 'Wells run dry', slug: 'wells-run-dry', status: 'draft' }), true);
    assert.equal(slugFollows({ headline: 'Wells run dry', slug: 'wells', status: 'draft' }), false);
    assert.equal(slugFollows({ headline: 'Wells run dry', slug: 'wells-run-dry', status: 'published' }), false);
  });

  it('moves a byline name up and down, and not past either end', () => {
    assert.deepEqual(moved(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
    assert.deepEqual(moved(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
    assert.deepEqual(moved(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
  });
});
