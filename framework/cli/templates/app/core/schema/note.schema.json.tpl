{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "note.schema.json",
  "title": "Note",
  "description": "An example entity: change it or add schemas beside it.",
  "type": "object",
  "additionalProperties": false,
  "required": ["title", "status"],
  "properties": {
    "title": { "type": "string", "minLength": 1, "maxLength": 200 },
    "body": { "type": ["string", "null"], "maxLength": 20000, "x-codexion": { "widget": "textarea" } },
    "status": { "type": "string", "enum": ["draft", "published"], "default": "draft" },
    "dueDate": { "type": ["string", "null"], "format": "date", "maxLength": 10 }
  },
  "x-codexion": {
    "table": "notes",
    "titleField": "title",
    "search": ["title", "body"],
    "softDelete": true,
    "ui": {
      "icon": "notebook-pen",
      "listColumns": ["title", "status", "dueDate"],
      "formSections": [{ "id": "main", "title": "Note", "fields": ["title", "status", "dueDate", "body"] }]
    }
  }
}
