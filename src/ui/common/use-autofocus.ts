// Focus for elements that appear after the page has loaded: the autofocus attribute only acts
// on load, so a form or confirmation that opens later must take focus itself, or keyboard users
// are left on a button that no longer exists.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export function useAutofocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  // Before paint, so keys typed right after opening already land in the new control.
  useLayoutEffect(() => ref.current?.focus(), []);
  return ref;
}

/** A ref for the control that opened something; it gets focus back when `open` turns false. */
export function useFocusOnClose<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}
