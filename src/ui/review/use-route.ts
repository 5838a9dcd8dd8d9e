// Which view the review page shows, from the URL fragment, so views can be linked, bookmarked
// and reached with Back: #library, #goals, #goals/<id>, #mix, #resurface, #data.
import { useEffect, useState } from 'preact/hooks';

export const VIEWS = ['library', 'goals', 'mix', 'resurface', 'data'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  /** The goal a #goals/<id> fragment names. */
  goalId: string | null;
}

export function parseRoute(hash: string): Route {
  const [view, id] = hash.replace(/^#/, '').split('/');
  const known = VIEWS.find((v) => v === view) ?? 'library';
  return { view: known, goalId: known === 'goals' && id ? decodeURIComponent(id) : null };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
