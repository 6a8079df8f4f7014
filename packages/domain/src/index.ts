export * from './dates.ts';
export * from './goal-frameworks.ts';
