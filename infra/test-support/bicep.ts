/**
 * Reads Bicep files with tree-sitter-bicep (no Bicep compiler installs here): syntax errors, the
 * declarations, and object/array literals as plain values so tests can check what a resource sets.
 */
import Parser from 'tree-sitter';
// tree-sitter-bicep ships no type declarations; it is a tree-sitter Language object.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Bicep = require('tree-sitter-bicep') as Parser.Language;

export type SyntaxNode = Parser.SyntaxNode;

const parser = new Parser();
parser.setLanguage(Bicep);

export function parseBicep(source: string): SyntaxNode {
  // An input buffer sized to the source (the binding defaults to 32 KiB).
  return parser.parse(source, undefined, { bufferSize: Buffer.byteLength(source, 'utf8') * 2 + 1024 })
    .rootNode;
}

/** ERROR and MISSING nodes, as "line:column type text" (1-based), in document order. */
export function syntaxErrors(root: SyntaxNode): string[] {
  const found: string[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.type === 'ERROR' || node.isMissing) {
      const at = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      found.push(
        `${at} ${node.isMissing ? `MISSING ${node.type}` : 'ERROR'} ${JSON.stringify(node.text.slice(0, 60))}`,
      );
    }
    for (const child of node.children) visit(child);
  };
  visit(root);
  return found;
}

/** An expression the test does not evaluate: its source text. */
export interface Expr {
  expr: string;
}
export type BicepValue =
  string | number | boolean | null | Expr | BicepValue[] | { [key: string]: BicepValue };

/** A literal as a JS value; an interpolated string keeps its source (`'https://${x}'`); other expressions become `{ expr }`. */
export function valueOf(node: SyntaxNode): BicepValue {
  switch (node.type) {
    case 'string': {
      const parts = node.namedChildren;
      if (parts.every((p) => p.type === 'string_content' || p.type === 'escape_sequence')) {
        return parts.map((p) => (p.type === 'escape_sequence' ? unescape(p.text) : p.text)).join('');
      }
      return { expr: node.text };
    }
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    case 'array':
      return node.namedChildren.filter((c) => c.type !== 'comment').map(valueOf);
    case 'object': {
      const out: Record<string, BicepValue> = {};
      for (const prop of node.namedChildren.filter((c) => c.type === 'object_property')) {
        const [key, value] = prop.namedChildren.filter((c) => c.type !== 'comment');
        out[key!.type === 'string' ? String(valueOf(key!)) : key!.text] = valueOf(value!);
      }
      return out;
    }
    default:
      return { expr: node.text };
  }
}

function unescape(seq: string): string {
  const map: Record<string, string> = {
    "\\'": "'",
    '\\\\': '\\',
    '\\n': '\n',
    '\\r': '\r',
    '\\t': '\t',
    '\\$': '$',
  };
  return map[seq] ?? seq;
}

export interface Declaration {
  kind: 'param' | 'var' | 'resource' | 'output' | 'module';
  name: string;
  node: SyntaxNode;
  /** Decorator names with their first argument's value, e.g. { description: '...', secure: null }. */
  decorators: Record<string, BicepValue>;
}

const KINDS: Record<string, Declaration['kind']> = {
  parameter_declaration: 'param',
  variable_declaration: 'var',
  resource_declaration: 'resource',
  output_declaration: 'output',
  module_declaration: 'module',
};

/** Top-level declarations with the decorators written above them. */
export function declarations(root: SyntaxNode): Declaration[] {
  const out: Declaration[] = [];
  let pending: SyntaxNode | undefined;
  for (const node of root.namedChildren) {
    if (node.type === 'comment') continue;
    if (node.type === 'decorators') {
      pending = node;
      continue;
    }
    const kind = KINDS[node.type];
    if (kind) {
      out.push({ kind, name: node.namedChildren[0]!.text, node, decorators: decoratorsOf(pending) });
    }
    pending = undefined;
  }
  return out;
}

function decoratorsOf(node: SyntaxNode | undefined): Record<string, BicepValue> {
  const out: Record<string, BicepValue> = {};
  for (const decorator of node?.namedChildren.filter((c) => c.type === 'decorator') ?? []) {
    const call = decorator.namedChildren[0]!;
    const callee = call.namedChildren[0]!;
    const args = call.namedChildren.find((c) => c.type === 'arguments')?.namedChildren ?? [];
    out[callee.text] = args[0] ? valueOf(args[0]) : null;
  }
  return out;
}

/** The body of a resource declaration (`resource x '...' = { ... }`, or the object inside a `for` or `if`). */
export function resourceBody(decl: Declaration): Record<string, BicepValue> {
  const body = bodyNode(decl);
  if (!body) throw new Error(`No body found for resource ${decl.name}`);
  return valueOf(body) as Record<string, BicepValue>;
}

/** The resource type string, e.g. 'Microsoft.Web/sites@2023-12-01'. */
export function resourceType(decl: Declaration): string {
  return String(valueOf(decl.node.namedChildren.find((c) => c.type === 'string')!));
}

/** Whether a parameter declaration has a default value (`param x string = 'y'`). */
export function hasDefault(decl: Declaration): boolean {
  // name, type, and then the default value's expression
  return decl.node.namedChildren.filter((c) => c.type !== 'comment').length > 2;
}

/** The child node of an object literal's property `key` (undefined when absent). */
function propertyNode(object: SyntaxNode, key: string): SyntaxNode | undefined {
  for (const prop of object.namedChildren.filter((c) => c.type === 'object_property')) {
    const [k, v] = prop.namedChildren.filter((c) => c.type !== 'comment');
    if (k && (k.type === 'string' ? String(valueOf(k)) : k.text) === key) return v;
  }
  return undefined;
}

/** Settings made by a `for` loop (a variable concatenated to the fixed list): what it loops over and each item's shape. */
export interface SettingsLoop {
  /** The variable holding the loop. */
  variable: string;
  /** The loop variable and the expression it runs over, as source text. */
  item: string;
  over: string;
  /** The object each item becomes: `name` and `value` as expressions. */
  name: BicepValue;
  value: BicepValue;
}

/** The object literal of a resource's body (`= { ... }`, or the object of its `if` or `for`). */
function bodyNode(decl: Declaration): SyntaxNode | undefined {
  const direct = decl.node.namedChildren.find((c) => c.type === 'object');
  if (direct) return direct;
  const wrapper = decl.node.namedChildren.find(
    (c) => c.type === 'for_statement' || c.type === 'if_statement',
  );
  return wrapper?.namedChildren.filter((c) => c.type === 'object').pop();
}

/**
 * The app settings of the `Microsoft.Web/sites` resource named `site` in `decls`: the fixed entries
 * (name → value, from array literals and from variables holding one) and the loops of variables
 * concatenated to them (`appSettings: concat(sharedVar, [...], loopVar)`).
 */
export function webAppSettingParts(
  decls: Declaration[],
  site = 'site',
): {
  fixed: Map<string, BicepValue>;
  loops: SettingsLoop[];
} {
  const found = decls.find(
    (d) => d.kind === 'resource' && d.name === site && resourceType(d).startsWith('Microsoft.Web/sites@'),
  );
  if (!found) throw new Error(`No Microsoft.Web/sites resource named ${site}`);
  const body = bodyNode(found)!;
  const config = propertyNode(propertyNode(body, 'properties')!, 'siteConfig')!;
  const list = propertyNode(config, 'appSettings');
  if (!list) throw new Error('The web app sets no appSettings');
  const parts =
    list.type === 'call_expression' && list.namedChildren[0]!.text === 'concat'
      ? list.namedChildren.find((c) => c.type === 'arguments')!.namedChildren
      : [list];
  const fixed = new Map<string, BicepValue>();
  const loops: SettingsLoop[] = [];
  const addFixed = (array: SyntaxNode) => {
    for (const s of valueOf(array) as Array<{ name: string; value: BicepValue }>) {
      if (fixed.has(s.name)) throw new Error(`appSettings: ${s.name} is set twice`);
      fixed.set(s.name, s.value);
    }
  };
  for (const part of parts.filter((c) => c.type !== 'comment')) {
    if (part.type === 'array') {
      addFixed(part);
      continue;
    }
    const variable = decls.find((d) => d.kind === 'var' && d.name === part.text);
    const array = variable?.node.namedChildren.find((c) => c.type === 'array');
    if (array) {
      addFixed(array);
      continue;
    }
    const loop = variable?.node.namedChildren.find((c) => c.type === 'for_statement');
    if (!variable || !loop) throw new Error(`appSettings: cannot read ${part.text}`);
    const [item, over] = loop.namedChildren.filter((c) => c.type !== 'comment');
    const shape = valueOf(loop.childForFieldName('body')!) as { name: BicepValue; value: BicepValue };
    loops.push({ variable: variable.name, item: item!.text, over: over!.text, ...shape });
  }
  return { fixed, loops };
}

/** The fixed app settings of the `Microsoft.Web/sites` resource named `site` in `decls`: name → value. */
export function webAppSettings(decls: Declaration[], site = 'site'): Map<string, BicepValue> {
  return webAppSettingParts(decls, site).fixed;
}
