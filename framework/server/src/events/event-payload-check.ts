import { createAjv, issuesFromAjv } from '@codexion/schema';
import type { AnySchema, ValidateFunction } from 'ajv';
import { DomainError } from '../errors/domain-error.js';

/**
 * An event as `core/app.json` declares it, typed loosely enough for a JSON import of the manifest
 * (the plugin registry has checked the declaration at boot).
 */
export interface DeclaredEvent {
  name: string;
  payload?: unknown;
}

/** An event declared without a payload carries an empty object (as the OpenAPI webhooks say). */
const emptyPayload = { type: 'object', additionalProperties: false };

/**
 * Checks an event's payload before it is written: throws unless `name` is declared and `payload`
 * matches its declared schema.
 */
export type EventPayloadCheck = (name: string, payload: unknown) => void;

/**
 * The check `emit` runs on each payload against the app's declared events (ADR 0018): each schema
 * compiled with Ajv on its first use. A payload that does not match is the emitting code's bug,
 * not the caller's, so the error is a 500 `INTERNAL` naming the event and each field path with its
 * reason (never the values); thrown inside the writing transaction, it rolls the change back.
 *
 * @example
 * const check = eventPayloadCheck(manifest.events ?? []);
 * check('crm.deal.won', { dealId: 42 }); // throws: `/dealId must be string`, `/title is required`, …
 */
export function eventPayloadCheck(declarations: readonly DeclaredEvent[]): EventPayloadCheck {
  const ajv = createAjv({ strict: false });
  const schemas = new Map(declarations.map((event) => [event.name, event.payload ?? emptyPayload]));
  const compiled = new Map<string, ValidateFunction>();
  return (name, payload) => {
    const schema = schemas.get(name);
    if (schema === undefined) {
      throw new DomainError('INTERNAL', `The event ${name} is not declared in core/app.json "events"`);
    }
    let validate = compiled.get(name);
    if (validate === undefined) {
      validate = ajv.compile(schema as AnySchema);
      compiled.set(name, validate);
    }
    if (validate(payload)) return;
    const issues = issuesFromAjv(validate.errors);
    const reasons = issues.map((issue) => `${issue.path === '' ? '(payload)' : issue.path} ${issue.message}`);
    throw new DomainError(
      'INTERNAL',
      `The payload of the event ${name} does not match its schema in core/app.json: ${reasons.join('; ')}`,
      { issues },
    );
  };
}
