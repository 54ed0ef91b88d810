export * from './enums.js';
export * from './close-codes.js';
export * from './error-reasons.js';
export * from './report-text.js';
