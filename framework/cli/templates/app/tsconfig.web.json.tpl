{
  "extends": "../../tsconfig.browser.json",
  "compilerOptions": {
    "rootDir": ".",
    "outDir": "dist/types/web",
    "tsBuildInfoFile": "dist/types/web/tsconfig.tsbuildinfo"
  },
  "include": [
    "src/**/*.ts",
    "src/**/*.tsx",
    "vitest.web.config.ts",
    "vitest.config.ts",
    "core/generated/contract.ts",
    "core/generated/client/**/*.ts",
    "core/**/*.json"
  ],
  "references": [
    { "path": "../../framework/schema" },
    { "path": "../../framework/client" },
    { "path": "../../framework/web" },
    { "path": "../../resources" }
  ]
}
