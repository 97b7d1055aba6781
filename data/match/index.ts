/** The matcher: figures plus their context, checked against facts. Pure; imports only data/schema and data/text. */
export { buildIndex, type MatchIndex } from './build';
export { matchBatch } from './match';
export { formatQuantity } from './format-quantity';
export { toFactView, type PackRef } from './fact-view';
export { packVerdicts, unpackVerdicts, type PackedVerdicts } from './pack-verdicts';
export { decodeAnnotate } from './request';
