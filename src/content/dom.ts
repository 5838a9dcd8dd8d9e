// Tiny element builders for the in-page UI: the content script runs on every page, so it uses
// no UI framework.
type Attributes = Record<string, string | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/**
 * A button that acts on click and keeps the page's selection when pressed with the mouse. The
 * click is handed over, so the caller can check who made it and where.
 */
export function actionButton(
  label: string,
  onActivate: (event: MouseEvent) => void,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLButtonElement {
  const button = el('button', { type: 'button', 'aria-label': label, ...attributes }, ...children);
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    onActivate(event);
  });
  return button;
}
