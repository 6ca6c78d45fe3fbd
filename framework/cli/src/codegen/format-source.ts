import { format, type Options } from 'prettier';

/** One formatting for everything codegen writes, close to the house Biome settings. */
export const prettierOptions: Options = {
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  printWidth: 110,
  tabWidth: 2,
};

/**
 * Formats generated TypeScript or JSON so reruns are byte-identical and diffs are readable.
 *
 * @example
 * await formatSource(source, 'typescript')
 */
export async function formatSource(source: string, parser: 'typescript' | 'json'): Promise<string> {
  return format(source, { ...prettierOptions, parser });
}
