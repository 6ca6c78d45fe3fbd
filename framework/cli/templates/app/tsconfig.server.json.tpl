{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "rootDir": ".",
    "outDir": "dist/server",
    "tsBuildInfoFile": "dist/server/tsconfig.tsbuildinfo"
  },
  "include": ["core/**/*.ts", "core/**/*.json", "bin/**/*.ts", "vitest.server.config.ts"],
  "exclude": ["core/generated/client/**", "dist"],
  "references": [{ "path": "../../framework/schema" }, { "path": "../../framework/server" }]
}
