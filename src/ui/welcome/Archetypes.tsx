// What the four built-in archetype tags mean, one line each, so a new reader can tag with them.
import { ARCHETYPES } from '../../shared/archetypes';

const MEANING: Record<string, string> = {
  'archetype-tech-lead': 'Guides how one team approaches and delivers its work.',
  'archetype-architect': 'Sets the technical direction and quality of a critical area.',
  'archetype-solver': 'Goes deep on hard problems, one after another, wherever they are.',
  'archetype-right-hand': 'Extends a senior leader’s reach, with their scope and authority.',
};

export function Archetypes() {
  return (
    <section aria-labelledby="archetypes-title" class="archetypes">
      <h2 id="archetypes-title">The four archetype tags</h2>
      <p class="muted">
        Staff engineers tend to work in one of four ways. Tag what you read with them to see which
        way your reading leans; add your own tags any time.
      </p>
      <dl>
        {ARCHETYPES.map((a) => (
          <div key={a.id} class="archetype">
            <dt>
              <span class="swatch" style={{ background: a.color }} aria-hidden="true" />
              {a.name}
            </dt>
            <dd>{MEANING[a.id]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
