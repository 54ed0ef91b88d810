import { graphql } from './generated';

/** Every operation of the client, in one place: codegen types them from the server's schema. */

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token user { id email role } }
  }
`);

export const HomeQuery = graphql(`
  query Home {
    meetings { id date kind title location practices { id } }
    themes { key labels { nl fr en } practiceCount }
  }
`);

export const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      id date kind title titleNl titleFr location sourceFile
      attendances { id status person { id name } organization { id name } }
      practices { id title themes { key labels { nl fr en } } }
      methods { key name }
      report { id documentName }
    }
  }
`);

export const PracticeQuery = graphql(`
  query Practice($id: ID!) {
    practice(id: $id) {
      id title description section sourcePassage origin
      themes { key labels { nl fr en } }
      meeting { id date title report { id } }
      organizations { id name }
      methods { key name }
    }
  }
`);

export const MethodQuery = graphql(`
  query Method($key: String!) {
    method(key: $key) {
      id key name aliases descriptions { nl fr en }
      mentions { meeting { id date title kind } passage origin }
      practices { id title meeting { id date } }
    }
    methods { key name }
  }
`);

export const SearchQuery = graphql(`
  query Search($query: String!, $filter: SearchFilter, $first: Int, $after: String, $language: String) {
    search(query: $query, filter: $filter, first: $first, after: $after, language: $language) {
      totalCount totalCountIsEstimate didYouMean
      hits { kind id key title snippet meeting { id date title } }
      facets {
        estimated
        themes { key label count }
        organizations { id name count }
        years { year count }
        kinds { kind count }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const GraphQueryDocument = graphql(`
  query Graph($nodeId: ID!, $depth: Int) {
    graph(nodeId: $nodeId, depth: $depth) { truncated nodes { id type label key } edges { source target relation } }
  }
`);

export const GraphStartQuery = graphql(`
  query GraphStart { methods { id key name } themes { id key labels { nl fr en } } meetings { id date title } }
`);

export const ReportQuery = graphql(`
  query Report($id: ID!) { report(id: $id) { id documentName text meeting { id date title kind location } } }
`);

export const UsersQuery = graphql(`query Users { users { id email name role } }`);
export const CreateUserMutation = graphql(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }`);
export const UpdateUserMutation = graphql(`mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role } }`);
export const DeleteUserMutation = graphql(`mutation DeleteUser($id: ID!) { deleteUser(id: $id) }`);

export const TaxonomyQuery = graphql(`
  query Taxonomy {
    themes { key labels { nl fr en } keywords }
    methods { key name aliases descriptions { nl fr en } }
  }
`);
export const UpsertThemeMutation = graphql(`mutation UpsertTheme($input: ThemeInput!) { upsertTheme(input: $input) { key } }`);
export const UpsertMethodMutation = graphql(`mutation UpsertMethod($input: MethodInput!) { upsertMethod(input: $input) { key } }`);

export const SynonymGroupsQuery = graphql(`query SynonymGroups { synonymGroups { id terms } }`);
export const SaveSynonymGroupMutation = graphql(`mutation SaveSynonymGroup($id: ID, $terms: [String!]!) { saveSynonymGroup(id: $id, terms: $terms) { id terms } }`);
export const DeleteSynonymGroupMutation = graphql(`mutation DeleteSynonymGroup($id: ID!) { deleteSynonymGroup(id: $id) }`);

export const ImportReportMutation = graphql(`
  mutation ImportReport($filename: String!, $text: String!) {
    importReport(filename: $filename, text: $text) { status practices attendances warnings meeting { id date title } }
  }
`);

export const ReportEditorQuery = graphql(`
  query ReportEditor($id: ID!) {
    report(id: $id) {
      id documentName
      meeting { id date title kind location attendances { id status person { id name } organization { id name } } }
    }
    me { id email name role }
    themes { key labels { nl fr en } }
    organizations { id name }
  }
`);

export const LinkTargetsQuery = graphql(`
  query LinkTargets {
    methods { key name aliases }
    themes { key labels { nl fr en } }
    people { id name }
    organizations { id name }
    practices(first: 100) { edges { node { id title } } }
  }
`);

export const ReportVersionsQuery = graphql(`
  query ReportVersions($id: ID!) { report(id: $id) { id text versions { id name automatic text createdAt } } }
`);
export const CreateReportVersionMutation = graphql(`mutation CreateReportVersion($reportId: ID!, $name: String) { createReportVersion(reportId: $reportId, name: $name) { id } }`);
export const RestoreReportVersionMutation = graphql(`mutation RestoreReportVersion($versionId: ID!) { restoreReportVersion(versionId: $versionId) { id } }`);
export const CreatePracticeMutation = graphql(`mutation CreatePractice($input: CreatePracticeInput!) { createPractice(input: $input) { id title } }`);
export const UpdateMeetingMutation = graphql(`mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id date location } }`);
export const SetAttendancesMutation = graphql(`mutation SetAttendances($input: SetAttendancesInput!) { setAttendances(input: $input) { id attendances { id status person { id name } organization { id name } } } }`);
