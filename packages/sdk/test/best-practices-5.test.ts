import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper shared with the examples
import { blockOf, specBlocks } from '../examples/spec-blocks.mjs';

const blocks = specBlocks() as { code: string }[] | undefined;

// The server tests of every database run test/support/best-practices-5.ts: it must stay the spec's block, verbatim.
describe.skipIf(!blocks)('test/support/best-practices-5.ts', () => {
  it("holds the spec's Best Practices 5 block verbatim", () => {
    const spec = (blocks ?? []).filter((b) => b.code.includes('// Data migration (separate operation)'));
    expect(spec).toHaveLength(1);
    const ours = blockOf(fileURLToPath(new URL('./support/best-practices-5.ts', import.meta.url))) as string;
    const dedented = ours
      .split('\n')
      .map((line) => line.replace(/^ {2}/, ''))
      .join('\n');
    expect(dedented).toBe(spec[0]?.code);
  });
});
