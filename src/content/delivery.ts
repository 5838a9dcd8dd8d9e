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
