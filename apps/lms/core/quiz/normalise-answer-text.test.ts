import { describe, expect, it } from 'vitest';
import { normaliseAnswerText } from './normalise-answer-text.js';

describe('normaliseAnswerText', () => {
  it('composes accents, folds whitespace and case', () => {
    expect(normaliseAnswerText('  Cafe\u0301\t au\n\nLAIT ')).toBe('café au lait');
    expect(normaliseAnswerText('Café\u00a0au lait')).toBe('café au lait');
    expect(normaliseAnswerText('ÄRGER')).toBe('ärger');
  });

  it('keeps the case when asked to', () => {
    expect(normaliseAnswerText(' Hello  World ', { caseSensitive: true })).toBe('Hello World');
  });
});
