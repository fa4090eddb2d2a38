/**
 * The builder chain of the promote tests' first migration: two tables with a decimal, an enum, a
 * serial key, a default, an index and a foreign key, so an introspection compare has much to see.
 * @example p.migration('20240401_000000_create_shop', SHOP_SCHEMA);
 */
export const SHOP_SCHEMA = `.createCollection('products', { id: { type: 'uuid', primaryKey: true }, name: { type: 'string', length: 120, required: true }, price: { type: 'decimal', precision: 10, scale: 2 }, kind: { type: 'enum', enumValues: ['a', 'b'] } })
  .createCollection('orders', { id: { type: 'integer', primaryKey: true, autoIncrement: true }, product_id: { type: 'uuid', required: true }, at: { type: 'timestamp', default: { $fn: 'now' } } })
  .createIndex('orders', 'idx_orders_product', ['product_id'])
  .addConstraint('orders', { name: 'fk_orders_product', type: 'foreignKey', columns: ['product_id'], references: { table: 'products', columns: ['id'], onDelete: 'CASCADE' } })`;
