import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ArticleDocument, documentProblems } from './document.ts';

const ID = '0190b3c4-1234-7abc-8def-0123456789ab';
const doc = (content: unknown[]): unknown => ({ type: 'doc', version: 1, content });

describe('documentProblems', () => {
  it('accepts every block type, ids included', () => {
    const valid: ArticleDocument = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }, { type: 'break' }] },
        { type: 'image', imageId: ID, caption: '' },
        { type: 'related', articleId: ID },
        { type: 'embed', html: '<p>x</p>' },
        { type: 'divider' },
      ],
    };
    assert.equal(documentProblems(valid), null);
  });

  it('refuses an id that is not a UUID and says where', () => {
    assert.equal(
      documentProblems(doc([{ type: 'related', articleId: 'not-an-id' }])),
      '/content/0: Expected union value',
    );
    assert.notEqual(documentProblems(doc([{ type: 'image', imageId: '' }])), null);
  });
});
