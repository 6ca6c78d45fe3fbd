import type { OpenApiSecurityScheme } from './openapi-types.js';

/** The three ways a caller authenticates; any one of them is enough. */
export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'codexion_session',
    description: 'Browser session cookie set by sign-in',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'Access token (JWT, `typ: at+jwt`) in `Authorization: Bearer <token>`, issued and checked as RFC8725 ' +
      '(JSON Web Token Best Current Practices) asks: the algorithm must be the one of the key its `kid` names ' +
      '(never `none`), and `typ`, `iss`, `aud` and `exp` are verified.',
  },
  apiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'API key of a service account',
  },
} as const satisfies Record<string, OpenApiSecurityScheme>;

/** Document-level `security`: alternatives, so each entry holds one scheme. */
export const securityRequirements: Record<string, string[]>[] = [
  { session: [] },
  { bearer: [] },
  { apiKey: [] },
];
