export * from './enums.js';
export * from './close-codes.js';
