import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { addPrice } from '../../../billing/tiers.service.ts';
import { ensureMember } from '../../../members/members.service.ts';
import { saveSubscriptionState } from '../../../members/subscription-mirror.ts';
import { SYSTEM } from '../../../staff/actor.ts';
import type { StaffActor } from '../../../staff/staff.service.ts';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeStaff, makeTier } from '../../../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { openWebApp } from '../../../testing/web-app.ts';

describe('the members screens in a real browser, in English and Spanish', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let editor: StaffActor;
  const ids = new Map<string, string>();

  async function member(email: string, name: string, day: string): Promise<void> {
    const db = t.database.handle.db;
    const made = await ensureMember(db, { email, normalized: email, name });
    ids.set(email, made.id);
    await db
      .updateTable('members')
      .set({ created_at: `${day}T12:00:00.000Z` })
      .where('id', '=', made.id)
      .execute();
  }
  const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  before(async () => {
    t = await startTestApp();
    editor = await makeStaff(t, 'editor');
    await member('ana@example.com', 'Ana Ruiz', '2025-01-10');
    await member('bruno@example.com', 'Bruno Díaz', '2025-06-01');
    await member('carla@example.com', 'Carla Gómez', '2025-07-01');
    ({ base } = await listenOnLoopback(t));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('finds a member, gives and removes complimentary access, exports and imports', async () => {
    const { context, page } = await openWebApp(browser, base, editor, '/admin/members', 'Members');
    await page.getByRole('status').filter({ hasText: 'Members found: 3' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'members screen');
    await screenshot(page, 'members-list.png');

    await page.getByLabel('Email or name').fill('BRUNO');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Members found: 1' }).waitFor();
    assert.equal(new URL(page.url()).search, '?q=BRUNO', 'the search is in the address');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByLabel('Signed up on or after').fill('2025-05-01');
    await page.getByRole('status').filter({ hasText: 'Members found: 2' }).waitFor();
    await page.getByLabel('Access').selectOption({ label: 'Complimentary' });
    await page.getByText('No members match.').waitFor();
    await page.getByLabel('Access').selectOption({ label: 'Any' });
    await page.getByRole('status').filter({ hasText: 'Members found: 2' }).waitFor();

    await page.getByRole('link', { name: 'bruno@example.com' }).click();
    await page.getByRole('heading', { name: 'bruno@example.com', level: 1 }).waitFor();
    await page.getByText('No complimentary access or gift is running.').waitFor();
    const nextYear = new Date().getUTCFullYear() + 1;
    await page.getByLabel('Last day').fill('2000-01-01');
    await page.getByRole('button', { name: 'Give access' }).click();
    await page.locator('#grant-ends-error').filter({ hasText: 'Choose a day after today.' }).waitFor();
    await page.getByLabel('Last day').fill(`${nextYear}-12-31`);
    await page.getByLabel('Note (optional)').fill('Source for the water series');
    await page.getByRole('button', { name: 'Give access' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Complimentary access until .+ was given\.$/ })
      .waitFor();
    const grants = page.getByRole('table', { name: 'Complimentary access and gifts running' });
    await grants.getByRole('cell', { name: 'Source for the water series' }).waitFor();
    await grants.getByRole('cell', { name: 'Complimentary (every tier)' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: `Given complimentary access until` })
      .filter({ hasText: `by ${editor.name}. Note: Source for the water series` })
      .waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Signed up' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'a member’s screen with complimentary access');
    await screenshot(page, 'members-member.png');

    await grants.getByRole('button', { name: /^Remove / }).click();
    await page
      .getByRole('dialog', { name: /^Remove the complimentary access until/ })
      .getByRole('button', { name: 'Remove' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: /^The complimentary access until .+ was removed\.$/ })
      .waitFor();
    await page.getByText('No complimentary access or gift is running.').waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: `Complimentary access removed by ${editor.name}` })
      .waitFor();

    await page.getByRole('link', { name: 'All members' }).click();
    await page.getByLabel('Signed up on or before').fill('2025-06-01');
    await page.getByRole('status').filter({ hasText: 'Members found: 2' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export these members as CSV' }).click(),
    ]);
    const exported = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
    assert.equal(exported[0], 'email,name,created_at,access,complimentary_until,gift_until,signed_up_from');
    assert.deepEqual(
      exported.slice(1).map((line) => line.split(',')[0]),
      ['bruno@example.com', 'ana@example.com', ''],
      'the export has the filters of the screen',
    );

    const file = 'email,name,complimentary_until\r\nnueva@example.com,Nueva Lectora,\r\nnot-an-address,Nobody,\r\n';
    await page.getByLabel('CSV file').setInputFiles(csv('readers.csv', file));
    await page.getByRole('button', { name: 'Import' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Rows read: 2. New members: 1. Changed: 0. Already there: 0. Not imported: 1.' })
      .waitFor();
    const refused = page.getByRole('table', { name: 'Rows not imported' });
    await refused.getByRole('row', { name: '3 not-an-address The email address is not valid.' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'members screen with an import report');
    await screenshot(page, 'members-import.png');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').filter({ hasText: 'Nothing new was imported' }).waitFor();
    await page.getByLabel('CSV file').setInputFiles(csv('broken.csv', 'email,name\r\nx@example.com,"open\r\n'));
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('alert').filter({ hasText: 'near line 2' }).waitFor();
    await context.close();
  });

  it('speaks Spanish to a Spanish-speaking editor: the list, the import report and the history', async () => {
    const colega = await makeStaff(t, 'editor');
    await t.database.handle.db.updateTable('staff').set({ locale: 'es' }).where('id', '=', colega.id).execute();
    const { context, page } = await openWebApp(browser, base, colega, '/admin/members', 'Miembros');
    await page
      .getByRole('status')
      .filter({ hasText: /^Miembros encontrados: \d+$/ })
      .waitFor();
    assert.deepEqual(await axeViolations(page), [], 'members screen in Spanish');
    await page.getByLabel('Archivo CSV').setInputFiles(csv('lectores.csv', 'email\r\nsin-arroba\r\n'));
    await page.getByRole('button', { name: 'Importar' }).click();
    await page.getByRole('table', { name: 'Filas sin importar' }).getByText('El correo no es válido.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'an import report in Spanish');
    await page.getByRole('link', { name: 'ana@example.com' }).click();
    await page.getByRole('heading', { name: 'ana@example.com', level: 1 }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Se dio de alta' }).waitFor();
    await page.getByText('No hay acceso de cortesía ni regalo vigente.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'a member’s screen in Spanish');
    await context.close();
  });
  it('narrows the list to the subscribers of a tier and a currency, in the address and the export', async () => {
    const db = t.database.handle.db;
    const deps = { db, invalidation: t.invalidation, stripe: undefined };
    const supporter = await makeTier(t, 'Supporter');
    await makeTier(t, 'Patron');
    await addPrice(deps, SYSTEM.seed, supporter, { currency: 'usd', interval: 'month', amount: 500 });
    await addPrice(deps, SYSTEM.seed, supporter, { currency: 'mxn', interval: 'month', amount: 9000 });
    const subscribe = (email: string, currency: string) =>
      saveSubscriptionState(db, {
        stripeSubscriptionId: `sub_${email}`,
        memberId: ids.get(email) ?? '',
        tierId: supporter,
        tierName: 'Supporter',
        status: 'active',
        cancelAtPeriodEnd: false,
        currentPeriodEnd: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
        trialEnd: null,
        canceledAt: null,
        endedAt: null,
        amount: currency === 'usd' ? 500 : 9000,
        currency,
        interval: 'month',
        observedAt: new Date().toISOString(),
      });
    await subscribe('ana@example.com', 'usd');
    await subscribe('bruno@example.com', 'mxn');

    const { context, page } = await openWebApp(browser, base, editor, '/admin/members', 'Members');
    // Other tests of this file added members: before and after the filters, any count will do.
    const found = (count: number | string) =>
      page
        .getByRole('status')
        .filter({ hasText: new RegExp(`^Members found: ${count}$`) })
        .waitFor();
    await found('\\d+');
    await page.getByLabel('Subscribed to').selectOption({ label: 'Supporter' });
    await found(2);
    await page.getByLabel('Paying in').selectOption({ label: 'MXN' });
    await found(1);
    await page.getByRole('link', { name: 'bruno@example.com' }).waitFor();
    const address = new URL(page.url()).searchParams;
    assert.deepEqual(
      [address.get('tier'), address.get('currency')],
      [supporter, 'mxn'],
      'the filters are in the address',
    );
    const exported = new URL(
      (await page.getByRole('link', { name: 'Export these members as CSV' }).getAttribute('href')) ?? '',
      base,
    ).searchParams;
    assert.deepEqual([exported.get('tier'), exported.get('currency')], [supporter, 'mxn'], 'the export takes them too');
    assert.deepEqual(await axeViolations(page), [], 'members screen with the subscription filters');

    await page.reload();
    await found(1);
    assert.equal(await page.getByLabel('Paying in').inputValue(), 'mxn', 'a reload keeps the choice');
    await page.getByLabel('Subscribed to').selectOption({ label: 'Patron' });
    await page.getByText('No members match.').waitFor();
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await found('\\d+');
    assert.equal(new URL(page.url()).search, '');
    await context.close();
  });
});
