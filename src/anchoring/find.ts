// Where one highlight's selectors point in the text map. The position is only a hint, counted in
// one of two text models: Trailmark's own normalised text, or plain textContent, which other
// tools write (their quotes keep the page's whitespace and may run through script text). Each
// model keeps its own drift, and the model that placed the last highlight is tried first, so a
// list from one tool costs what it would in that tool's model; a quote that still holds raw
// whitespace is from another tool whatever came before. Near its hint, a textContent quote is
// looked for in textContent, as written: there its context keeps the whitespace that tells one
// table cell from the next, where the normalised text would leave a few characters. A hint never
// decides alone: the quote must be there, and where neither model's hint leads to it, the whole
// normalised text is searched.

import { Drift } from './drift';
import { exactlyAt, locate, locateAnywhere, locateNear, WINDOW, type Found } from './locate';
import type { Hint, Target } from './read-selectors';
import type { Quote, Scored } from './score';
import type { Steps } from './steps';
import {
  fromTextContent,
  textContentModelOf,
  toTextContent,
  type TextContentModel,
} from './text-content-model';
import type { TextMap } from './text-map';

type Model = 'own' | 'textContent';

/** How far from its hint a quote written in textContent is looked for there, as written. */
const WRITTEN_REACH = 128;

/** What one anchorAll call learns from the highlights it has placed, for the next ones. */
export class Hints {
  private readonly drift: Record<Model, Drift> = {
    own: new Drift(WINDOW),
    textContent: new Drift(WINDOW),
  };
  private preferred: Model = 'own';

  /**
   * The model to try first for this target: textContent if the quote keeps raw whitespace or the
   * position runs past the normalised text, which neither can be in the engine's own model.
   */
  firstModel(map: TextMap, target: Target, hint: Hint): Model {
    const { quote, written } = target;
    const raw = written && quote && written.exact !== quote.exact;
    return raw || hint.end > map.text.length ? 'textContent' : this.preferred;
  }

  driftOf(model: Model): number {
    return this.drift[model].value;
  }

  *learn(map: TextMap, model: Model, hint: Hint, found: Found): Steps<void> {
    const at =
      model === 'own'
        ? found.start
        : toTextContent(map, yield* textContentModelOf(map), found.start);
    this.drift[model].observe(hint.start, at);
    this.preferred = model;
  }
}

const clamp = (value: number, max: number): number => Math.min(max, Math.max(0, value));

function* expectedIn(map: TextMap, model: Model, hint: Hint, hints: Hints): Steps<number> {
  const shifted = hint.start + hints.driftOf(model);
  if (model === 'own') return clamp(shifted, map.text.length);
  const tc = yield* textContentModelOf(map);
  return fromTextContent(map, tc, clamp(shifted, tc.text.length));
}

/** [start, end) of textContent as a span of the normalised text, whitespace at its ends trimmed. */
function fromTextContentSpan(
  map: TextMap,
  tc: TextContentModel,
  start: number,
  end: number,
): Found | null {
  const { text } = map;
  let from = fromTextContent(map, tc, start);
  let to = fromTextContent(map, tc, end);
  while (from < to && text.charCodeAt(from) === 32) from++;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  return to > from ? { start: from, end: to } : null;
}

/** The quote as written, with its context as written, in textContent near where the hint says. */
function* writtenNear(map: TextMap, written: Quote, hint: Hint, hints: Hints): Steps<Found | null> {
  const tc = yield* textContentModelOf(map);
  const { exact, prefix, suffix } = written;
  const expected = hint.start + hints.driftOf('textContent');
  const from = clamp(expected - WRITTEN_REACH, tc.text.length);
  const area = tc.text.slice(from, expected + exact.length + WRITTEN_REACH);
  let best: number | null = null;
  for (let at = area.indexOf(exact); at !== -1; at = area.indexOf(exact, at + 1)) {
    const start = from + at;
    const framed =
      tc.text.startsWith(prefix, start - prefix.length) &&
      tc.text.startsWith(suffix, start + exact.length);
    if (framed && (best === null || Math.abs(start - expected) < Math.abs(best - expected))) {
      best = start;
    }
  }
  return best === null ? null : fromTextContentSpan(map, tc, best, best + exact.length);
}

interface NearAttempt {
  found: Found | null;
  /** The best candidate short of confident, in the normalised text (none from textContent). */
  near: Scored | null;
  /** The expected position in the normalised text. */
  expected: number;
}

/** The search around the hint, in the model's own text. */
function* nearIn(
  map: TextMap,
  [quote, written]: [Quote, Quote | null],
  model: Model,
  hint: Hint,
  hints: Hints,
): Steps<NearAttempt> {
  if (model === 'own' || !written) {
    const expected = yield* expectedIn(map, 'own', hint, hints);
    return { ...(yield* locateNear(map.text, quote, expected)), expected };
  }
  const tc = yield* textContentModelOf(map);
  const at = clamp(hint.start + hints.driftOf(model), tc.text.length);
  const { found } = yield* locateNear(tc.text, written, at);
  return {
    found: found && fromTextContentSpan(map, tc, found.start, found.end),
    near: null,
    expected: fromTextContent(map, tc, at),
  };
}

function* fastPath(
  map: TextMap,
  target: Target,
  model: Model,
  hint: Hint,
  hints: Hints,
): Steps<Found | null> {
  const { quote, written } = target;
  if (!quote || !written) return null;
  if (model === 'textContent') return yield* writtenNear(map, written, hint, hints);
  return exactlyAt(map.text, quote, yield* expectedIn(map, model, hint, hints));
}

function* placed(
  map: TextMap,
  model: Model,
  hint: Hint,
  hints: Hints,
  found: Found | null,
): Steps<Found | null> {
  if (found) yield* hints.learn(map, model, hint, found);
  return found;
}

/** Without a quote the position is all there is; with one, the position is only a hint. */
export function* find(map: TextMap, target: Target, hints: Hints): Steps<Found | null> {
  const { quote, hint } = target;
  const { text } = map;
  if (!quote) return hint && hint.start < hint.end && hint.end <= text.length ? hint : null;
  if (!hint) return yield* locate(text, quote, undefined);
  const first = hints.firstModel(map, target, hint);
  const second: Model = first === 'own' ? 'textContent' : 'own';
  const quick = yield* fastPath(map, target, first, hint, hints);
  if (quick) return yield* placed(map, first, hint, hints, quick);
  const quotes: [Quote, Quote | null] = [quote, target.written];
  const { found, near, expected } = yield* nearIn(map, quotes, first, hint, hints);
  if (found) return yield* placed(map, first, hint, hints, found);
  const other = yield* fastPath(map, target, second, hint, hints);
  if (other) return yield* placed(map, second, hint, hints, other);
  return yield* placed(map, first, hint, hints, yield* locateAnywhere(text, quote, expected, near));
}
