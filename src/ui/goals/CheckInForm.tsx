// "Where I am now": one field per archetype, named by it, taking "70", "70-80" or "70–80", and an
// optional date. Used by the popup's goal form and the review page's goal view, so both read the
// same rules (src/shared/check-in.ts) and say the same things.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ARCHETYPES } from '../../shared/archetypes';
import {
  checkInFormOf,
  parseCheckInForm,
  type CheckInDraft,
  type CheckInForm as Form,
} from '../../shared/check-in';
import { isoDay } from '../../shared/markdown';

interface Props {
  /** Distinguishes several forms on one page (field ids). */
  idPrefix: string;
  initial?: CheckInDraft;
  submitLabel?: string;
  onSubmit: (draft: CheckInDraft) => Promise<unknown>;
  onCancel?: () => void;
  /** Shown inside the group under its hint, e.g. the latest check-in. */
  note?: ComponentChildren;
}

export const blankCheckIn = (): Form => ({
  date: '',
  shares: Object.fromEntries(ARCHETYPES.map((a) => [a.id, ''])),
});

interface FieldsProps {
  idPrefix: string;
  form: Form;
  onChange: (form: Form) => void;
  error: string | null;
  note?: ComponentChildren;
}

/** The hint, one field per archetype and the date: inside the check-in's own form, or a goal's. */
export function CheckInFields({ idPrefix, form, onChange, error, note }: FieldsProps) {
  const errorId = `${idPrefix}-checkin-error`;
  const setForm = onChange;
  return (
    <>
      <p class="muted hint" id={`${idPrefix}-checkin-hint`}>
        Your current mix of work, in percents adding up to 100. Unsure? Give a range like 70–80: it
        counts by its midpoint.
      </p>
      {note}
      <div class="check-in-fields">
        {ARCHETYPES.map((a) => (
          <label key={a.id} class="field">
            <span>{a.name}</span>
            <input
              inputMode="numeric"
              size={6}
              name={`${idPrefix}-now-${a.id}`}
              value={form.shares[a.id] ?? ''}
              aria-describedby={`${idPrefix}-checkin-hint${error ? ` ${errorId}` : ''}`}
              aria-invalid={error !== null}
              onInput={(e) =>
                setForm({ ...form, shares: { ...form.shares, [a.id]: e.currentTarget.value } })
              }
            />
          </label>
        ))}
        <label class="field">
          <span>Date (optional)</span>
          <input
            type="date"
            name={`${idPrefix}-checkin-date`}
            value={form.date}
            onInput={(e) => setForm({ ...form, date: e.currentTarget.value })}
          />
        </label>
      </div>
      {error && (
        <p class="form-error" role="alert" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
}

export function CheckInForm({
  idPrefix,
  initial,
  submitLabel = 'Check in',
  onSubmit,
  onCancel,
  note,
}: Props) {
  const [form, setForm] = useState<Form>(() => (initial ? checkInFormOf(initial) : blankCheckIn()));
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseCheckInForm(form, isoDay(Date.now()));
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    onSubmit(parsed.draft).then(
      () => {
        if (!initial) setForm(blankCheckIn());
      },
      (e: unknown) => setError(`Could not save: ${String(e)}`),
    );
  };
  return (
    <form class="check-in-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Where I am now</legend>
        <CheckInFields
          idPrefix={idPrefix}
          form={form}
          onChange={setForm}
          error={error}
          note={note}
        />
        <div class="actions">
          <button type="submit" class="primary">
            {submitLabel}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
