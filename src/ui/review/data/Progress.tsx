// A labelled progress bar for long exports and imports.
export function Progress({
  id,
  label,
  value,
}: {
  id: string;
  label: string;
  value: number | null;
}) {
  if (value === null) return null;
  return (
    <p class="progress">
      <label for={id}>{label}</label>{' '}
      <progress id={id} max={1} value={value}>
        {Math.round(value * 100)} %
      </progress>
    </p>
  );
}
