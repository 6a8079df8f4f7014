import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startRouter } from './App.tsx';
import { earlyAnswersIn } from './api/early.ts';
import './styles/app.css';

// The first render waits for the first page's code and the answers the boot script asked for, at most this long
// after the app's code has run: see startRouter.
const FIRST_RENDER_WAIT_MS = 400;

const { router, ready } = startRouter();
const capped = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
// In a transition: React then renders the first page in slices of a few milliseconds, yielding to the browser
// between them. A plain render() is not sliced, and the whole first page (it has its data by now) was one task
// of 70 ms here, 280 ms on Lighthouse's phone, most of the page's blocking time.
void Promise.race([Promise.all([ready, earlyAnswersIn()]), capped]).then(() => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App router={router} />
      </StrictMode>,
    ),
  );
});
