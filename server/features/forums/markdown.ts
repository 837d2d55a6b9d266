import MarkdownIt from 'markdown-it';

// Posts are written in Markdown and rendered here, once, into HTML that is safe to insert into a
// page: raw HTML is escaped (html: false), markdown-it refuses javascript:, vbscript:, file: and
// data: links, and images are off (no tracking pixels; the CSP would block them anyway).

export interface Mention {
  kind: 'user' | 'org';
  id: string;
}

/** `@[Name](user:<uuid>)` or `@[Name](org:<uuid>)`, as inserted by the composer's mention search. */
const mentionPattern = /@\[([^\]\n]{1,80})\]\((user|org):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

export function extractMentions(body: string): Mention[] {
  const seen = new Map<string, Mention>();
  for (const match of body.matchAll(mentionPattern)) {
    const mention = { kind: match[2] as Mention['kind'], id: match[3] };
    seen.set(`${mention.kind}:${mention.id}`, mention);
  }
  return [...seen.values()];
}

export const mentionToken = (kind: Mention['kind'], id: string, name: string) => `@[${name.replace(/[[\]\n]/g, '')}](${kind}:${id})`;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable(['image']);

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

type RenderEnv = {
  /** Known organisations by id: mentions link to their profile. Unknown ids render as plain text. */
  organisationSlugs: Map<string, string>;
  userIds: Set<string>;
};

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const known = env as RenderEnv;
  const token = tokens[idx];
  const href = String(token.attrGet('href') ?? '');
  const [scheme, id] = href.split(':');
  if (scheme === 'org' || scheme === 'user') {
    const target =
      scheme === 'org'
        ? known.organisationSlugs.has(id)
          ? `/organisationer/${encodeURIComponent(known.organisationSlugs.get(id)!)}`
          : null
        : known.userIds.has(id)
          ? `/forum/sok?author=${encodeURIComponent(id)}`
          : null;
    if (!target) {
      token.attrs = [['class', 'mention mention-unknown']];
      token.tag = 'span';
      markClose(tokens, idx);
      return self.renderToken(tokens, idx, options);
    }
    token.attrs = [
      ['href', target],
      ['class', 'mention'],
    ];
    return self.renderToken(tokens, idx, options);
  }
  token.attrSet('rel', 'nofollow noopener noreferrer ugc');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Turns the matching link_close into a span close, for mentions that cannot link anywhere. */
type Token = Parameters<NonNullable<(typeof md)['renderer']['rules']['link_open']>>[0][number];

function markClose(tokens: Token[], openIdx: number) {
  let depth = 0;
  for (let i = openIdx + 1; i < tokens.length; i++) {
    if (tokens[i].type === 'link_open') depth++;
    if (tokens[i].type === 'link_close') {
      if (depth === 0) {
        tokens[i].tag = 'span';
        return;
      }
      depth--;
    }
  }
}

export function renderMarkdown(body: string, env: RenderEnv = { organisationSlugs: new Map(), userIds: new Set() }): string {
  return md.render(body, env);
}
