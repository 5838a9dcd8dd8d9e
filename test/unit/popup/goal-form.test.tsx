// @vitest-environment happy-dom
// The goal form in a DOM: the running total and what it says when the mix does not add up.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GoalDraft } from '../../../src/shared/goal-input';
import { GoalForm } from '../../../src/ui/popup/GoalForm';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const field = (name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`);
const total = () => root.querySelector('.mix-fields [aria-live]')?.textContent;

async function type(name: string, value: string) {
  const input = field(name);
  if (!input) throw new Error(`no field ${name}`);
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit() {
  await act(() => {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
  });
}

describe('GoalForm', () => {
  it('keeps a running total and says how far it is from 100', async () => {
    const onSave = vi.fn(() => Promise.resolve(true));
    await act(() => render(<GoalForm onSave={onSave} onCancel={() => {}} />, root));
    expect(total()).toBe('Optional. When set, the shares must add up to 100 %.');
    await type('mix-archetype-tech-lead', '60');
    await type('mix-archetype-solver', '30');
    expect(total()).toBe(
      'Total 90 % — The shares add up to 90 %, not 100 % (10 % still to place).',
    );
    await type('mix-archetype-right-hand', '10');
    expect(total()).toBe('Total 100 % ✓');
  });

  it('refuses to save with problems, marks the fields and describes them', async () => {
    const onSave = vi.fn(() => Promise.resolve(true));
    await act(() => render(<GoalForm onSave={onSave} onCancel={() => {}} />, root));
    await type('mix-archetype-solver', '50');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    const title = field('title');
    expect(title?.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(title?.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Give the goal a title.');
    expect(field('mix-archetype-solver')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('saves the parsed draft, and edits an existing goal in place', async () => {
    const onSave = vi.fn((_: GoalDraft) => Promise.resolve(true));
    const initial: GoalDraft = {
      title: 'Staff by 2028',
      why: '',
      targetDate: '2028-06-30',
      targetMix: { 'archetype-solver': 100 },
    };
    await act(() =>
      render(<GoalForm initial={initial} onSave={onSave} onCancel={() => {}} />, root),
    );
    expect(field('mix-archetype-solver')?.value).toBe('100');
    await type('mix-archetype-solver', '70');
    await type('mix-archetype-architect', '30');
    await submit();
    // No check-in typed: the goal is saved with none.
    expect(onSave).toHaveBeenCalledWith(
      { ...initial, targetMix: { 'archetype-architect': 30, 'archetype-solver': 70 } },
      null,
    );
  });

  it('passes a new goal’s check-in with it, and holds the goal back while a share is wrong', async () => {
    const onSave = vi.fn((_: GoalDraft, __: unknown) => Promise.resolve(true));
    await act(() => render(<GoalForm onSave={onSave} onCancel={() => {}} />, root));
    const now = (id: string) =>
      root.querySelector<HTMLInputElement>(`[name$="-now-archetype-${id}"]`)?.name ?? '';
    await type('title', 'Staff by 2028');
    await type(now('solver'), 'most');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('.check-in-form .form-error')?.textContent).toMatch(/Solver/);
    await type(now('solver'), '70–80');
    await type(now('right-hand'), '25');
    await submit();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[1]).toMatchObject({
      shares: {
        'archetype-solver': { low: 70, high: 80 },
        'archetype-right-hand': { low: 25, high: 25 },
      },
    });
  });
});
