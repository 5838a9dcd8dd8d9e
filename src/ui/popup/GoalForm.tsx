// Creating or editing a goal: title, why it matters, an optional target date and an optional
// target archetype mix. The running total of the mix is read out as it changes, and every
// problem is said next to its field when saving. The group "Where I am now" is a check-in of the
// reader's current mix: optional in a new goal's form, saved with the goal; its own form when
// editing (a check-in is saved on its own, dated, and never waits for the goal's fields).
import { useRef, useState } from 'preact/hooks';
import { useAutofocus } from '../common/use-autofocus';
import { blankCheckIn, CheckInFields, CheckInForm } from '../goals/CheckInForm';
import {
  formatRange,
  parseCheckInForm,
  type CheckIn,
  type CheckInDraft,
  type CheckInForm as NowForm,
} from '../../shared/check-in';
import { isoDay } from '../../shared/markdown';
import { ARCHETYPES } from '../../shared/archetypes';
import {
  formOf,
  mixProblem,
  parseGoalForm,
  tallyMix,
  type GoalDraft,
  type GoalErrors,
  type GoalField,
  type GoalForm as Form,
} from '../../shared/goal-input';

interface Props {
  /** The goal being edited; a new goal when absent. */
  initial?: GoalDraft | undefined;
  /** `now`: a new goal's first check-in, when the reader gave one. */
  onSave: (draft: GoalDraft, now: CheckInDraft | null) => Promise<boolean>;
  onCancel: () => void;
  /** Offered when editing: the latest check-in, and how to add one. */
  checkIn?: {
    latest: CheckIn | null;
    onCheckIn: (draft: CheckInDraft) => Promise<unknown>;
  };
}

const EMPTY: GoalDraft = { title: '', why: '', targetDate: null, targetMix: null };

let forms = 0;

function MixTotal({ mix, id }: { mix: Form['mix']; id: string }) {
  const tally = tallyMix(mix);
  const problem = mixProblem(tally);
  if (tally.empty) {
    return (
      <p id={id} class="muted" aria-live="polite">
        Optional. When set, the shares must add up to 100 %.
      </p>
    );
  }
  return (
    <p id={id} class={problem ? 'error' : 'ok'} aria-live="polite">
      Total {tally.total} %{problem ? ` — ${problem}` : ' ✓'}
    </p>
  );
}

/** "Latest: 2026-06-01 — Solver 70–80 %, Right Hand 20–30 %". */
function LatestCheckIn({ latest }: { latest: CheckIn | null }) {
  if (!latest) return <p class="muted latest-check-in">No check-in yet.</p>;
  const shares = ARCHETYPES.filter((a) => latest.shares[a.id]).map(
    (a) => `${a.name} ${formatRange(latest.shares[a.id] ?? { low: 0, high: 0 })}`,
  );
  return (
    <p class="muted latest-check-in">
      Latest: {latest.date} — {shares.join(', ')}
    </p>
  );
}

export function GoalForm({ initial, onSave, onCancel, checkIn }: Props) {
  const [form, setForm] = useState<Form>(() => formOf(initial ?? EMPTY));
  const [errors, setErrors] = useState<GoalErrors>({});
  const [now, setNow] = useState<NowForm>(blankCheckIn);
  const [nowError, setNowError] = useState<string | null>(null);
  const [uid] = useState(() => `goal-form-${(forms += 1)}`);
  const root = useRef<HTMLFormElement>(null);
  const title = useAutofocus<HTMLInputElement>();
  const set = (field: Exclude<GoalField, 'mix'>) => (e: Event) =>
    setForm({ ...form, [field]: (e.currentTarget as HTMLInputElement).value });
  const setShare = (id: string) => (e: Event) =>
    setForm({ ...form, mix: { ...form.mix, [id]: (e.currentTarget as HTMLInputElement).value } });
  const invalid = (field: GoalField) => (errors[field] ? { 'aria-invalid': true } : {});
  const describedBy = (field: GoalField) => (errors[field] ? `${uid}-${field}-error` : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = parseGoalForm(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      // Let the error texts render, then take the reader to the first field to fix.
      setTimeout(() => root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    const checkIn = firstCheckIn();
    if (checkIn === undefined) return;
    await onSave(parsed.draft, checkIn);
  };
  /** The new goal's check-in: null when left blank, undefined when it has a problem to fix. */
  const firstCheckIn = (): CheckInDraft | null | undefined => {
    if (checkIn || Object.values(now.shares).every((share) => share.trim() === '')) return null;
    const parsed = parseCheckInForm(now, isoDay(Date.now()));
    setNowError(parsed.ok ? null : parsed.error);
    return parsed.ok ? parsed.draft : undefined;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };
  const errorText = (field: GoalField) =>
    errors[field] && (
      <p id={`${uid}-${field}-error`} class="error">
        {errors[field]}
      </p>
    );

  const goalForm = (
    <form
      class={checkIn ? 'goal-form' : 'goal-form card'}
      ref={root}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={initial ? `Edit goal ${initial.title}` : 'New goal'}
    >
      <label class="field">
        Title
        <input
          type="text"
          name="title"
          value={form.title}
          onInput={set('title')}
          ref={title}
          {...invalid('title')}
          aria-describedby={describedBy('title')}
        />
      </label>
      {errorText('title')}
      <label class="field">
        Why it matters
        <textarea
          name="why"
          rows={2}
          value={form.why}
          onInput={set('why')}
          {...invalid('why')}
          aria-describedby={describedBy('why')}
        />
      </label>
      {errorText('why')}
      <label class="field">
        {/* One grid row: the label's words stay on one line above its field. */}
        <span>
          Target date <span class="muted">(optional)</span>
        </span>
        <input
          type="date"
          name="targetDate"
          value={form.targetDate}
          onInput={set('targetDate')}
          {...invalid('targetDate')}
          aria-describedby={describedBy('targetDate')}
        />
      </label>
      {errorText('targetDate')}
      <fieldset class="mix-fields">
        <legend>Target archetype mix</legend>
        {ARCHETYPES.map((a) => (
          <label key={a.id} class="share">
            <span>{a.name}</span>
            <input
              type="text"
              inputMode="numeric"
              name={`mix-${a.id}`}
              size={3}
              value={form.mix[a.id] ?? ''}
              onInput={setShare(a.id)}
              {...invalid('mix')}
              aria-describedby={`${uid}-total`}
            />
            %
          </label>
        ))}
        <MixTotal mix={form.mix} id={`${uid}-total`} />
        {errors.mix && !mixProblem(tallyMix(form.mix)) && errorText('mix')}
      </fieldset>
      {!checkIn && (
        <div class="check-in-form">
          <fieldset>
            <legend>
              Where I am now <span class="muted">(optional)</span>
            </legend>
            <CheckInFields idPrefix={uid} form={now} onChange={setNow} error={nowError} />
          </fieldset>
        </div>
      )}
      <div class="row">
        <button type="submit" class="primary">
          {initial ? 'Save goal' : 'Create goal'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
  if (!checkIn) return goalForm;
  return (
    <div class="goal-form-group card" onKeyDown={onKeyDown}>
      {goalForm}
      <CheckInForm
        idPrefix={uid}
        onSubmit={checkIn.onCheckIn}
        note={<LatestCheckIn latest={checkIn.latest} />}
      />
    </div>
  );
}
