// The whole schema, for drizzle's relational queries and drizzle-kit.
export * from './reference';
export * from './users';
export * from './organisations';
export * from './audit';
export * from './meta';
