// How long the reader has spent on a page, said the way a person would say it.
export function readingTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms <= 0) return 'not read yet';
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
