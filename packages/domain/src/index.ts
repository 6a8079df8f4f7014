export * from './dates.ts';
export * from './goal-frameworks.ts';
export * from './plan-progress.ts';
export * from './rounding.ts';
export * from './goal-names.ts';
