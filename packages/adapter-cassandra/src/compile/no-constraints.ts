/** Why Cassandra refuses addConstraint and dropConstraint. */
export const NO_CONSTRAINTS = 'Cassandra has no foreign key, check or unique constraints, and its primary key is fixed when the table is created';
