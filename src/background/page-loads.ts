// The pages whose content script has asked for its highlights since this worker started. A
// content script starts after the page's load event (and on a busy machine well after), so an
// end-to-end test waits on this before it drags or clicks on a fresh page: a gesture made
// earlier meets no listener, and the script has not yet read this install's page names.
const LIMIT = 200;
const seen: string[] = [];

export function notePageLoad(key: string): void {
  seen.push(key);
  if (seen.length > LIMIT) seen.splice(0, seen.length - LIMIT);
}

export const pageLoadSeen = (key: string): boolean => seen.includes(key);
