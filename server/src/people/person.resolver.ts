import { Arg, Ctx, FieldResolver, ID, InputType, Field, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Person } from './person.entity.js';
import { Attendance } from '../meetings/attendance.entity.js';
import { parseId } from '../graphql/global-id.js';
import type { GraphQLContext } from '../graphql/context.js';

@InputType()
export class UpdatePersonInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => [Person], { description: 'One row per real person, whatever the spelling' })
  people(@Ctx() ctx: GraphQLContext): Promise<Person[]> {
    return ctx.services.people.list(ctx.actor);
  }

  @Query(() => Person)
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return ctx.services.people.get(ctx.actor, parseId('id', id, 'Person'));
  }

  @Mutation(() => Person)
  updatePerson(@Arg('id', () => ID) id: string, @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return ctx.services.people.update(ctx.actor, parseId('id', id, 'Person'), input);
  }

  @Mutation(() => Boolean)
  deletePerson(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.people.delete(ctx.actor, parseId('id', id, 'Person'));
  }

  @Mutation(() => Person, { description: 'Admin: two rows were one person; keep the first' })
  mergePeople(@Arg('keepId', () => ID) keepId: string, @Arg('mergeId', () => ID) mergeId: string, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return ctx.services.people.merge(ctx.actor, parseId('keepId', keepId, 'Person'), parseId('mergeId', mergeId, 'Person'));
  }

  @Mutation(() => Person, { description: 'Admin: one row was two people; the given attendances move to a new person' })
  splitPerson(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
    @Arg('attendanceIds', () => [ID]) attendanceIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<Person> {
    return ctx.services.people.split(ctx.actor, parseId('id', id, 'Person'), name, attendanceIds.map((a) => String(a)));
  }

  @FieldResolver(() => [Attendance])
  attendances(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<Attendance[]> {
    return ctx.loaders.attendancesByPerson.load(person.id);
  }
}
