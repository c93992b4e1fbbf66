import type { Ref, RefCallback } from 'react';

/** One ref callback feeding every given ref: the component's own and the one an app forwarded. */
export function mergeRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    }
  };
}
