export * from './dates.ts';
export * from './goal-frameworks.ts';
export * from './permissions.ts';
export * from './password-policy.ts';
export * from './personnummer.ts';
export * from './plan-progress.ts';
export * from './rounding.ts';
export * from './goal-names.ts';
