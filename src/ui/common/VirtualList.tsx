// A list that renders only the rows in view, so 100 000 rows scroll as smoothly as 10. Rows have
// one fixed height; the list is a single tab stop (a listbox) whose active row moves with the
// arrow keys, Page Up/Down, Home and End, and is announced through aria-activedescendant.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  count: number;
  rowHeight: number;
  /** Label of the listbox for assistive technology. */
  label: string;
  activeIndex: number;
  onActiveChange: (index: number) => void;
  /** Keys the list does not handle itself (Enter, Delete, letters) go here. */
  onKey?: (event: KeyboardEvent, index: number) => void;
  /** Called with the range of rows in view (plus overscan) whenever it changes. */
  onRange: (start: number, end: number) => void;
  rowId: (index: number) => string;
  renderRow: (index: number) => ComponentChildren;
}

const OVERSCAN = 6;

function keyTarget(key: string, index: number, count: number, page: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(count - 1, index + page);
    case 'PageUp':
      return Math.max(0, index - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function VirtualList(props: Props) {
  const { count, rowHeight, activeIndex } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  // A list that shrinks clamps its scroll position without always firing a scroll event.
  const top = Math.min(scrollTop, Math.max(0, count * rowHeight - height));
  const start = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  useEffect(() => props.onRange(start, end), [start, end]);

  // Keeps the active row in view when the keyboard moves it.
  useEffect(() => {
    const element = box.current;
    if (!element || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + rowHeight - element.clientHeight;
    }
  }, [activeIndex, rowHeight]);

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    // With no row chosen (the chosen one left the list), a move starts from above the first.
    const target = count > 0 ? keyTarget(event.key, Math.max(-1, activeIndex), count, page) : null;
    if (target !== null) {
      event.preventDefault();
      props.onActiveChange(target);
      return;
    }
    if (activeIndex >= 0) props.onKey?.(event, activeIndex);
  };

  const rows = [];
  for (let i = start; i < end; i += 1) {
    rows.push(
      <div
        key={i}
        id={props.rowId(i)}
        role="option"
        aria-selected={i === activeIndex}
        aria-setsize={count}
        aria-posinset={i + 1}
        class={i === activeIndex ? 'vrow active' : 'vrow'}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: `${rowHeight}px` }}
        onClick={() => props.onActiveChange(i)}
      >
        {props.renderRow(i)}
      </div>,
    );
  }

  return (
    <div
      ref={box}
      class="vlist"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={
        activeIndex >= 0 && activeIndex < count ? props.rowId(activeIndex) : undefined
      }
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div class="vlist-space" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
