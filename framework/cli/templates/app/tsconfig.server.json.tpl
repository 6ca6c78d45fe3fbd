{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "rootDir": ".",
    "outDir": "dist/server",
    "tsBuildInfoFile": "dist/server/tsconfig.tsbuildinfo"
  },
  "include": [
    "core/**/*.json",
    "core/generated/tables.ts",
    "core/generated/contract.ts",
    "core/generated/client/types.gen.ts",
    "bin/**/*.ts",
    "vitest.server.config.ts"
  ],
  "exclude": ["dist"],
  "references": [{ "path": "../../framework/schema" }, { "path": "../../framework/server" }]
}
