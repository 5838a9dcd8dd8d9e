// The page a new reader sees first: what Trailmark does, a passage to try it on, and the
// archetype tags it starts with.
import { getDb } from '../../storage/database/db';
import { listTags } from '../../storage/records/tags';
import { useLive } from '../common/use-live';

function ArchetypeList() {
  const tags = useLive(() => listTags(getDb()), []);
  if (tags.status !== 'ready') return null;
  const archetypes = tags.value.filter((t) => t.kind === 'archetype');
  return (
    <ul class="tags" aria-label="Built-in archetype tags">
      {archetypes.map((tag) => (
        <li key={tag.id} class="tag" style={{ borderColor: tag.color }}>
          {tag.name}
        </li>
      ))}
    </ul>
  );
}

export function Welcome() {
  return (
    <main class="welcome">
      <h1>Welcome to Trailmark</h1>
      <p class="lede">
        Highlight what you read about your career, tag it by staff-engineer archetype, and link it
        to the goals you are working towards. Everything stays on this computer.
      </p>
      <section aria-labelledby="try-title" class="card try">
        <h2 id="try-title">Try it here</h2>
        <p class="muted">
          Select a sentence below with the mouse or the keyboard, then choose Highlight.
        </p>
        <article class="sample" id="sample">
          <p>
            A staff engineer's reach is measured less by the code they write than by the decisions
            they make easier for everyone else. Some lead a team's technical direction, some hold
            the architecture of a whole area in their head, some dive into the problem nobody else
            can crack, and some extend a senior leader's attention across the organisation.
          </p>
          <p>
            Knowing which of these you do today, and which you want to grow into, turns scattered
            reading into a plan: every article becomes evidence of where you are going.
          </p>
        </article>
      </section>
      <section aria-labelledby="tags-title">
        <h2 id="tags-title">Your archetype tags</h2>
        <p class="muted">
          Tech Lead, Architect, Solver and Right Hand come built in; add your own tags any time.
        </p>
        <ArchetypeList />
      </section>
    </main>
  );
}
