/** Test helper: the XML of manifest.xml and ribbon.xml, parsed strictly enough to prove it well-formed. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** A strict little XML parser: balanced tags, quoted attributes, one root – enough to prove well-formedness. */
export function parseXml(text: string): XmlNode {
  const body = text.replace(/^\uFEFF?<\?xml[^?]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "");
  const root: XmlNode = { name: "#document", attrs: {}, children: [] };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m[6]) throw new Error(`malformed markup at ${m.index}`);
    if (m[5] !== undefined) {
      if (m[5].trim() !== "" && stack.length === 1) throw new Error("text outside the root element");
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g)) {
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]] = a[2].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    }
    const node = { name, attrs, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (root.children.length !== 1) throw new Error("not exactly one root element");
  return root.children[0];
}

export const all = (node: XmlNode, name: string): XmlNode[] => [
  ...node.children.filter((c) => c.name === name),
  ...node.children.flatMap((c) => all(c, name)),
];
export const child = (node: XmlNode, name: string): XmlNode => {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
};
