import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DomainError, forbidden } from '../errors';
import type { GraphQLContext } from '../graphql-context';
import { checkCaller, operationRule } from './policy';

/**
 * The one operation-level authorization check: before any query or mutation
 * resolver runs, its caller rule from OPERATION_POLICY (policy.ts) is applied. An
 * operation without a rule is refused (FORBIDDEN, NO_POLICY) and logged, so a new
 * operation cannot ship without one. Field resolvers below the root, and REST
 * routes, are not operations and pass through.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger('Authorization');

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(execution);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const parent = info.parentType.name;
    if (parent !== 'Query' && parent !== 'Mutation') return true;
    const operation = `${parent}.${info.fieldName}`;
    const rule = operationRule(operation);
    if (!rule) {
      this.logger.error(`No authorization rule for ${operation}: add it to OPERATION_POLICY (common/authz/policy.ts)`);
      throw forbidden('This operation is not available.', 'NO_POLICY');
    }
    const user = await gql.getContext<GraphQLContext>().ctx.user();
    const verdict = checkCaller(rule.caller, user);
    if (!verdict.ok) throw new DomainError(verdict.code, verdict.message, verdict.reason);
    return true;
  }
}
