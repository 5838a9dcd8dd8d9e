// Creating or editing a goal: title, why it matters, an optional target date and an optional
// target archetype mix. The running total of the mix is read out as it changes, and every
// problem is said next to its field when saving.
import { useRef, useState } from 'preact/hooks';
import { useAutofocus } from '../common/use-autofocus';
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
  onSave: (draft: GoalDraft) => Promise<boolean>;
  onCancel: () => void;
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

export function GoalForm({ initial, onSave, onCancel }: Props) {
  const [form, setForm] = useState<Form>(() => formOf(initial ?? EMPTY));
  const [errors, setErrors] = useState<GoalErrors>({});
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
    await onSave(parsed.draft);
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

  return (
    <form
      class="goal-form card"
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
        Target date <span class="muted">(optional)</span>
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
}
