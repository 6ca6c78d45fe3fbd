{
  "rules": [
    {
      "id": "published-needs-body",
      "message": "A published note needs a body",
      "path": "/body",
      "when": { "==": [{ "var": "status" }, "published"] },
      "assert": { "!!": [{ "var": "body" }] }
    }
  ]
}
