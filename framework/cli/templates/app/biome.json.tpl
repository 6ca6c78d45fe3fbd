{
  "$schema": "../../node_modules/@biomejs/biome/configuration_schema.json",
  "root": false,
  "extends": "//",
  "css": { "parser": { "tailwindDirectives": true } }
}
