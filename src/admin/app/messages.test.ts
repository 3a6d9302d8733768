import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageAreas } from './messages.ts';

describe('the web app’s message catalogues', () => {
  it('give every key in one area only, so no screen’s words are silently replaced by another’s', () => {
    const seen = new Map<string, number>();
    for (const area of messageAreas) for (const key of Object.keys(area.en)) seen.set(key, (seen.get(key) ?? 0) + 1);
    assert.deepEqual(
      [...seen].filter(([, count]) => count > 1).map(([key]) => key),
      [],
    );
  });
});
