/**
 * Keeps a form's work: a draft in the browser while it differs from where it started, and a question before an
 * in-app navigation (React Router's blocker) or a reload or closed tab (beforeunload) would leave it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router-dom';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { sameForm, type FormState } from '../../components/activity-form-model.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { readDraft, removeDraft, writeDraft, type Draft } from './draft-storage.ts';

export function useFormDraft(key: string | null, pristine: FormState | null, version?: number) {
  const { t } = useI18n();
  // A draft left from before is offered first; until the user decides, nothing overwrites it.
  const [offer, setOffer] = useState<Draft | null>(() => (key ? readDraft(key) : null));
  const [current, setCurrent] = useState<FormState | null>(null);
  const dirty = current !== null && pristine !== null && !sameForm(current, pristine);
  // Read by the blocker at the moment of navigating: a save or delete that navigates right away clears it first.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    if (!key || offer || current === null) return;
    if (dirty) writeDraft(key, current, version);
    else removeDraft(key);
  }, [key, offer, current, dirty, version]);

  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirtyRef.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));

  /** After a save (or a delete): the work is kept, nothing is left to ask about. */
  const settle = useCallback(() => {
    dirtyRef.current = false;
    setCurrent(null);
    if (key) removeDraft(key);
  }, [key]);

  const guard = (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={t.form.leave.title}
      text={t.form.leave.text}
      confirmLabel={t.form.leave.leave}
      cancelLabel={t.form.leave.stay}
      onCancel={() => blocker.reset?.()}
      onConfirm={() => blocker.proceed?.()}
    />
  );

  return {
    /** A draft from before, not yet resumed or discarded. */
    offer,
    resume: () => {
      const d = offer;
      setOffer(null);
      return d;
    },
    discard: () => {
      if (key) removeDraft(key);
      setOffer(null);
    },
    /** The form's state as it changes (ActivityForm's onChange). */
    track: setCurrent,
    dirty,
    settle,
    guard,
  };
}
