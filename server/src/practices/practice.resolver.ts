import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Practice } from './practice.entity.js';
import { CreatePracticeInput, UpdatePracticeInput } from './practice.inputs.js';
import { Theme } from '../themes/theme.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Method } from '../methods/method.entity.js';
import { ConnectionType, type Connection } from '../graphql/connection.js';
import { parseId } from '../graphql/global-id.js';
import { badInput } from '../common/errors.js';
import type { GraphQLContext } from '../graphql/context.js';

export const PracticeConnection = ConnectionType('Practice', Practice);

function parseAnchor(anchor: string | null | undefined): unknown {
  if (anchor === null || anchor === undefined) return undefined;
  if (anchor.length > 10_000) throw badInput('anchor', 'anchor is too long');
  try {
    return JSON.parse(anchor);
  } catch {
    throw badInput('anchor', 'anchor must be JSON');
  }
}

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => PracticeConnection, { description: 'Good practices, newest first; filter by theme key' })
  practices(
    @Ctx() ctx: GraphQLContext,
    @Arg('theme', () => String, { nullable: true }) theme?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Practice>> {
    return ctx.services.practices.page(ctx.actor, theme ?? null, first, after);
  }

  @Query(() => Practice)
  practice(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Practice> {
    return ctx.services.practices.get(ctx.actor, parseId('id', id, 'Practice'));
  }

  @Mutation(() => Practice)
  createPractice(@Arg('input', () => CreatePracticeInput) input: CreatePracticeInput, @Ctx() ctx: GraphQLContext): Promise<Practice> {
    return ctx.services.practices.create(ctx.actor, {
      title: input.title,
      description: input.description,
      themeKeys: input.themes ?? [],
      methodKeys: input.methods ?? [],
      organizationIds: (input.organizationIds ?? []).map((id) => parseId('organizationIds', id, 'Organization')),
      meetingId: input.meetingId ? parseId('meetingId', input.meetingId, 'Meeting') : null,
      sourcePassage: input.sourcePassage,
      anchor: parseAnchor(input.anchor),
    }, input.anchor ? 'EDITOR' : 'MANUAL');
  }

  @Mutation(() => Practice)
  updatePractice(@Arg('id', () => ID) id: string, @Arg('input', () => UpdatePracticeInput) input: UpdatePracticeInput, @Ctx() ctx: GraphQLContext): Promise<Practice> {
    return ctx.services.practices.update(ctx.actor, parseId('id', id, 'Practice'), {
      title: input.title ?? undefined,
      description: input.description,
      themeKeys: input.themes,
      methodKeys: input.methods,
      organizationIds: input.organizationIds?.map((orgId) => parseId('organizationIds', orgId, 'Organization')),
    });
  }

  @Mutation(() => Boolean)
  deletePractice(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.practices.delete(ctx.actor, parseId('id', id, 'Practice'));
  }

  @FieldResolver(() => [Theme])
  themes(@Root() practice: Practice, @Ctx() ctx: GraphQLContext): Promise<Theme[]> {
    return ctx.loaders.themesByPractice.load(practice.id);
  }

  @FieldResolver(() => Meeting, { nullable: true })
  meeting(@Root() practice: Practice, @Ctx() ctx: GraphQLContext): Promise<Meeting | null> | null {
    return practice.meetingId ? ctx.loaders.meeting.load(practice.meetingId) : null;
  }

  @FieldResolver(() => [Organization])
  organizations(@Root() practice: Practice, @Ctx() ctx: GraphQLContext): Promise<Organization[]> {
    return ctx.loaders.organizationsByPractice.load(practice.id);
  }

  @FieldResolver(() => [Method])
  methods(@Root() practice: Practice, @Ctx() ctx: GraphQLContext): Promise<Method[]> {
    return ctx.loaders.methodsByPractice.load(practice.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'JSON of the Yjs relative-position range, for practices captured in the editor' })
  anchorJson(@Root() practice: Practice): string | null {
    return practice.anchor == null ? null : JSON.stringify(practice.anchor);
  }
}
