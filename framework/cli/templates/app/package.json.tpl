{
  "name": "@codexion/{{name}}",
  "version": "0.1.0",
  "private": true,
  "description": "{{title}}: a Codexion app",
  "license": "Apache-2.0",
  "type": "module",
  "exports": {
    "./core/*": "./core/*",
    "./client": "./core/generated/client/index.ts",
    "./server": "./bin/plugin.ts",
    "./web": "./src/module.tsx",
    "./package.json": "./package.json"
  },
  "scripts": {
    "codegen": "prefiq codegen --app {{name}}",
    "typecheck": "tsc -b",
    "test": "vitest run",
    "serve": "prefiq serve --app {{name}}"
  },
  "nx": {
    "name": "app-{{name}}",
    "tags": [
      "scope:app"
    ]
  },
  "dependencies": {
    "@codexion/client": "0.1.0",
    "@codexion/framework": "0.1.0",
    "@codexion/schema": "0.1.0",
    "@codexion/web": "0.1.0",
    "drizzle-orm": "0.45.4",
    "lucide-react": "1.75.0",
    "react": "19.3.1",
    "react-dom": "19.3.1"
  }
}
