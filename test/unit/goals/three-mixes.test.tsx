// @vitest-environment happy-dom
// The three mixes as the popup's goal card and the goal view write them: the evidence column in
// counts while fewer than five tagged items carry it, in percents from five, the same rule as
// every other mix; and one set of column headings wherever the table is shown.
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHETYPES } from '../../../src/shared/archetypes';
import type { CheckIn } from '../../../src/shared/check-in';
import { actualMix } from '../../../src/shared/mix';
import { BriefSheet } from '../../../src/ui/brief/BriefSheet';
import { ThreeMixes } from '../../../src/ui/goals/ThreeMixes';

const TL = 'archetype-tech-lead';
const SO = 'archetype-solver';
const RH = 'archetype-right-hand';
const IDS = ARCHETYPES.map((a) => a.id);
const TARGET = { [TL]: 60, [SO]: 30, [RH]: 10 };
const CHECK_IN: CheckIn = {
  id: 'c1',
  date: '2026-09-01',
  createdAt: 0,
  shares: { [SO]: { low: 70, high: 80 }, [RH]: { low: 20, high: 30 } },
};

/** The table of the last thing shown; no layout is read, so it needs no place in the document. */
const root = document.createElement('div');
const show = (vnode: VNode) => act(() => render(vnode, root));
afterAll(() => render(null, root));

/** Evidence of n highlights, each tagged with one archetype in turn from the list. */
const evidenceOf = (...tags: string[]) =>
  actualMix(
    tags.map((id) => ({ tagIds: [id] })),
    IDS,
  );

/** Per archetype row: [now, target, evidence]. */
const rows = () =>
  Object.fromEntries(
    [...root.querySelectorAll('tbody tr')].map((r) => [
      r.querySelector('th')?.textContent,
      [...r.querySelectorAll('td')].map((td) => td.textContent),
    ]),
  );
const head = () => [...root.querySelectorAll('thead th')].map((th) => th.textContent);

describe('ThreeMixes', () => {
  it('writes one highlight of evidence as a count in the card, not "100 %"', async () => {
    const evidence = evidenceOf(SO);
    await show(
      <ThreeMixes
        compact
        target={TARGET}
        checkIn={CHECK_IN}
        evidence={evidence}
        evidenceCount={1}
      />,
    );
    expect(head()).toEqual(['Archetype', 'Now', 'Target', 'Evidence']);
    expect(rows()).toEqual({
      'Tech Lead': ['0 %', '60 %', '0'],
      Solver: ['70–80 %', '30 %', '1'],
      'Right Hand': ['20–30 %', '10 %', '0'],
    });
  });

  it('writes four items as counts and five as percents in the goal view', async () => {
    const four = evidenceOf(SO, SO, SO, TL);
    await show(<ThreeMixes target={TARGET} checkIn={null} evidence={four} evidenceCount={4} />);
    expect(rows()['Solver']).toEqual(['—', '30 %', '3']);
    expect(rows()['Tech Lead']).toEqual(['—', '60 %', '1']);

    const five = evidenceOf(SO, SO, SO, TL, TL);
    await show(<ThreeMixes target={TARGET} checkIn={null} evidence={five} evidenceCount={5} />);
    expect(rows()['Solver']).toEqual(['—', '30 %', '60 %']);
    expect(rows()['Tech Lead']).toEqual(['—', '60 %', '40 %']);
  });

  it('measures gaps from the evidence only once five items carry it', async () => {
    const gaps = () => [...root.querySelectorAll('ul.gaps li')].map((li) => li.textContent);
    const four = evidenceOf(SO, SO, SO, TL);
    await show(
      <ThreeMixes compact target={TARGET} checkIn={null} evidence={four} evidenceCount={4} />,
    );
    expect(gaps()).toEqual([]);
    await show(<ThreeMixes target={TARGET} checkIn={null} evidence={four} evidenceCount={4} />);
    expect(gaps()).toEqual([
      'Tech Lead: target 60 %',
      'Solver: target 30 %',
      'Right Hand: target 10 %',
    ]);

    const five = evidenceOf(SO, SO, SO, TL, TL);
    await show(
      <ThreeMixes compact target={TARGET} checkIn={null} evidence={five} evidenceCount={5} />,
    );
    expect(gaps()).toEqual([
      'Tech Lead: 20 points to go',
      'Solver: 30 points over',
      'Right Hand: 10 points to go',
    ]);
  });

  it('writes "—" for evidence when nothing linked carries an archetype', async () => {
    await show(
      <ThreeMixes
        compact
        target={TARGET}
        checkIn={null}
        evidence={evidenceOf()}
        evidenceCount={2}
      />,
    );
    expect(rows()['Solver']).toEqual(['—', '30 %', '—']);
  });
});

describe('the printed brief', () => {
  it('has the same columns and writes its evidence by the same rule', async () => {
    const brief = {
      goal: { title: 'Staff', why: '', targetDate: null, targetMix: TARGET },
      checkIn: CHECK_IN,
      evidenceMix: evidenceOf(SO, TL),
      questions: [],
      items: [],
      missing: [],
      publicTagNames: new Map<string, string>(),
      generatedAt: 0,
    };
    await show(<BriefSheet brief={brief} />);
    expect(head()).toEqual(['Archetype', 'Now', 'Target', 'Evidence']);
    expect(rows()['Solver']).toEqual(['70–80 %', '30 %', '1']);
    expect(rows()['Architect']).toEqual(['0 %', '0 %', '0']);
  });
});
