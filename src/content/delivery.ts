// Delivers a request to the background until it is acknowledged. MV3 stops the background
// whenever it likes, also in the middle of a write: the request is kept and sent again, and
// since every write carries an id made here, a resend never writes twice. Only a typed answer
// from the background (valid or refused) ends the attempts early.
export const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 4000] as const;

export type Sleep = (ms: number) => Promise<void>;

const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The background is gone for good when the extension was updated or removed under the page. */
export const isContextGone = (error: unknown): boolean =>
  error instanceof Error && /context invalidated/i.test(error.message);

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

export async function deliver<T>(
  attempt: () => Promise<T>,
  isFinal: (error: unknown) => boolean,
  sleep: Sleep = defaultSleep,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (isContextGone(error)) {
        throw new DeliveryError('Trailmark was updated; reload the page to save again');
      }
      const delay = delays[tries];
      if (isFinal(error) || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

/** After the quick resends, a lost message is tried again this often, and a refusal this often. */
export const KEEP_TRYING_MS = 3000;
export const RETRY_REFUSED_MS = 10_000;

export interface Persistence {
  /** Each failed attempt, before the wait for the next. */
  onWaiting(error: unknown): void;
  /** Checked before each attempt: once true, the save stops with a DeliveryError. */
  cancelled(): boolean;
  /** A read that the background refused will be refused again: give up at once. */
  refusalIsFinal?: boolean;
}

/**
 * Like deliver, but never gives up while the page lives: what the reader made must not be lost
 * because the background was stopped again and again, or refused once (a full disk frees up).
 * Only an extension updated under the page, or the caller, ends it.
 */
export async function deliverUntilDone<T>(
  attempt: () => Promise<T>,
  isRefusal: (error: unknown) => boolean,
  { onWaiting, cancelled, refusalIsFinal = false }: Persistence,
  sleep: Sleep = defaultSleep,
): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    if (cancelled()) throw new DeliveryError('cancelled');
    try {
      return await attempt();
    } catch (error) {
      if (isContextGone(error)) {
        throw new DeliveryError('Trailmark was updated; reload the page to save again');
      }
      if (refusalIsFinal && isRefusal(error)) throw error;
      onWaiting(error);
      const quick = RETRY_DELAYS_MS[tries] ?? KEEP_TRYING_MS;
      await sleep(isRefusal(error) ? RETRY_REFUSED_MS : quick);
    }
  }
}
