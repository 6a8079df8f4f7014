export * from './dates.ts';
export * from './goal-frameworks.ts';
export * from './rounding.ts';
export * from './goal-names.ts';
