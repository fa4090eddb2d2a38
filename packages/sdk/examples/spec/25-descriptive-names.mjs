// Spec block 25. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { migration } from '@ductape/sdk';

// --- spec block ---
migration('add_phone_and_address_to_users')
migration('create_order_fulfillment_tables')
migration('add_composite_index_on_orders')
// --- end of spec block ---

assert.equal(migration('add_composite_index_on_orders').createIndex('orders', 'i', ['a']).build().name, 'add_composite_index_on_orders');
