/** The column an index covers and how (`values`, `keys`, `entries`, `full`; none for a plain column). */
export interface IndexTarget {
  readonly column: string;
  readonly fn?: string;
}

/**
 * Reads system_schema.indexes' `target` option.
 * @example parseIndexTarget('values(tags)') // { column: 'tags', fn: 'values' }
 * parseIndexTarget('"Odd ""name"""') // { column: 'Odd "name"' }
 */
export function parseIndexTarget(target: string): IndexTarget {
  const m = /^(values|keys|entries|full)\((.*)\)$/.exec(target);
  const inner = m?.[2] ?? target;
  const column = inner.startsWith('"') && inner.endsWith('"') ? inner.slice(1, -1).replace(/""/g, '"') : inner;
  return m ? { column, fn: m[1] as string } : { column };
}

/**
 * True when system_schema.indexes' `class_name` option names a storage-attached index.
 * @example isSaiClass('sai') // true
 */
export function isSaiClass(className: string | undefined): boolean {
  return className !== undefined && (className.toLowerCase() === 'sai' || className.endsWith('StorageAttachedIndex'));
}
