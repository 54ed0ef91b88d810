import { InitialSchema1732000000000 } from './1732000000000-initial-schema.js';
import { SearchIndex1732000001000 } from './1732000001000-search-index.js';
import { SearchPending1732000002000 } from './1732000002000-search-pending.js';
import { SearchSample1732000003000 } from './1732000003000-search-sample.js';
import { ReportDerivedSeq1732000004000 } from './1732000004000-report-derived-seq.js';
import { MethodDescriptions1732000005000 } from './1732000005000-method-descriptions.js';
import { TaxonomyVersion1732000006000 } from './1732000006000-taxonomy-version.js';
import { SynonymGroups1732000007000 } from './1732000007000-synonym-groups.js';
import { SearchPassages1732000008000 } from './1732000008000-search-passages.js';

/** Every migration, in order. New ones are appended here (ESM: no glob loading). */
export const migrations = [InitialSchema1732000000000, SearchIndex1732000001000, SearchPending1732000002000, SearchSample1732000003000, ReportDerivedSeq1732000004000, MethodDescriptions1732000005000, TaxonomyVersion1732000006000, SynonymGroups1732000007000, SearchPassages1732000008000];
