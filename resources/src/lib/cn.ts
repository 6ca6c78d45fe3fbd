import { type ClassValue, clsx } from 'clsx';
import { twMerge } from 'tailwind-merge';

/**
 * Joins class names and lets later Tailwind classes win over earlier ones, so that a component's
 * `className` prop can override its defaults.
 *
 * @example
 * cn('px-2 text-sm', isActive && 'bg-accent', 'px-4'); // 'text-sm bg-accent px-4'
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
