// @vitest-environment happy-dom
// The automatic-backup control in a DOM: it asks for the downloads permission inside the click
// (browsers show the prompt only then), and when the reader says no it stays off and says why.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const browser = vi.hoisted(() => ({
  permissions: { request: vi.fn(), remove: vi.fn() },
  runtime: { sendMessage: vi.fn() },
}));
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { AutoBackup, REFUSED } = await import('../../../src/ui/review/data/AutoBackup');

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  browser.permissions.remove.mockResolvedValue(true);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function settled<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const found = find();
    if (found) return found;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error('never appeared');
}

const checkbox = () => root.querySelector<HTMLInputElement>('input[type=checkbox]');

async function showControl() {
  await act(() => render(<AutoBackup />, root));
  return settled(checkbox);
}

describe('automatic backup control', () => {
  it('asks for the permission within the click, and stays off with the reason when refused', async () => {
    browser.permissions.request.mockResolvedValue(false);
    const box = await showControl();
    expect(root.querySelector('legend')?.textContent).toBe('Automatic backup');
    box.click();
    // Synchronously, before any await: outside the click the browser refuses to prompt.
    expect(browser.permissions.request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    const said = await settled(() =>
      root.textContent?.includes(REFUSED) ? root.textContent : null,
    );
    expect(said).toContain('did not allow Trailmark to save files');
    expect(browser.runtime.sendMessage).not.toHaveBeenCalled();
    expect(checkbox()?.checked).toBe(false);
  });

  it('once allowed, asks the background to schedule the chosen interval', async () => {
    browser.permissions.request.mockResolvedValue(true);
    browser.runtime.sendMessage.mockResolvedValue({
      ok: true,
      data: { schedule: { interval: 'daily', nextAt: 1, lastRun: null } },
    });
    await showControl();
    const select = root.querySelector('select') as HTMLSelectElement;
    await act(() => {
      select.value = 'daily';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    checkbox()?.click();
    await settled(() => browser.runtime.sendMessage.mock.calls.length > 0);
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({
      app: 'trailmark',
      kind: 'backup.schedule',
      payload: { interval: 'daily' },
    });
  });
});
