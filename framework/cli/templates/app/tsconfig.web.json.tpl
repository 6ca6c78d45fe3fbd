{
  "extends": "../../tsconfig.browser.json",
  "compilerOptions": {
    "rootDir": ".",
    "outDir": "dist/web",
    "tsBuildInfoFile": "dist/web/tsconfig.tsbuildinfo"
  },
  "include": ["src/**/*.ts", "src/**/*.tsx", "core/generated/types.ts", "core/generated/client/**/*.ts", "core/**/*.json"],
  "references": [{ "path": "../../framework/schema" }, { "path": "../../framework/web" }, { "path": "../../resources" }]
}
