import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// happy-dom leaves out a few layout and pointer APIs that Radix and cmdk call; they only need to exist.
const proto = Element.prototype as unknown as Record<string, unknown>;
proto.scrollIntoView ??= () => undefined;
proto.hasPointerCapture ??= () => false;
proto.setPointerCapture ??= () => undefined;
proto.releasePointerCapture ??= () => undefined;

// lazy routes load their chunk on first visit; on a busy two-core machine that can take seconds
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
