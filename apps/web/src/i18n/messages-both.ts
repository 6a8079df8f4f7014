/** Both languages at once, for tests and checks that read every message (the app loads English only when chosen). */
import { sv } from './messages.ts';
import { en } from './messages.en.ts';

export const messages = { sv, en } as const;
