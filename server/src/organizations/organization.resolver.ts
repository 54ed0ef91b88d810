import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrganizationKind } from '@atelier/shared';
import { Organization } from './organization.entity.js';
import { Practice } from '../practices/practice.entity.js';
import { parseId } from '../graphql/global-id.js';
import type { GraphQLContext } from '../graphql/context.js';

@InputType()
export class OrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { description: 'One row per real centre or administration, whatever the spelling or language' })
  organizations(@Ctx() ctx: GraphQLContext): Promise<Organization[]> {
    return ctx.services.organizations.list(ctx.actor);
  }

  @Query(() => Organization)
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Organization> {
    return ctx.services.organizations.get(ctx.actor, parseId('id', id, 'Organization'));
  }

  @Mutation(() => Organization)
  createOrganization(@Arg('input', () => OrganizationInput) input: OrganizationInput, @Ctx() ctx: GraphQLContext): Promise<Organization> {
    return ctx.services.organizations.create(ctx.actor, input);
  }

  @Mutation(() => Organization)
  updateOrganization(@Arg('id', () => ID) id: string, @Arg('input', () => OrganizationInput) input: OrganizationInput, @Ctx() ctx: GraphQLContext): Promise<Organization> {
    return ctx.services.organizations.update(ctx.actor, parseId('id', id, 'Organization'), input);
  }

  @Mutation(() => Boolean)
  deleteOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.organizations.delete(ctx.actor, parseId('id', id, 'Organization'));
  }

  @Mutation(() => Organization, { description: 'Admin: two rows were one organisation; keep the first' })
  mergeOrganizations(@Arg('keepId', () => ID) keepId: string, @Arg('mergeId', () => ID) mergeId: string, @Ctx() ctx: GraphQLContext): Promise<Organization> {
    return ctx.services.organizations.merge(ctx.actor, parseId('keepId', keepId, 'Organization'), parseId('mergeId', mergeId, 'Organization'));
  }

  @FieldResolver(() => [Practice])
  practices(@Root() organization: Organization, @Ctx() ctx: GraphQLContext): Promise<Practice[]> {
    return ctx.loaders.practicesByOrganization.load(organization.id);
  }
}
