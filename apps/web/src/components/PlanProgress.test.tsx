import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { PlanProgress, PlanStatusBadge } from './PlanProgress.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';

afterEach(cleanup);

const base = { title: 'Fältkurs', lastActivityDate: null, flagged: false, asOf: '2018-06-30' };

function renderSv(ui: ReactNode) {
  localStorage.setItem('fou.lang', 'sv');
  return render(<I18nProvider>{ui}</I18nProvider>);
}

describe('plan item progress', () => {
  it('shows the count against the target as text and as a progressbar value', () => {
    renderSv(<PlanProgress {...base} activityCount={3} targetCount={4} lastActivityDate="2018-05-14" />);
    const bar = screen.getByRole('progressbar', { name: 'Framsteg för Fältkurs' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(bar.getAttribute('aria-valuemax')).toBe('4');
    expect(bar.getAttribute('aria-valuetext')).toBe('3 av 4');
    expect(screen.getByText('3 av 4')).toBeTruthy();
    expect(screen.getByText(/Senast 2018-05-14/)).toBeTruthy();
    expect(screen.queryByText(/Flaggad/)).toBeNull();
  });

  it('keeps the true count in the text when the target is passed, and fills the bar no further than full', () => {
    renderSv(<PlanProgress {...base} activityCount={6} targetCount={4} />);
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    expect(screen.getByText('6 av 4')).toBeTruthy();
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('100%');
  });

  it('without a target shows the count alone and no bar', () => {
    renderSv(<PlanProgress {...base} activityCount={2} targetCount={null} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('2 aktiviteter')).toBeTruthy();
    expect(screen.getByText(/Planen anger inget antal/)).toBeTruthy();
  });

  it('marks a flagged item in words, not colour alone', () => {
    renderSv(<PlanProgress {...base} activityCount={0} targetCount={2} flagged />);
    expect(screen.getByText('Flaggad för rådet: ingen aktivitet till och med 2018-06-30')).toBeTruthy();
    expect(screen.getByText('0 av 2')).toBeTruthy();
  });

  it('names every status in Swedish', () => {
    renderSv(
      <>
        {(['planerad', 'pagar', 'genomford', 'delvis_genomford', 'inte_genomford', 'framflyttad'] as const).map((s) => (
          <PlanStatusBadge key={s} status={s} />
        ))}
      </>,
    );
    for (const label of ['Planerad', 'Pågår', 'Genomförd', 'Delvis genomförd', 'Inte genomförd', 'Framflyttad']) {
      expect(screen.getByText(label)).toBeTruthy();
    }
  });
});
