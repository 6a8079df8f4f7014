import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startRouter } from './App.tsx';
import { earlyAnswersIn } from './api/early.ts';
import './styles/app.css';

// The first render waits for the first page's code and the answers the boot script asked for, at most this long
// after the app's code has run: see startRouter.
const FIRST_RENDER_WAIT_MS = 400;

const { router, ready } = startRouter();
const capped = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
void Promise.race([Promise.all([ready, earlyAnswersIn()]), capped]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  ),
);
