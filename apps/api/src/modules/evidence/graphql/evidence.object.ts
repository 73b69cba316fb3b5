import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum EvidenceKindGql {
  file = 'file',
  link = 'link',
}
registerEnumType(EvidenceKindGql, { name: 'EvidenceKind', description: 'A stored file, or a link to something elsewhere.' });

@ObjectType('EvidenceItem', { description: 'A file or link attached to a case study as evidence.' })
export class EvidenceItemObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseStudyId!: string;
  @Field(() => EvidenceKindGql) kind!: EvidenceKindGql;
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'Files: the type detected from the content, e.g. application/pdf.' }) mediaType!: string | null;
  @Field(() => Int, { nullable: true, description: 'Files: size in bytes.' }) sizeBytes!: number | null;
  @Field(() => String, { nullable: true, description: 'Files: SHA-256 of the content (hex); the file is stored under it.' }) sha256!: string | null;
  @Field(() => String, { nullable: true, description: 'Files: the name it was uploaded with.' }) originalName!: string | null;
  @Field(() => String, { nullable: true, description: 'Links: the https address.' }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'Files: where to download it (same origin, needs the session).' }) downloadUrl!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('CaseStudyEvidence', { description: "A case study's evidence with its limits; visible to the vendor's members, assigned reviewers and admins." })
export class CaseStudyEvidenceObject {
  @Field(() => ID) caseStudyId!: string;
  @Field({ description: 'True when you may add and remove evidence now (a member, and the case study is a draft).' }) editable!: boolean;
  @Field(() => Int, { description: 'What the files add up to, in bytes.' }) totalBytes!: number;
  @Field(() => Int) maxTotalBytes!: number;
  @Field(() => Int) maxFileBytes!: number;
  @Field(() => [EvidenceItemObject]) items!: EvidenceItemObject[];
}
