import { configure } from '@testing-library/react';
import { beforeAll } from 'vitest';
import { loadMessages } from '../i18n/messages.ts';

// Every page is a lazy route, and vitest transforms a page's module on its first import: on a loaded machine
// (the suite shares two cores with other runs) that alone outlasts testing-library's 1 s wait for an element.
configure({ asyncUtilTimeout: 5_000 });

// English is a chunk of its own that the app fetches when it is chosen (i18n/messages.ts); the tests that switch
// language expect it at once.
beforeAll(async () => {
  await loadMessages('en');
});
