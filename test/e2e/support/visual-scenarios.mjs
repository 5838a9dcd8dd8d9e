// What a person sees, checked in the real browser on every surface, in the light and the dark
// theme: each visible text at least 12 px and 4.5:1 against the background behind it (inside the
// in-page UI's shadow roots too, opened by the test build, in the reader's system font there),
// and axe-core clean on every extension page, each review view once its data is in. The
// surfaces are brought up once per theme, in one browser (support/surfaces.mjs, the same states
// `npm run screenshots` photographs); each state is then its own test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFixtureServer } from './fixture-server.mjs';
import { allStates, seedShowcase } from './surfaces.mjs';
import { typingFrame } from './typing-frame-state.mjs';
import {
  axeViolations,
  checkInPageText,
  checkTextContrast,
  describeFailures,
  describeViolations,
  openRootsBuild,
} from './visual-checks.mjs';

/** Texts each state must show, so a check that silently read nothing cannot pass. */
const EXPECTED = {
  toolbar: ['Highlight', 'Note', 'Tag', 'Solver'],
  editor: ['Delete', 'Solver'],
  'tip-light': ['Tech Lead'],
  'tip-dark': ['Architect'],
  'tip-hostile': ['1:1 prep'],
  'popup-page': ['Staff engineer archetypes'],
  'popup-goals': ['Reach staff engineer by 2028'],
  'popup-goal-new': ['Target date', 'Right Hand'],
  'popup-goal-edit': ['Where I am now', 'Right Hand'],
  'popup-search': ['Promotion packets that work'],
  'popup-unsaved': ['Not saved yet'],
  'popup-blank': ['Trailmark'],
  'popup-welcome': ['Trailmark'],
  'review-library': ['partnering closely with a single manager'],
  'review-goal': ['Reach staff engineer by 2028'],
  'review-mix': ['Tech Lead'],
  'review-resurface': ['Resurfacing'],
  'review-data': ['Import'],
  welcome: ['Solver'],
};
/** The typing frame's fields as the tokens draw them (src/shared/design-tokens.ts: control, fg, bg, sm). */
const FIELD_LOOK = {
  light: {
    border: 'rgb(125, 133, 147)',
    color: 'rgb(22, 26, 33)',
    background: 'rgb(255, 255, 255)',
  },
  dark: {
    border: 'rgb(122, 131, 146)',
    color: 'rgb(238, 240, 243)',
    background: 'rgb(20, 23, 28)',
  },
};

const expectedFor = (name) => EXPECTED[name] ?? EXPECTED[name.split('-')[0]];

/** Walks every state once, recording what the checks found while it was on screen. */
async function observe(driver, server, scheme) {
  const found = new Map();
  for await (const state of allStates(driver, server, scheme)) {
    const inPage = state.kind === 'in-page';
    const frame = state.typing ? await typingFrame(state.page) : null;
    found.set(state.name, {
      inPage,
      text: inPage ? await checkInPageText(state.page) : await checkTextContrast(state.page),
      axe: inPage ? [] : await axeViolations(state.page),
      typing: state.typing,
      // How far the widest element reaches past the body (400 px in the popup), scrollbar aside.
      pastBody: inPage
        ? null
        : await state.page.evaluate(() => {
            const edge = document.body.getBoundingClientRect().right;
            const rights = [...document.body.querySelectorAll('*')].map(
              (el) => el.getBoundingClientRect().right,
            );
            return Math.max(0, Math.round(Math.max(edge, ...rights) - edge));
          }),
      typingText: frame ? await checkTextContrast(frame) : null,
    });
  }
  return found;
}

const STATE_NAMES = [
  ...['light', 'dark', 'hostile'].flatMap((v) => [`tip-${v}`, `toolbar-${v}`, `editor-${v}`]),
  ...['page', 'goals', 'goal-new', 'goal-edit', 'search', 'unsaved', 'blank', 'welcome'].map(
    (s) => `popup-${s}`,
  ),
  ...['library', 'goal', 'mix', 'resurface', 'data'].map((v) => `review-${v}`),
  'welcome',
];

/**
 * `launch(options)` starts the browser; one serves both schemes, each page switched to the
 * scheme it is looked at in (support/color-scheme), over one showcase library.
 */
export function visualScenarios(launch) {
  let driver;
  let server;
  before(async () => {
    const build = await openRootsBuild();
    server = await startFixtureServer();
    driver = await launch({ dist: build.dist });
    await seedShowcase(driver, server);
  });
  after(async () => {
    await driver?.close();
    await server?.close();
  });
  for (const scheme of ['light', 'dark']) {
    describe(`${scheme} theme`, () => {
      let found;
      before(async () => {
        found = await observe(driver, server, scheme);
      });

      test('every surface was brought on screen', () => {
        assert.deepEqual([...found.keys()].sort(), [...STATE_NAMES].sort());
      });

      for (const name of STATE_NAMES) {
        test(`${name}: every visible text is at least 12 px and 4.5:1 on its background`, () => {
          const { text } = found.get(name);
          for (const wanted of expectedFor(name)) {
            assert.ok(
              text.texts.some((t) => t.includes(wanted)),
              `"${wanted}" was not among the texts checked: ${JSON.stringify(text.texts.slice(0, 30))}`,
            );
          }
          assert.equal(
            text.failures.length,
            0,
            `texts a person can hardly read:\n${describeFailures(text)}`,
          );
        });
        if (name.startsWith('editor-')) {
          test(`${name}: the typing frame's fields read like the rest, unringed until focused`, () => {
            const { typing, typingText } = found.get(name);
            const look = FIELD_LOOK[scheme];
            for (const [id, field] of Object.entries(typing)) {
              // Firefox once kept a 2 px focus-coloured ring here, on a field nobody was in.
              assert.equal(field.focused, false, `${id} has no focus`);
              assert.match(field.outline, /^none /, `${id}: ${field.outline}`);
              assert.equal(field.border, `solid 1px ${look.border}`, id);
              assert.equal(field.color, look.color, id);
              assert.equal(field.background, look.background, id);
              assert.equal(field.fontSize, '13px', id);
            }
            assert.ok(typingText.checked >= 1, 'the frame shows its words');
            assert.equal(typingText.failures.length, 0, describeFailures(typingText));
          });
        }
        if (name.startsWith('popup-')) {
          test(`${name}: nothing is wider than the popup`, () => {
            // The goal form's target mix once pushed the whole goal list 35 px past 400.
            assert.equal(found.get(name).pastBody, 0, 'px past the popup');
          });
        }
        if (!/^(tip|toolbar|editor)-/.test(name)) {
          test(`${name}: axe-core finds no violations`, () => {
            const { axe } = found.get(name);
            assert.equal(axe.length, 0, `axe-core violations:\n${describeViolations(axe)}`);
          });
        }
      }
    });
  }
}
