{
  "files": [],
  "references": [{ "path": "./tsconfig.server.json" }, { "path": "./tsconfig.web.json" }]
}
