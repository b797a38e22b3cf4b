// Just enough XML for XSPF, hand-written so that a playlist from a careless writer still opens:
// an unclosed or misnested tag is tolerated rather than fatal, an unknown entity is kept as
// written, and names are compared by local part, since writers vary in how they prefix the
// XSPF namespace. No DTDs, no attribute normalisation beyond entities.

export interface XmlElement {
  /** Local name: "vlc:id" is "id"; the prefix is kept apart for whoever cares. */
  name: string;
  prefix: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, CDATA included, children's text excluded. */
  text: string;
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] !== '#') return namedEntities[body] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// Sticky, so that each tag is matched where it stands without slicing the source.
const openTag = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

export function parseXml(source: string): XmlElement {
  const root = element('#document', {});
  const open: XmlElement[] = [root];
  const top = () => open[open.length - 1]!;
  let at = 0;
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    if (lt < 0) {
      top().text += decodeEntities(source.slice(at));
      break;
    }
    top().text += decodeEntities(source.slice(at, lt));
    if (source.startsWith('<!--', lt)) at = skipPast(source, lt, '-->');
    else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt);
      top().text += source.slice(lt + 9, end < 0 ? source.length : end);
      at = end < 0 ? source.length : end + 3;
    } else if (source.startsWith('<?', lt)) at = skipPast(source, lt, '?>');
    else if (source.startsWith('<!', lt)) at = skipPast(source, lt, '>');
    else if (source.startsWith('</', lt)) {
      const gt = source.indexOf('>', lt);
      const name = splitName(source.slice(lt + 2, gt < 0 ? source.length : gt).trim());
      // Close up to the matching open tag; a stray close tag with no match is ignored.
      const depth = open.findLastIndex((e, i) => i > 0 && e.name === name.name && e.prefix === name.prefix);
      if (depth > 0) open.length = depth;
      at = gt < 0 ? source.length : gt + 1;
    } else {
      openTag.lastIndex = lt;
      const tag = openTag.exec(source);
      if (!tag) {
        // A lone "<" in text, which a lax writer left unescaped.
        top().text += '<';
        at = lt + 1;
        continue;
      }
      const child = element(tag[1]!, attributesOf(tag[2]!));
      top().children.push(child);
      if (!tag[3]) open.push(child);
      at = lt + tag[0].length;
    }
  }
  return root;
}

function element(qualified: string, attributes: Record<string, string>): XmlElement {
  return { ...splitName(qualified), attributes, children: [], text: '' };
}

function splitName(qualified: string): { name: string; prefix: string } {
  const colon = qualified.indexOf(':');
  return colon < 0
    ? { name: qualified, prefix: '' }
    : { name: qualified.slice(colon + 1), prefix: qualified.slice(0, colon) };
}

function attributesOf(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]!] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

function skipPast(source: string, from: number, end: string): number {
  const found = source.indexOf(end, from);
  return found < 0 ? source.length : found + end.length;
}

export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child) => child.name === name);
}

/** XML 1.0 has no way to write most control characters, escaped or not; they are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
