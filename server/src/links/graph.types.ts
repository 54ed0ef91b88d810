import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('GraphNode')
export class GraphNode {
  @Field(() => ID, { description: 'The global id of the entity (node(id) resolves it)' })
  id: string;

  @Field(() => String, { description: 'MEETING, PRACTICE, METHOD, THEME, ORGANIZATION or PERSON' })
  type: string;

  @Field(() => String)
  label: string;

  @Field(() => String, { nullable: true, description: 'The key of a method or theme (for /methods/:key)' })
  key: string | null;
}

@ObjectType('GraphEdge')
export class GraphEdge {
  @Field(() => ID)
  source: string;

  @Field(() => ID)
  target: string;

  @Field(() => String, { description: 'e.g. FROM_MEETING, ABOUT_THEME, USES_METHOD, INVOLVES, ATTENDED, MENTIONS' })
  relation: string;
}

@ObjectType('Graph')
export class Graph {
  @Field(() => [GraphNode])
  nodes: GraphNode[];

  @Field(() => [GraphEdge])
  edges: GraphEdge[];

  @Field(() => Boolean, { description: 'True when the neighbourhood was cut at the node limit' })
  truncated: boolean;
}
