export * from './dates.ts';
export * from './goal-frameworks.ts';
export * from './permissions.ts';
export * from './personnummer.ts';
