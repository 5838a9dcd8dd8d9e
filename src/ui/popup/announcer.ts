// One place where the popup says what just happened or what went wrong, read out by screen
// readers through a live region, so every action gets feedback without moving focus.
import { useEffect, useState } from 'preact/hooks';

export interface Announcement {
  text: string;
  kind: 'status' | 'error';
  at: number;
}

type Listener = (announcement: Announcement) => void;
const listeners = new Set<Listener>();

export function announce(text: string, kind: Announcement['kind'] = 'status'): void {
  const announcement = { text, kind, at: Date.now() };
  for (const listener of listeners) listener(announcement);
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Runs a storage action, announcing `done` when it succeeds and the reason when it fails. */
export async function run(action: () => Promise<unknown>, done?: string): Promise<boolean> {
  try {
    await action();
    if (done) announce(done);
    return true;
  } catch (error) {
    announce(`Not saved: ${reasonOf(error)}`, 'error');
    return false;
  }
}

export function useAnnouncement(): Announcement | null {
  const [current, setCurrent] = useState<Announcement | null>(null);
  useEffect(() => {
    listeners.add(setCurrent);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
