import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Method } from './method.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Practice } from '../practices/practice.entity.js';
import type { GraphQLContext } from '../graphql/context.js';

@InputType()
export class MethodInput {
  @Field(() => String)
  key: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'In English' })
  description?: string | null;

  @Field(() => String, { nullable: true })
  descriptionNl?: string | null;

  @Field(() => String, { nullable: true })
  descriptionFr?: string | null;
}

@ObjectType('MethodMention', { description: 'A passage of a meeting report that uses the method' })
export class MethodMentionType {
  @Field(() => Meeting)
  meeting: Meeting;

  @Field(() => String, { nullable: true })
  passage: string | null;

  @Field(() => String, { description: 'IMPORT, EDITOR (a link typed in the editor) or MANUAL' })
  origin: string;
}

@Resolver(() => Method)
export class MethodResolver {
  @Query(() => [Method])
  methods(@Ctx() ctx: GraphQLContext): Promise<Method[]> {
    return ctx.services.methods.list(ctx.actor);
  }

  @Query(() => Method)
  method(@Arg('key', () => String) key: string, @Ctx() ctx: GraphQLContext): Promise<Method> {
    return ctx.services.methods.getByKey(ctx.actor, key);
  }

  @Mutation(() => Method, { description: 'Admin: create or update a method; existing reports are re-linked' })
  upsertMethod(@Arg('input', () => MethodInput) input: MethodInput, @Ctx() ctx: GraphQLContext): Promise<Method> {
    return ctx.services.methods.upsert(ctx.actor, input);
  }

  @Mutation(() => Boolean)
  deleteMethod(@Arg('key', () => String) key: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.methods.delete(ctx.actor, key);
  }

  @FieldResolver(() => [Meeting], { description: 'Every meeting that used the method, oldest first' })
  async meetings(@Root() method: Method, @Ctx() ctx: GraphQLContext): Promise<Meeting[]> {
    const meetings = await ctx.loaders.meetingsByMethod.load(method.id);
    return [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  }

  @FieldResolver(() => [Practice])
  practices(@Root() method: Method, @Ctx() ctx: GraphQLContext): Promise<Practice[]> {
    return ctx.loaders.practicesByMethod.load(method.id);
  }

  @FieldResolver(() => [MethodMentionType])
  async mentions(@Root() method: Method, @Ctx() ctx: GraphQLContext): Promise<MethodMentionType[]> {
    const mentions = await ctx.services.methods.mentions(ctx.actor, method.id);
    const meetings = await ctx.loaders.meeting.loadMany(mentions.map((m) => m.meetingId));
    return mentions.flatMap((mention, i) => {
      const meeting = meetings[i];
      return meeting && !(meeting instanceof Error) ? [{ meeting, passage: mention.passage, origin: mention.origin }] : [];
    });
  }
}
