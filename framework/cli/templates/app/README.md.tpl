# {{title}}

A Codexion app: `core/` holds its contract (schemas, rules, actions), `bin/` its backend plugin,
`src/` its React module. Scaffolded by `prefiq new app {{name}}`.

| command | what it does |
| --- | --- |
| `npx prefiq codegen --app {{name}}` | regenerate `core/generated/` after changing `core/` |
| `npx prefiq migrations generate --app {{name}}` | write the SQL migration for changed tables into `bin/migrations/` |
| `npx nx test app-{{name}}` | this app's tests |
| `npx nx serve app-{{name}}` | run the app on its own: API and web UI on one port (the UI is built into `dist/web` when stale) |
| `npx vite apps/{{name}}/src` | work on the UI with hot reload (`src/vite.config.ts` proxies `/api` to the served app) |

Start by changing `core/schema/note.schema.json` (or adding a schema beside it), then run codegen
and migrations generate, and commit all of it: generated files are never edited by hand.
