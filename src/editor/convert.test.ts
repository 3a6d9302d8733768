import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { demoDocument } from '../cli/seed/demo-document.ts';
import { allArticles, images, pages } from '../cli/seed/demo/index.ts';
import { documentProblems } from '../content/document.ts';
import { storedDocument } from '../testing/document-arbitrary.ts';
import { normalizeDocument } from '../content/document-canonical.ts';
import { fromProseMirror, toProseMirror } from './convert.ts';
import { editorSchema } from './schema.ts';

const RUNS = { numRuns: 500 };

describe('the stored documents the properties run over', () => {
  it('are valid in the stored format', () => {
    fc.assert(
      fc.property(storedDocument, (d) => assert.equal(documentProblems(d), null)),
      RUNS,
    );
  });
});

describe('normalizeDocument', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(storedDocument, (d) => {
        const once = normalizeDocument(d);
        assert.deepEqual(normalizeDocument(once), once);
      }),
      RUNS,
    );
  });

  it('keeps documents valid', () => {
    fc.assert(
      fc.property(storedDocument, (d) => assert.equal(documentProblems(normalizeDocument(d)), null)),
      RUNS,
    );
  });
});

describe('toProseMirror', () => {
  it("gives a document valid in the editor's schema, written as ProseMirror writes it", () => {
    fc.assert(
      fc.property(storedDocument, (d) => {
        const json = toProseMirror(d);
        const node = editorSchema.nodeFromJSON(json);
        node.check();
        // Through JSON text, as the editor sends it: ProseMirror's attrs objects have no prototype.
        assert.deepEqual(JSON.parse(JSON.stringify(node.toJSON())), json);
      }),
      RUNS,
    );
  });

  it('sees only the canonical form', () => {
    fc.assert(
      fc.property(storedDocument, (d) => assert.deepEqual(toProseMirror(normalizeDocument(d)), toProseMirror(d))),
      RUNS,
    );
  });
});

describe('fromProseMirror', () => {
  it('gives back the canonical form of what went in', () => {
    fc.assert(
      fc.property(storedDocument, (d) => assert.deepEqual(fromProseMirror(toProseMirror(d)), normalizeDocument(d))),
      RUNS,
    );
  });

  it('gives a valid stored document', () => {
    fc.assert(
      fc.property(storedDocument, (d) => assert.equal(documentProblems(fromProseMirror(toProseMirror(d))), null)),
      RUNS,
    );
  });

  it('refuses JSON that is not a document of the schema', () => {
    assert.throws(() => fromProseMirror({ type: 'paragraph' }), RangeError);
    assert.throws(() => fromProseMirror({ type: 'doc', content: [{ type: 'list' }] }), RangeError);
    assert.throws(
      () => fromProseMirror({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] }),
      RangeError,
    );
    assert.throws(() => fromProseMirror({ type: 'doc', content: [{ type: 'image', attrs: {} }] }), RangeError);
    const markedCite = { type: 'text', text: 'x', marks: [{ type: 'bold' }] };
    const quote = { type: 'quote', content: [{ type: 'paragraph' }, { type: 'cite', content: [markedCite] }] };
    assert.throws(() => fromProseMirror({ type: 'doc', content: [quote] }), RangeError);
  });
});

describe('the demo newsroom', () => {
  // Stand-in ids: the demo bodies name images by key and articles by slug until seeded.
  const ids = (keys: string[]): Map<string, string> =>
    new Map(keys.map((key, index) => [key, `0190b3c4-0000-7000-8000-${String(index).padStart(12, '0')}`]));
  const imageIds = ids(images.map((image) => image.key));
  const articleIds = ids(allArticles.map((article) => article.slug));
  const bodies = [
    ...allArticles.map((article) => ({ name: article.slug, body: article.body })),
    ...pages.map((page) => ({ name: `page ${page.slug}`, body: page.body })),
  ];

  it('has bodies that are valid, canonical, and come back from the editor identical', () => {
    for (const { name, body } of bodies) {
      const stored = demoDocument(body, imageIds, articleIds);
      assert.equal(documentProblems(stored), null, name);
      assert.deepEqual(normalizeDocument(stored), stored, name);
      assert.deepEqual(fromProseMirror(toProseMirror(stored)), stored, name);
    }
    assert.ok(bodies.length > 20);
  });
});
