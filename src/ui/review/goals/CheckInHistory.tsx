// The goal's check-ins over time: a chart of each archetype's share (a range drawn as a band
// around its midpoint) and the list "Check-ins", each editable and removable.
import { useState } from 'preact/hooks';
import { ARCHETYPES } from '../../../shared/archetypes';
import { formatRange, midpoint, type CheckIn } from '../../../shared/check-in';
import type { GoalRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import {
  addCheckIn,
  checkInsOf,
  removeCheckIn,
  updateCheckIn,
} from '../../../storage/records/check-ins';
import { CheckInForm } from '../../goals/CheckInForm';

const W = 560;
const H = 180;
const PAD = { left: 36, right: 12, top: 10, bottom: 26 };

const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Position of a day on the x axis; a single check-in sits in the middle. */
function xScale(checkIns: readonly CheckIn[]): (date: string) => number {
  const first = dayOf(checkIns[0]?.date ?? '1970-01-01');
  const last = dayOf(checkIns[checkIns.length - 1]?.date ?? '1970-01-01');
  const span = last - first;
  const width = W - PAD.left - PAD.right;
  return (date) => PAD.left + (span === 0 ? width / 2 : ((dayOf(date) - first) / span) * width);
}

const y = (share: number): number => PAD.top + (1 - share / 100) * (H - PAD.top - PAD.bottom);

const shortDate = (date: string): string =>
  new Date(dayOf(date)).toLocaleDateString(undefined, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

function Chart({ checkIns }: { checkIns: readonly CheckIn[] }) {
  const x = xScale(checkIns);
  const used = ARCHETYPES.filter((a) => checkIns.some((c) => c.shares[a.id]));
  return (
    <figure class="check-in-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Check-ins over time, per archetype">
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" class="axis">
              {v} %
            </text>
          </g>
        ))}
        {checkIns.map((c) => (
          <text key={c.id} x={x(c.date)} y={H - 6} text-anchor="middle" class="axis">
            {shortDate(c.date)}
          </text>
        ))}
        {used.map((a) => {
          const share = (c: CheckIn) => c.shares[a.id] ?? { low: 0, high: 0 };
          const line = checkIns.map((c) => `${x(c.date)},${y(midpoint(share(c)))}`).join(' ');
          return (
            <g key={a.id} style={{ color: a.color }}>
              {checkIns.map((c) => (
                <line
                  key={c.id}
                  x1={x(c.date)}
                  x2={x(c.date)}
                  y1={y(share(c).low)}
                  y2={y(share(c).high)}
                  class="band"
                />
              ))}
              <polyline points={line} class="trend" />
              {checkIns.map((c) => (
                <circle key={c.id} cx={x(c.date)} cy={y(midpoint(share(c)))} r={3.5} class="dot" />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {used.map((a) => (
          <span key={a.id}>
            <span class="swatch" style={{ background: a.color }} /> {a.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function describe(checkIn: CheckIn): string {
  return ARCHETYPES.filter((a) => checkIn.shares[a.id])
    .map((a) => `${a.name} ${formatRange(checkIn.shares[a.id] ?? { low: 0, high: 0 })}`)
    .join(', ');
}

function Entry({ goal, checkIn }: { goal: GoalRecord; checkIn: CheckIn }) {
  const [editing, setEditing] = useState(false);
  const db = getDb();
  if (editing) {
    return (
      <li>
        <CheckInForm
          idPrefix={`edit-${checkIn.id}`}
          initial={checkIn}
          submitLabel="Save check-in"
          onSubmit={(draft) =>
            updateCheckIn(db, goal.id, checkIn.id, draft).then(() => setEditing(false))
          }
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li class="check-in-entry">
      <span>
        <strong>{checkIn.date}</strong> — {describe(checkIn)}
      </span>
      <button type="button" onClick={() => setEditing(true)}>
        Edit<span class="sr-only"> the check-in of {checkIn.date}</span>
      </button>
      <button type="button" onClick={() => void removeCheckIn(db, goal.id, checkIn.id)}>
        Remove<span class="sr-only"> the check-in of {checkIn.date}</span>
      </button>
    </li>
  );
}

export function CheckInHistory({ goal }: { goal: GoalRecord }) {
  const checkIns = checkInsOf(goal);
  return (
    <section class="check-ins" aria-labelledby="check-ins-title">
      <CheckInForm idPrefix="goal-view" onSubmit={(draft) => addCheckIn(getDb(), goal.id, draft)} />
      <h3 id="check-ins-title">Check-ins</h3>
      {checkIns.length === 0 ? (
        <p class="muted">
          No check-in yet. Say where you stand now; check in again every month or so to see it move.
        </p>
      ) : (
        <>
          {checkIns.length > 1 && <Chart checkIns={checkIns} />}
          <ul class="stack" aria-labelledby="check-ins-title">
            {[...checkIns].reverse().map((c) => (
              <Entry key={c.id} goal={goal} checkIn={c} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
