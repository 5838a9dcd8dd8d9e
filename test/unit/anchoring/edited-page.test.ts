// @vitest-environment happy-dom
// Property tests on generated pages edited the way real pages change between visits (issue 3):
// every anchored range is judged by the original characters it covers (marked-page.ts), so a
// range on equal text in the wrong place fails as surely as a missing one. A highlight may stay
// unplaced — the engine refuses weak evidence by design — but only rarely: the bar of
// 99 % is checked over all the runs of a property.
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../../src/anchoring';
import { mount } from './helpers';
import {
  applyEdits,
  edits,
  fraction,
  landing,
  markPage,
  pageHtml,
  pickSpan,
  rangeOf,
  type Landing,
  type Span,
} from './marked-page';

/** Fixed, so that a failure reproduces and the suite's run time does not wander. */
const SEED = 20240611;
const settings = (numRuns: number) => ({ numRuns, seed: SEED });
/** Hundreds of generated pages take seconds, many more on a machine busy with other work. */
const TIMEOUT_MS = 120_000;

const passage = fc.tuple(fraction, fc.integer({ min: 5, max: 120 }));
const FOUND_BAR = 0.99;

/** Share of the verdicts that are `wanted`, for the bar over all runs. */
function share(verdicts: readonly Landing[], ...wanted: Landing[]): number {
  return verdicts.filter((v) => wanted.includes(v)).length / Math.max(1, verdicts.length);
}

/**
 * Describes a generated passage, edits the page (inside quotes too if asked), anchors it again,
 * checks each landing with `check`, and returns every landing for the overall bar.
 */
function landingsAfterEdits(insideQuotes: boolean, check: (verdict: Landing) => void): Landing[] {
  const seen: Landing[] = [];
  fc.assert(
    fc.property(pageHtml, passage, edits, (html, [at, length], plan) => {
      const page = markPage(mount(html));
      const span = pickSpan(page, at, length);
      if (!span) return;
      const stored = describe(page.root, rangeOf(page, span));
      applyEdits(page, [span], plan, insideQuotes);
      const verdict = landing(page, span, anchor(page.root, stored));
      seen.push(verdict);
      check(verdict);
    }),
    settings(200),
  );
  return seen;
}

suite('anchoring on an edited page lands where the passage went', () => {
  it(
    'anchor finds the same characters after edits outside the quote',
    () => {
      // The quote itself is intact, so anything but all of it is a misplacement.
      const seen = landingsAfterEdits(false, (verdict) =>
        expect(['exact', 'missing']).toContain(verdict),
      );
      expect(share(seen, 'exact')).toBeGreaterThanOrEqual(FOUND_BAR);
    },
    TIMEOUT_MS,
  );

  it(
    'with edits inside quotes too, nothing lands on other text',
    () => {
      const seen = landingsAfterEdits(true, (verdict) => expect(verdict).not.toBe('wrong'));
      expect(share(seen, 'exact', 'moved')).toBeGreaterThanOrEqual(FOUND_BAR);
    },
    TIMEOUT_MS,
  );
});

suite('anchorAll with many highlights on one page', () => {
  const passages = fc.array(passage, { minLength: 2, maxLength: 12 });

  it(
    're-attaches every highlight exactly on the unchanged page, and in place after edits',
    async () => {
      const seen: Landing[] = [];
      await fc.assert(
        fc.asyncProperty(pageHtml, passages, edits, async (html, picks, plan) => {
          const page = markPage(mount(html));
          const spans = picks
            .map(([at, length]) => pickSpan(page, at, length))
            .filter((s): s is Span => s !== null);
          if (spans.length === 0) return;
          const stored = spans.map((span) => describe(page.root, rangeOf(page, span)));
          const judge = (ranges: (Range | null)[]): Landing[] =>
            ranges.map((r, i) => landing(page, spans[i] as Span, r));

          expect(judge(await anchorAll(page.root, stored))).toEqual(spans.map(() => 'exact'));

          applyEdits(page, spans, plan);
          const verdicts = judge(await anchorAll(page.root, stored));
          seen.push(...verdicts);
          for (const verdict of verdicts) expect(['exact', 'missing']).toContain(verdict);
        }),
        settings(100),
      );
      expect(share(seen, 'exact')).toBeGreaterThanOrEqual(FOUND_BAR);
    },
    TIMEOUT_MS,
  );
});
