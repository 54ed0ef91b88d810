import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Theme } from './theme.entity.js';
import type { GraphQLContext } from '../graphql/context.js';

@InputType()
export class ThemeInput {
  @Field(() => String)
  key: string;

  @Field(() => String)
  labelNl: string;

  @Field(() => String)
  labelFr: string;

  @Field(() => String)
  labelEn: string;

  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;

  @Field(() => String, { nullable: true })
  parentKey?: string | null;
}

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme])
  themes(@Ctx() ctx: GraphQLContext): Promise<Theme[]> {
    return ctx.services.themes.list(ctx.actor);
  }

  @Query(() => Theme)
  theme(@Arg('key', () => String) key: string, @Ctx() ctx: GraphQLContext): Promise<Theme> {
    return ctx.services.themes.getByKey(ctx.actor, key);
  }

  @Mutation(() => Theme, { description: 'Admin: create or update the theme with this key' })
  upsertTheme(@Arg('input', () => ThemeInput) input: ThemeInput, @Ctx() ctx: GraphQLContext): Promise<Theme> {
    return ctx.services.themes.upsert(ctx.actor, input);
  }

  @Mutation(() => Boolean)
  deleteTheme(@Arg('key', () => String) key: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.themes.delete(ctx.actor, key);
  }

  @FieldResolver(() => Int)
  practiceCount(@Root() theme: Theme, @Ctx() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.practiceCountByTheme.load(theme.id);
  }

  @FieldResolver(() => Theme, { nullable: true })
  parent(@Root() theme: Theme, @Ctx() ctx: GraphQLContext): Promise<Theme | null> | null {
    return theme.parentId ? ctx.loaders.theme.load(theme.parentId) : null;
  }
}
