import { describe, expect, it } from 'vitest';
import messages from './release-messages.json' with { type: 'json' };
import { releaseReasonText } from './release-reason-text.js';
import type { LockedReason } from './release-states.js';

describe('releaseReasonText', () => {
  it('says each reason in English and German', () => {
    const prerequisite: LockedReason = {
      key: 'prerequisite',
      params: { items: ['Intro', 'Basics', 'Quiz'] },
    };
    expect(releaseReasonText(prerequisite, 'en')).toBe('Complete Intro, Basics, and Quiz first.');
    expect(releaseReasonText(prerequisite, 'de')).toBe('Schließen Sie zuerst Intro, Basics und Quiz ab.');
    const grade: LockedReason = { key: 'prerequisiteGrade', params: { item: 'Quiz 1', percent: 87.5 } };
    expect(releaseReasonText(grade, 'en')).toBe('Reach at least 87.5 % in Quiz 1 first.');
    expect(releaseReasonText(grade, 'de')).toBe('Erreichen Sie zuerst mindestens 87,5 % in Quiz 1.');
    const drip: LockedReason = { key: 'drip', params: { date: '2026-03-08T08:00:00.000Z', days: 7 } };
    expect(releaseReasonText(drip, 'en')).toMatch(
      /^Opens on Mar 8, 2026, 8:00\sAM, 7 days after you enrolled\.$/,
    );
    expect(releaseReasonText(drip, 'de', { timeZone: 'Europe/Berlin' })).toBe(
      'Wird am 08.03.2026, 09:00 freigegeben, 7 Tage nach Ihrer Einschreibung.',
    );
  });

  it('has the same keys and placeholders in both catalogs', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(messages.de).sort()).toEqual(Object.keys(messages.en).sort());
    for (const [key, text] of Object.entries(messages.en))
      expect(placeholders(messages.de[key as keyof typeof messages.de]), key).toEqual(placeholders(text));
  });
});
