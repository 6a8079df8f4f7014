import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startRouter } from './App.tsx';
import './styles/app.css';

// The first render waits (a little) for the first page's code: see startRouter.
const { router, ready } = startRouter(400);
void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  ),
);
