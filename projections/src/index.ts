export * from './intervals.ts';
export * from './spells.ts';
export * from './bitemporal.ts';
export * from './schema.ts';
export * from './runner.ts';
export * from './metrics/catalogue.ts';
export * from './metrics/figures.ts';
export * from './reports.ts';
