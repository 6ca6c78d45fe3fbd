// @codexion/framework/numbering: gapless document numbers per tenant and their formats (ADR 0027 §10)
export { type DocumentNumberParts, formatDocumentNumber } from './format-document-number.js';
export { createNumbering, type Numbering, NumberingToken } from './numbering.js';
