import type { DataSource } from 'typeorm';
import type { Logger } from './logger.js';
import { AuthService } from './auth/auth.service.js';
import type { TokenService } from './auth/tokens.js';
import { UsersService } from './users/users.service.js';
import { MeetingsService } from './meetings/meetings.service.js';
import { AttendancesService } from './meetings/attendances.service.js';
import { PeopleService } from './people/people.service.js';
import { OrganizationsService } from './organizations/organizations.service.js';
import { ThemesService } from './themes/themes.service.js';
import { MethodsService } from './methods/methods.service.js';
import { PracticesService } from './practices/practices.service.js';
import { ReportsService } from './reports/reports.service.js';
import { GraphService } from './links/graph.service.js';
import { ImportService } from './importer/import.service.js';
import type { VersionsService } from './collab/versions.js';
import type { CollabServer } from './collab/collab-server.js';
import type { ReportDerivation } from './reports/report-derivation.js';
import { SearchService } from './search/search.service.js';
import { SearchIndexer } from './search/search-indexer.js';
import { connectSearchIndex } from './search/search-sync.js';
import { relinkAllReports } from './links/mentions.service.js';
import { TaxonomyMatchers } from './taxonomy/taxonomy-matchers.js';
import { SynonymsService } from './synonyms/synonyms.service.js';

/**
 * Every domain service, built once per process over one DataSource. `taxonomyChanged` is told
 * first when a method or a theme is saved, before the reports are relinked and the search entries
 * rebuilt (the save waits for those), so that what it starts runs alongside them.
 */
export function createServices(dataSource: DataSource, tokens: TokenService, logger?: Logger, taxonomyChanged?: () => void) {
  const users = new UsersService(dataSource);
  const auth = new AuthService(dataSource, tokens);
  users.onRightsChanged(() => auth.forgetCachedTokens());
  const meetings = new MeetingsService(dataSource);
  const practices = new PracticesService(dataSource);
  const methods = new MethodsService(dataSource);
  const themes = new ThemesService(dataSource);
  if (taxonomyChanged) {
    methods.onChanged(async () => taxonomyChanged());
    themes.onChanged(async () => taxonomyChanged());
  }
  // The themes' and methods' matchers, compiled once per version of the taxonomy for all who match.
  const taxonomy = new TaxonomyMatchers();
  methods.onChanged(() => relinkAllReports(dataSource));
  const importer = new ImportService(dataSource, meetings, practices, taxonomy);
  const attendances = new AttendancesService(dataSource);
  const search = new SearchService(dataSource, taxonomy);
  const searchIndex = new SearchIndexer(dataSource, taxonomy);
  const importIndex = connectSearchIndex(dataSource, searchIndex, { importer, practices, meetings, methods, themes, attendances, logger });
  return {
    auth,
    users,
    meetings,
    attendances,
    importer,
    people: new PeopleService(dataSource),
    organizations: new OrganizationsService(dataSource),
    themes,
    methods,
    practices,
    reports: new ReportsService(dataSource),
    graph: new GraphService(dataSource),
    search,
    synonyms: new SynonymsService(dataSource),
    searchIndex,
    importIndex,
  };
}

export type Services = ReturnType<typeof createServices>;

/** The services of a running server: the core ones plus live collaboration and its history. */
export type AppServices = Services & {
  versions: VersionsService;
  derivation: ReportDerivation;
  collab: CollabServer;
};
