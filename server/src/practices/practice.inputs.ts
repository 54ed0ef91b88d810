import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreatePracticeInput {
  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Theme keys' })
  themes?: string[] | null;

  @Field(() => ID, { nullable: true })
  meetingId?: string | null;

  @Field(() => [ID], { nullable: true })
  organizationIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Method keys' })
  methods?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The passage of the report the practice comes from' })
  sourcePassage?: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of a Yjs relative-position range in the report' })
  anchor?: string | null;
}

@InputType()
export class UpdatePracticeInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  themes?: string[] | null;

  @Field(() => [ID], { nullable: true })
  organizationIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  methods?: string[] | null;
}
