// One goal's brief as a printed sheet: where the reader stands, the questions, the evidence by
// article with their notes first, what was only read, and what is missing.
import { ARCHETYPES } from '../../shared/archetypes';
import {
  briefGaps,
  briefMixes,
  groupByArticle,
  isEvidence,
  type ArticleGroup,
  type BriefInput,
} from '../../shared/brief';
import { gapSentence } from '../../shared/gaps';
import { MixTable } from '../goals/MixTable';

const ARCHETYPE_IDS = ARCHETYPES.map((a) => a.id);

function Standing({ brief }: { brief: BriefInput }) {
  const gaps = briefGaps(brief);
  return (
    <section aria-labelledby="standing">
      <h2 id="standing">Where I stand</h2>
      <MixTable input={briefMixes(brief)} ids={ARCHETYPE_IDS} />
      <p class="muted">
        {brief.checkIn
          ? `Now is my check-in of ${brief.checkIn.date}; a range counts by its midpoint.`
          : 'No check-in yet: gaps are measured from the evidence.'}
      </p>
      {brief.goal.targetMix && gaps.length > 0 && (
        <ul class="gaps">
          {gaps.map((g) => (
            <li key={g.id}>{gapSentence(g)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Questions({ brief }: { brief: BriefInput }) {
  const open = brief.questions.filter((q) => !q.done);
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="questions">
      <h2 id="questions">Questions for the talk</h2>
      <ol>
        {open.map((q) => (
          <li key={q.id}>{q.text}</li>
        ))}
      </ol>
    </section>
  );
}

function Article({ group, names }: { group: ArticleGroup; names: ReadonlyMap<string, string> }) {
  return (
    <article class="brief-article">
      <h3>
        <a href={/^https?:/i.test(group.page.url) ? group.page.url : undefined}>
          {group.page.title || group.page.url}
        </a>
      </h3>
      {group.notes.map((note, i) => (
        <p key={`n${i}`} class="note">
          <strong>My note:</strong> {note}
        </p>
      ))}
      {group.highlights.map((h, i) => {
        const tags = h.tagIds.flatMap((id) => (names.has(id) ? [names.get(id)] : []));
        return (
          <div key={`h${i}`} class="brief-highlight">
            {h.note.trim() && (
              <p class="note">
                <strong>My note:</strong> {h.note}
              </p>
            )}
            <blockquote>{h.quote}</blockquote>
            {tags.length > 0 && <p class="muted">Tags: {tags.join(', ')}</p>}
          </div>
        );
      })}
    </article>
  );
}

function Missing({ brief }: { brief: BriefInput }) {
  if (brief.missing.length === 0) return null;
  return (
    <section aria-labelledby="missing">
      <h2 id="missing">What's missing</h2>
      <ul>
        {brief.missing.map((m) => (
          <li key={m.name}>
            <strong>{m.name}</strong> — {m.points} points below target in the evidence.
            {m.highlights.length + m.articles.length > 0 && (
              <ul>
                {m.highlights.map((h, i) => (
                  <li key={`h${i}`}>Not linked yet: “{h.quote.slice(0, 160)}”</li>
                ))}
                {m.articles.map((a, i) => (
                  <li key={`a${i}`}>Not finished: {a.title || a.url}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function BriefSheet({ brief }: { brief: BriefInput }) {
  const groups = groupByArticle(brief.items);
  const evidence = groups.filter(isEvidence);
  const reading = groups.filter((g) => !isEvidence(g));
  return (
    <div class="brief-sheet">
      <header>
        <h1>1:1 brief — {brief.goal.title}</h1>
        <p class="muted">
          Prepared {new Date(brief.generatedAt).toLocaleDateString()}
          {brief.goal.targetDate && ` · target date ${brief.goal.targetDate}`}
        </p>
        {brief.goal.why && <p>{brief.goal.why}</p>}
      </header>
      <Standing brief={brief} />
      <Questions brief={brief} />
      <section aria-labelledby="evidence">
        <h2 id="evidence">Evidence</h2>
        {evidence.length === 0 && <p class="muted">Nothing linked as evidence yet.</p>}
        {evidence.map((g) => (
          <Article key={g.page.id} group={g} names={brief.publicTagNames} />
        ))}
      </section>
      {reading.length > 0 && (
        <section aria-labelledby="reading">
          <h2 id="reading">Also read</h2>
          <ul>
            {reading.map((g) => (
              <li key={g.page.id}>{g.page.title || g.page.url}</li>
            ))}
          </ul>
        </section>
      )}
      <Missing brief={brief} />
    </div>
  );
}
