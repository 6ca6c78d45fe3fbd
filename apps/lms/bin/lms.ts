import type { EventOutbox } from '@codexion/framework/events';
import { appKit } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import type { LmsContract } from '../core/generated/contract.js';

/**
 * The framework's definitions typed by the LMS contract (`core/generated/contract.ts`): hooks,
 * actions, events, records and error codes, each typed from its name alone.
 *
 * @example
 * const course = await lms.resource(ctx, 'course').get(id); // a Course
 * throw lms.error('ITEM_LOCKED', 'Lesson 3 is not released yet');
 */
// JSON imports type `events[].payload` too loosely for AppManifest; the registry validates it at boot
export const lms = appKit<LmsContract>(manifest as unknown as AppManifest);

/** Where the LMS's hooks and actions put the events of a change. */
export type LmsEventOutbox = EventOutbox<LmsContract['events']>;
