import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { makeStaff, pngBytes, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

interface Operation {
  summary?: string;
  requestBody?: { required?: boolean; content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

function multipart(file: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gaceta-openapi-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA red square\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="red.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the OpenAPI document of the admin API tells the truth', () => {
  let t: TestApp;
  let doc: Document;
  let editor: Record<string, string>;
  const operation = (path: string, method: string): Operation => {
    const found = doc.paths[`/admin/api${path}`]?.[method];
    assert.ok(found, `${method.toUpperCase()} ${path} is documented`);
    return found;
  };

  before(async () => {
    t = await startTestApp();
    editor = await signIn(t, await makeStaff(t, 'editor'));
    const response = await t.app.inject('/admin/api/openapi.json');
    assert.equal(response.statusCode, 200);
    doc = response.json();
  });
  after(() => t.close());

  it('is a valid OpenAPI 3.1 document by the official schema', async () => {
    assert.match(doc.openapi, /^3\.1\./);
    const result = await new Validator().validate(doc as never);
    assert.deepEqual(result.errors ?? [], [], 'no validation errors');
    assert.equal(result.valid, true);
  });

  it('documents the image upload: a multipart body with the file, and a 201 that is what the route answers', async () => {
    const upload = operation('/media/images', 'post');
    const form = upload.requestBody?.content['multipart/form-data']?.schema;
    assert.ok(form, 'a multipart/form-data request body');
    assert.deepEqual(Object.keys(form.properties ?? {}).sort(), ['alt', 'caption', 'credit', 'file']);
    assert.deepEqual(
      Object.keys(upload.responses).filter((status) => status.startsWith('2')),
      ['201'],
      'the success answer is 201 (and no 200)',
    );
    assert.ok(upload.responses['422'], 'an unreadable image is documented');

    const { payload, headers } = multipart(await pngBytes(64, 48));
    const answered = await t.app.inject({
      method: 'POST',
      url: '/admin/api/media/images',
      headers: { ...editor, ...headers },
      payload,
    });
    assert.equal(answered.statusCode, 201, answered.body);
    assert.equal(answered.json().alt, 'A red square');
    assert.ok(upload.responses[String(answered.statusCode)]);
  });

  it('says "an author", not "a author"', () => {
    assert.equal(operation('/authors', 'post').summary, 'Create an author');
    assert.equal(operation('/sections', 'post').summary, 'Create a section');
    const summaries = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.summary ?? ''));
    assert.deepEqual(
      summaries.filter((summary) => /\ba [aeiou]/i.test(summary)),
      [],
    );
  });

  it('documents what each route really answers on success: 201 for creations, 204 for deletions', () => {
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations)) {
        const success = Object.keys(op.responses).filter((status) => status.startsWith('2'));
        assert.equal(success.length, 1, `${method} ${path} documents one success answer`);
        if (method === 'delete') assert.deepEqual(success, ['204'], `${method} ${path}`);
      }
    for (const path of ['/articles', '/sections', '/authors', '/pages', '/redirects', '/staff', '/api-keys'])
      assert.ok(operation(path, 'post').responses['201'], `POST ${path} answers 201`);
    assert.ok(operation('/articles/{id}/corrections', 'post').responses['201']);
  });

  describe('publish takes no body', () => {
    const draft = async (): Promise<string> =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/admin/api/articles',
          headers: editor,
          payload: { headline: 'Now' },
        })
      ).json().id;

    it('is documented with an optional body', () => {
      assert.equal(operation('/articles/{id}/publish', 'post').requestBody?.required, false);
    });

    it('publishes now when the request has no body and no content type', async () => {
      const id = await draft();
      const response = await t.app.inject({
        method: 'POST',
        url: `/admin/api/articles/${id}/publish`,
        headers: editor,
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().status, 'published');
    });

    it('publishes now when a JSON content type comes with an empty body', async () => {
      const id = await draft();
      const response = await t.app.inject({
        method: 'POST',
        url: `/admin/api/articles/${id}/publish`,
        headers: { ...editor, 'content-type': 'application/json' },
        payload: '',
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().status, 'published');
    });

    it('still schedules with a JSON body, and still refuses a malformed one', async () => {
      const id = await draft();
      const publishAt = new Date(Date.now() + 3600_000).toISOString();
      const scheduled = await t.app.inject({
        method: 'POST',
        url: `/admin/api/articles/${id}/publish`,
        headers: editor,
        payload: { publishAt },
      });
      assert.equal(scheduled.statusCode, 200, scheduled.body);
      assert.equal(scheduled.json().status, 'scheduled');
      const malformed = await t.app.inject({
        method: 'POST',
        url: `/admin/api/articles/${id}/publish`,
        headers: { ...editor, 'content-type': 'application/json' },
        payload: '{"publishAt": ',
      });
      assert.equal(malformed.statusCode, 400);
      const unknownField = await t.app.inject({
        method: 'POST',
        url: `/admin/api/articles/${id}/publish`,
        headers: editor,
        payload: { when: 'now' },
      });
      assert.equal(unknownField.statusCode, 400);
    });
  });
});
