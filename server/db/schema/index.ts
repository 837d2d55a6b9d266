// The whole schema, for drizzle's relational queries and drizzle-kit.
export * from './reference';
export * from './users';
export * from './organisations';
export * from './audit';
export * from './meta';
export * from './events';
export * from './notifications';
export * from './forums';
export * from './premises';
export * from './grants';
