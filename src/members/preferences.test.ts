import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { signedInMember } from '../testing/member-browser.ts';
import { memberPreferences } from './preferences.ts';

describe(`a member's mail choices on the account page on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const ticked = (body: string) =>
    parse(body)
      .querySelectorAll('form[action="/account/preferences"] input[type="checkbox"]')
      .map((box) => [box.getAttribute('name'), box.hasAttribute('checked')]);

  it('starts without the newsletter and with replies, saves what is ticked, and keeps it in the data download', async () => {
    const { reader, memberId } = await signedInMember(t, 'choices@example.com');
    assert.deepEqual(ticked((await reader.get('/account')).body), [
      ['newsletter', false],
      ['commentReplies', true],
    ]);
    const saved = await reader.submit('/account', '/account/preferences', { newsletter: 'on' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/account?done=preferences');
    const page = await reader.get('/account?done=preferences');
    assert.match(page.body, /Your choices are saved\./);
    assert.deepEqual(ticked(page.body), [
      ['newsletter', true],
      ['commentReplies', false],
    ]);
    assert.deepEqual(await memberPreferences(t.database.handle.db, memberId), {
      newsletter: true,
      commentReplies: false,
    });
    // Saving again changes the same row.
    await reader.submit('/account', '/account/preferences', { commentReplies: 'on' });
    assert.deepEqual(await memberPreferences(t.database.handle.db, memberId), {
      newsletter: false,
      commentReplies: true,
    });
    const data = JSON.parse((await reader.get('/account/data')).body) as { preferences: unknown };
    assert.deepEqual(data.preferences, { newsletter: false, commentReplies: true });
  });

  it('refuses a form without this browser’s token and changes nothing', async () => {
    const { reader, memberId } = await signedInMember(t, 'forged-choices@example.com');
    const forged = await reader.request('POST', '/account/preferences', { csrf: 'forged', newsletter: 'on' });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(await memberPreferences(t.database.handle.db, memberId), {
      newsletter: false,
      commentReplies: true,
    });
  });

  it('goes with the account when it is deleted', async () => {
    const { reader, memberId } = await signedInMember(t, 'leaving@example.com');
    await reader.submit('/account', '/account/preferences', { newsletter: 'on' });
    assert.equal(
      (await reader.submit('/account', '/account/delete', { confirm: 'leaving@example.com' })).statusCode,
      200,
    );
    const rows = await t.database.handle.db
      .selectFrom('member_preferences')
      .select('member_id')
      .where('member_id', '=', memberId)
      .execute();
    assert.deepEqual(rows, []);
  });
});
