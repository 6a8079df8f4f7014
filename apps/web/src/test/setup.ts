import { configure } from '@testing-library/react';

// Every page is a lazy route, and vitest transforms a page's module on its first import: on a loaded machine
// (the suite shares two cores with other runs) that alone outlasts testing-library's 1 s wait for an element.
configure({ asyncUtilTimeout: 5_000 });
