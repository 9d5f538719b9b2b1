import { defaultTemplates } from '@saldo/core/channels';
import { createOrgTemplates } from './org-templates.js';
import { createTemplatePreview } from './template-preview.js';
import { createTemplateResolution } from './template-resolution.js';
import type { Templates, TemplatesDeps } from './template-types.js';

export type * from './template-types.js';
export { toMessageTemplate } from './template-checks.js';

/**
 * Template management for organisations, composed from its parts: the org's drafts, versions and
 * publication (org-templates.ts, checks in template-checks.ts), previews with sample values
 * (template-preview.ts), and the catalogue the send path renders from — the org's published
 * template, else the built-in one (template-resolution.ts).
 */
export function createTemplates(deps: TemplatesDeps): Templates {
  const { store, clock } = deps;
  const builtIns = deps.builtIns ?? defaultTemplates;
  const resolution = createTemplateResolution({ store, clock, builtIns });
  return {
    ...createOrgTemplates({ store, clock, onPublished: resolution.forget }),
    builtIn: () => builtIns,
    preview: createTemplatePreview({ store, builtIns }),
    effective: (orgId, q) =>
      resolution.effective(
        orgId,
        {
          templateId: q.key,
          channel: q.channel,
          locale: q.locale,
          ...(q.country ? { country: q.country } : {}),
        },
        false,
      ),
    catalog: resolution.catalog,
  };
}
