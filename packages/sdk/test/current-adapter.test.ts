import { describe, expect, it } from 'vitest';
import { OPTIONAL_ADAPTER_METHODS } from '../src/index.js';
import { CurrentAdapter } from '../src/adapters/current-adapter.js';

describe('CurrentAdapter (what db.getAdapter() returns)', () => {
  it('forwards every optional Adapter method core knows, so an engine on it behaves as on the adapter itself', () => {
    const missing = OPTIONAL_ADAPTER_METHODS.filter((name) => typeof (CurrentAdapter.prototype as unknown as Record<string, unknown>)[name] !== 'function');
    expect(missing).toEqual([]);
  });
});
