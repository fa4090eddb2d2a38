import { describe, expect, it } from 'vitest';
import { mysqlIdentifierProblem, quoteIdent } from '../../src/quote.js';

describe('MySQL/MariaDB identifiers', () => {
  it('quotes with backticks, doubling embedded ones; unicode of the BMP is fine', () => {
    expect(quoteIdent('my `table`')).toBe('`my ``table```');
    expect(mysqlIdentifierProblem('naïve ✓ 名前')).toBeUndefined();
  });

  it('refuses characters outside the Basic Multilingual Plane (emoji), which the servers cannot hold', () => {
    expect(mysqlIdentifierProblem('rocket 🚀')).toMatch(/Basic Multilingual Plane/);
    expect(() => quoteIdent('rocket 🚀', 'table')).toThrow(expect.objectContaining({ code: 'DUCTAPE_VALIDATION' }));
  });
});
