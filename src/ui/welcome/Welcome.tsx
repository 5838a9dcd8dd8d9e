// The page a new reader sees first: what Trailmark does, three steps to follow (pin the button,
// highlight the sample, create a goal), and what the archetype tags mean.
import type { ComponentChildren } from 'preact';
import { Archetypes } from './Archetypes';
import { GoalStep } from './GoalStep';
import { HighlightStep } from './HighlightStep';
import { PinStep } from './PinStep';
import { browserFamily } from './which-browser';

function Step({ n, children }: { n: number; children: ComponentChildren }) {
  return (
    <li class="step card">
      <span class="step-number" aria-hidden="true">
        {n}
      </span>
      <div class="step-body">{children}</div>
    </li>
  );
}

export function Welcome() {
  const family = browserFamily();
  return (
    <main class="welcome">
      <header>
        <h1>Welcome to Trailmark</h1>
        <p class="lede">
          Highlight what you read about your career, tag it by staff-engineer archetype, and link it
          to the goals you are working towards. Everything stays on this computer.
        </p>
      </header>
      <ol class="steps" aria-label="Getting started">
        <Step n={1}>
          <PinStep family={family} />
        </Step>
        <Step n={2}>
          <HighlightStep family={family} />
        </Step>
        <Step n={3}>
          <GoalStep />
        </Step>
      </ol>
      <Archetypes />
    </main>
  );
}
