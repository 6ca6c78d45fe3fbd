{
  "name": "{{name}}",
  "version": "0.1.0",
  "title": "{{title}}",
  "description": "{{title}}, a Codexion app.",
  "icon": "notebook-pen",
  "license": { "name": "Apache-2.0", "identifier": "Apache-2.0" },
  "framework": "^0.1.0",
  "permissions": [],
  "nav": [
    {
      "label": "Notes",
      "path": "/notes",
      "icon": "notebook-pen",
      "permission": "{{name}}:note:read"
    }
  ],
  "events": []
}
