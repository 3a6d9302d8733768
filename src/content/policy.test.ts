import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canStaff, type StaffAction } from '../staff/policy.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import { can, type ContentAction, type PolicyArticle } from './policy.ts';

const ROLES: StaffRole[] = ['contributor', 'author', 'editor', 'admin'];
const me = 'staff-me';
const ownDraft: PolicyArticle = { createdBy: me, status: 'draft' };
const ownPublished: PolicyArticle = { createdBy: me, status: 'published' };
const othersDraft: PolicyArticle = { createdBy: 'someone-else', status: 'draft' };
const othersPublished: PolicyArticle = { createdBy: 'someone-else', status: 'published' };

// Y = allowed, . = refused; columns are contributor, author, editor, admin.
const CONTENT_TABLE: Array<[ContentAction, PolicyArticle | undefined, string]> = [
  ['article.create', undefined, 'YYYY'],
  ['article.read', othersDraft, 'YYYY'],
  ['article.edit', ownDraft, 'YYYY'],
  ['article.edit', ownPublished, '.YYY'],
  ['article.edit', othersDraft, '..YY'],
  ['article.edit', othersPublished, '..YY'],
  ['article.publish', ownDraft, '.YYY'],
  ['article.publish', othersDraft, '..YY'],
  ['article.unpublish', ownPublished, '.YYY'],
  ['article.unpublish', othersPublished, '..YY'],
  ['article.correct', ownPublished, '.YYY'],
  ['article.correct', othersPublished, '..YY'],
  ['media.upload', undefined, 'YYYY'],
  ['media.edit', { createdBy: me, status: 'draft' }, 'YYYY'],
  ['media.edit', { createdBy: 'someone-else', status: 'draft' }, '..YY'],
  ['taxonomy.manage', undefined, '..YY'],
  ['page.manage', undefined, '..YY'],
  ['redirect.manage', undefined, '..YY'],
  ['frontPage.manage', undefined, '..YY'],
];

const STAFF_TABLE: Array<[StaffAction, string]> = [
  ['staff.manage', '...Y'],
  ['settings.manage', '...Y'],
  ['apiKey.manageOwn', 'YYYY'],
];

describe('policies: every role against every action', () => {
  for (const [action, article, expected] of CONTENT_TABLE) {
    const what = article ? `${article.createdBy === me ? 'own' : "another's"} ${article.status}` : '';
    it(`${action} ${what}: ${expected}`, () => {
      const actual = ROLES.map((role) => (can({ id: me, role }, action, article) ? 'Y' : '.')).join('');
      assert.equal(actual, expected);
    });
  }
  for (const [action, expected] of STAFF_TABLE) {
    it(`${action}: ${expected}`, () => {
      assert.equal(ROLES.map((role) => (canStaff({ role }, action) ? 'Y' : '.')).join(''), expected);
    });
  }
});
