import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '@atelier/shared';
import { User } from './user.entity.js';
import { parseId } from '../graphql/global-id.js';
import type { GraphQLContext } from '../graphql/context.js';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { description: 'Send as "Authorization: Bearer <token>"; for /collab as ?token=' })
  token: string;

  @Field(() => User)
  user: User;
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  password?: string | null;
}

@Resolver(() => User)
export class UserResolver {
  @Mutation(() => AuthPayload, { description: 'The only operation open without a token' })
  login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return ctx.services.auth.login(email, password);
  }

  @Query(() => User)
  me(@Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.users.get(ctx.actor, ctx.actor?.id ?? '');
  }

  @Query(() => [User])
  users(@Ctx() ctx: GraphQLContext): Promise<User[]> {
    return ctx.services.users.list(ctx.actor);
  }

  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.users.create(ctx.actor, input);
  }

  @Mutation(() => User)
  updateUser(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.users.update(ctx.actor, parseId('id', id, 'User'), input);
  }

  @Mutation(() => Boolean)
  deleteUser(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.users.delete(ctx.actor, parseId('id', id, 'User'));
  }
}
