import path from 'node:path';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { MeetingResolver, AttendanceResolver } from '../meetings/meeting.resolver.js';
import { PersonResolver } from '../people/person.resolver.js';
import { OrganizationResolver } from '../organizations/organization.resolver.js';
import { ThemeResolver } from '../themes/theme.resolver.js';
import { MethodResolver } from '../methods/method.resolver.js';
import { PracticeResolver } from '../practices/practice.resolver.js';
import { ReportResolver } from '../reports/report.resolver.js';
import { UserResolver } from '../users/user.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { GraphResolver } from '../links/graph.resolver.js';
import { ImportResolver } from '../importer/import.resolver.js';
import { ReportVersionResolver } from '../reports/report-version.resolver.js';
import { SearchHitResolver, SearchResolver } from '../search/search.resolver.js';
import { SynonymGroupResolver } from '../synonyms/synonym-group.resolver.js';

export const resolvers = [
  MeetingResolver, AttendanceResolver, PersonResolver, OrganizationResolver, ThemeResolver,
  MethodResolver, PracticeResolver, ReportResolver, UserResolver, NodeResolver, GraphResolver, ImportResolver, ReportVersionResolver, SearchResolver, SearchHitResolver,
  SynonymGroupResolver,
] as const;

/** Where the SDL is written for graphql-codegen (client types). */
export const SCHEMA_FILE = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'schema.graphql');

export function createSchema(options: { emitSchemaFile?: boolean } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: false,
    emitSchemaFile: options.emitSchemaFile ? { path: SCHEMA_FILE, sortedSchema: true } : false,
  });
}
