import 'reflect-metadata';
import { SCHEMA_FILE, createSchema } from './schema.js';

/** Writes the SDL to shared/schema.graphql, from which the client's types are generated. */
await createSchema({ emitSchemaFile: true });
console.log(`GraphQL schema written to ${SCHEMA_FILE}`);
