// the request decides who acts (a user, an API key); the audit log, a floor up, names it
/** Who acted: a user, an API key, or the system itself (seeds, jobs, migrations). */
export type AuditActor =
  | { type: 'user'; id: string }
  | { type: 'api_key'; id: string }
  /** `id` names the part of the system (`'scheduler'`); `'system'` when absent */
  | { type: 'system'; id?: string };

export type AuditActorType = AuditActor['type'];
