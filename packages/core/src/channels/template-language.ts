/**
 * Saldo's template language: deliberately tiny so that templates written by organisations can never
 * execute code. Two constructs only:
 *
 *   {{ variable }}                          one of `templateVariables` (a closed list)
 *   {{#if variable}} … {{else}} … {{/if}}   shown when the variable has a value; nests 3 deep
 *
 * Templates are parsed into a small tree; rendering is a lookup in a closed map of pre-formatted
 * values. There is no expression evaluation, no property access beyond the fixed names, no helpers.
 *
 * @example
 * const t = parseTemplate('Hola {{debtor.firstName}}, tu saldo es {{amount}}.');
 * if (t.ok) renderParsed(t.nodes, { 'debtor.firstName': 'Ana', amount: '$1,250.00' }, 'text');
 */

/** Every variable a template may use. Unknown names are validation errors. */
export const templateVariables = [
  'debtor.firstName',
  'debtor.lastName',
  'debtor.fullName',
  'amount',
  'dueDate',
  'paymentLink',
  'agentName',
  'callbackNumber',
  'creditor.name',
  'collector.name',
  'optOutInstructions',
  'optOutLink',
  'debtCollectorDisclosure',
] as const;
export type TemplateVariable = (typeof templateVariables)[number];

export function isTemplateVariable(x: string): x is TemplateVariable {
  return (templateVariables as readonly string[]).includes(x);
}

/** Variables whose value is a URL: in HTML they render as a link. */
export const linkVariables = ['paymentLink', 'optOutLink'] as const satisfies readonly TemplateVariable[];

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: TemplateVariable; at: number }
  | { kind: 'if'; name: TemplateVariable; then: TemplateNode[]; else: TemplateNode[]; at: number };

export interface TemplateIssue {
  /** Which field of the template (body, subject, html…) — filled in by callers. */
  path: string;
  /** Character offset in the source. */
  at: number;
  message: string;
}

export type ParseResult =
  { ok: true; nodes: TemplateNode[]; variables: TemplateVariable[] } | { ok: false; issues: TemplateIssue[] };

const MAX_DEPTH = 3;
const MAX_LENGTH = 20_000;
const TAG = /\{\{([\s\S]*?)\}\}/g;

/** Parses and validates a template source. Never throws. */
export function parseTemplate(source: string, path = 'body'): ParseResult {
  const issues: TemplateIssue[] = [];
  if (source.length > MAX_LENGTH)
    return {
      ok: false,
      issues: [{ path, at: 0, message: `template is longer than ${MAX_LENGTH} characters` }],
    };
  const root: TemplateNode[] = [];
  type Frame = { node: Extract<TemplateNode, { kind: 'if' }>; inElse: boolean };
  const stack: Frame[] = [];
  const used = new Set<TemplateVariable>();
  const target = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    return top === undefined ? root : top.inElse ? top.node.else : top.node.then;
  };
  const pushText = (text: string, at: number): void => {
    if (text.length === 0) return;
    if (text.includes('{{') || text.includes('}}'))
      issues.push({ path, at, message: 'unbalanced "{{" or "}}"' });
    target().push({ kind: 'text', text });
  };
  let last = 0;
  for (const m of source.matchAll(TAG)) {
    const at = m.index;
    pushText(source.slice(last, at), last);
    last = at + m[0].length;
    const inner = (m[1] ?? '').trim();
    const ifMatch = /^#if\s+(\S+)$/.exec(inner);
    if (ifMatch) {
      const name = ifMatch[1] ?? '';
      if (!isTemplateVariable(name)) issues.push({ path, at, message: `unknown variable "${name}"` });
      if (stack.length >= MAX_DEPTH)
        issues.push({ path, at, message: `conditionals nest at most ${MAX_DEPTH} deep` });
      const node = { kind: 'if' as const, name: name as TemplateVariable, then: [], else: [], at };
      target().push(node);
      stack.push({ node, inElse: false });
      used.add(node.name);
    } else if (inner === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) issues.push({ path, at, message: '"{{else}}" without a matching "{{#if}}"' });
      else top.inElse = true;
    } else if (inner === '/if') {
      if (!stack.pop()) issues.push({ path, at, message: '"{{/if}}" without a matching "{{#if}}"' });
    } else if (/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/.test(inner)) {
      if (!isTemplateVariable(inner)) issues.push({ path, at, message: `unknown variable "${inner}"` });
      else {
        target().push({ kind: 'var', name: inner, at });
        used.add(inner);
      }
    } else {
      issues.push({
        path,
        at,
        message: `"{{${inner}}}" is not a variable: only {{name}}, {{#if name}}, {{else}} and {{/if}} are allowed`,
      });
    }
  }
  pushText(source.slice(last), last);
  for (const f of stack)
    issues.push({ path, at: f.node.at, message: `"{{#if ${f.node.name}}}" is never closed with "{{/if}}"` });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, nodes: root, variables: [...used] };
}

/** Pre-formatted values. A variable without a value is "missing". */
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

export type RenderMode = 'text' | 'html';
export type RenderResult = { ok: true; text: string } | { ok: false; missing: TemplateVariable[] };

/** Renders parsed nodes. In `html` mode values are escaped and link variables become anchors. */
export function renderParsed(
  nodes: readonly TemplateNode[],
  values: TemplateValues,
  mode: RenderMode,
): RenderResult {
  const missing = new Set<TemplateVariable>();
  const out: string[] = [];
  const walk = (list: readonly TemplateNode[]): void => {
    for (const n of list) {
      switch (n.kind) {
        case 'text':
          out.push(n.text);
          break;
        case 'var': {
          const v = values[n.name];
          if (v === undefined || v === '') missing.add(n.name);
          else out.push(mode === 'html' ? htmlValue(n.name, v) : v);
          break;
        }
        case 'if': {
          const v = values[n.name];
          walk(v !== undefined && v !== '' ? n.then : n.else);
          break;
        }
      }
    }
  };
  walk(nodes);
  return missing.size > 0 ? { ok: false, missing: [...missing] } : { ok: true, text: out.join('') };
}

/** Parse + render in one step; a parse failure is reported as issues. */
export function renderTemplate(
  source: string,
  values: TemplateValues,
  mode: RenderMode = 'text',
): RenderResult | { ok: false; issues: TemplateIssue[] } {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return parsed;
  return renderParsed(parsed.nodes, values, mode);
}

function htmlValue(name: TemplateVariable, value: string): string {
  const escaped = escapeHtml(value);
  if ((linkVariables as readonly string[]).includes(name) && /^https?:\/\//i.test(value))
    return `<a href="${escaped}">${escaped}</a>`;
  return escaped;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Static checks on the HTML of an email template. Templates are written by organisation admins;
 * email clients strip scripts anyway, but Saldo refuses them so the template store never holds any.
 */
export function checkHtmlSafety(html: string, path = 'html'): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const rules: [RegExp, string][] = [
    [
      /<\s*(script|iframe|object|embed|form|base|meta)\b/i,
      'scripts, frames, forms and meta tags are not allowed in email HTML',
    ],
    [/\son[a-z]+\s*=/i, 'inline event handlers (on…=) are not allowed'],
    [/(?:javascript|vbscript|data)\s*:/i, 'javascript:, vbscript: and data: URLs are not allowed'],
  ];
  for (const [re, message] of rules) {
    const m = re.exec(html);
    if (m) issues.push({ path, at: m.index, message });
  }
  return issues;
}
