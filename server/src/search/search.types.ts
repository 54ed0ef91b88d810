import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Meeting } from '../meetings/meeting.entity.js';
import { PageInfo } from '../graphql/connection.js';
import { EXACT_LIMIT, EXACT_TOTAL_LIMIT, SAMPLE_MODULUS } from './search.sql.js';

@InputType()
export class SearchFilter {
  @Field(() => [String], { nullable: true, description: 'Theme keys; a hit must carry one of them' })
  themes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Organisation ids; a hit must involve one of them' })
  organizations?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Hit kinds (PRACTICE, SECTION, METHOD, MEETING, PERSON, ORGANIZATION) or meeting kinds (MEETING, EXCHANGE, ONLINE)' })
  kinds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Meetings on or after this day, YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Meetings on or before this day, YYYY-MM-DD' })
  to?: string | null;
}

@ObjectType('SearchHit')
export class SearchHit {
  @Field(() => String, { description: 'PRACTICE, SECTION (of a report), METHOD, MEETING, PERSON or ORGANIZATION' })
  kind: string;

  @Field(() => ID, { description: 'Global id: the practice, the report (for a section), the method, meeting, person or organisation' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The key of a method' })
  key: string | null;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'Text around the matches, which are marked <b>…</b>; everything else is plain text' })
  snippet: string;

  @Field(() => Number)
  score: number;

  @Field(() => Meeting, { nullable: true })
  meeting: Meeting | null;

  meetingId: string | null;
}

@ObjectType('ThemeFacet')
export class ThemeFacet {
  @Field(() => String) key: string;
  @Field(() => String) label: string;
  @Field(() => Int) count: number;
}

@ObjectType('OrganizationFacet')
export class OrganizationFacet {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => Int) count: number;
}

@ObjectType('YearFacet')
export class YearFacet {
  @Field(() => Int) year: number;
  @Field(() => Int) count: number;
}

@ObjectType('KindFacet')
export class KindFacet {
  @Field(() => String) kind: string;
  @Field(() => Int) count: number;
}

@ObjectType('SearchFacets', { description: 'Counts per value; each dimension is counted with the other dimensions\' filters applied, not its own' })
export class SearchFacets {
  @Field(() => Boolean, { description: `True when so many entries matched (more than about ${EXACT_LIMIT.toLocaleString('en')}) that the counts were taken on a fixed 1-in-${SAMPLE_MODULUS} sample of the index and multiplied by ${SAMPLE_MODULUS}` })
  estimated: boolean;
  @Field(() => [ThemeFacet]) themes: ThemeFacet[];
  @Field(() => [OrganizationFacet]) organizations: OrganizationFacet[];
  @Field(() => [YearFacet]) years: YearFacet[];
  @Field(() => [KindFacet]) kinds: KindFacet[];
}

@ObjectType('SearchResult')
export class SearchResult {
  @Field(() => Int) totalCount: number;
  @Field(() => Boolean, { description: `True when totalCount is an estimate from the sample (see SearchFacets.estimated); filters that leave fewer than about ${EXACT_TOTAL_LIMIT.toLocaleString('en')} matches are counted exactly` })
  totalCountIsEstimate: boolean;
  @Field(() => [SearchHit]) hits: SearchHit[];
  @Field(() => SearchFacets) facets: SearchFacets;
  @Field(() => String, { nullable: true, description: 'When few results matched, the corrected query that was searched instead' })
  didYouMean: string | null;
  @Field(() => PageInfo) pageInfo: PageInfo;
}
