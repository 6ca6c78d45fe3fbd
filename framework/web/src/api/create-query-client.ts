import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from './problem-error.js';

/**
 * The TanStack Query client every Codexion page shares: data stays fresh for 30 s (lists are
 * re-read when the user comes back, not on every focus), and only failures that may pass on
 * their own are retried — a network error or a 5xx, never a 4xx, which would fail the same way.
 *
 * @example
 * const queryClient = createQueryClient();
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => failureCount < 3 && isRetryable(error),
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 8_000),
      },
      mutations: {
        // a write is not repeated behind the user's back, even after a network error
        retry: false,
      },
    },
  });
}
