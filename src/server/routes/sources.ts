/** The scenario's sources (`meta.sources`): add one, such as a national letter a pledge cites. */
import { z } from 'zod';
import { NewSource } from '../../core/scenario/index.js';
import type { AppDeps } from '../deps.js';
import { defineRoute, editors, type RouteDef } from '../route.js';

const AddSource = z.strictObject({ value: NewSource });

/** `value.citation: give the citation …; value.url: …`: each refused field by name, with what to give. */
const refuseSource = (issues: readonly z.core.$ZodIssue[]): string =>
  issues
    .map((i) =>
      i.path.length <= 1 && i.code === 'invalid_type'
        ? 'the body needs "value": the source ({citation, kind?, date?, url?, method?, id?})'
        : i.code === 'unrecognized_keys'
          ? `${i.path.map(String).join('.')}: unknown field(s) ${i.keys.join(', ')}`
          : `${i.path.map(String).join('.')}: ${i.message}`,
    )
    .join('; ');

export function sourceRoutes(deps: AppDeps): RouteDef[] {
  const { workspace } = deps;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/scenarios/:id/sources',
      summary:
        'Add a source to meta.sources ({value: {citation, kind?, date?, url?, method?, id?}}); the id is generated when omitted; 409 if the id exists',
      tag: 'sources',
      access: editors,
      status: 201,
      body: { schema: AddSource, refuse: refuseSource },
      handler: (ctx) => workspace.addSource(ctx.actor, ctx.params['id'] ?? '', ctx.body.value),
    }),
  ];
}
