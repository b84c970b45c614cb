/**
 * Edge conditions: a tiny expression language over a JSON view of the state, parsed by hand and
 * evaluated by this module (never `eval`/`Function`). Grammar, loosest first:
 *   or := and ("||" and)* ; and := cmp ("&&" cmp)* ; cmp := unary (("=="|"!="|"<"|"<="|">"|">=") unary)?
 *   unary := "!" unary | primary ; primary := number | string | true | false | null | path | "(" or ")"
 *   path := name ("." name)*
 */

export const MAX_CONDITION_LENGTH = 500;
export const MAX_CONDITION_DEPTH = 24;

/** Names that would reach a prototype; refused anywhere in a path. */
const FORBIDDEN = new Set(["constructor", "__proto__", "prototype"]);

export type Literal = number | string | boolean | null;
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

export type ConditionAst =
  | { kind: "literal"; value: Literal; col: number }
  | { kind: "path"; path: string[]; col: number }
  | { kind: "not"; operand: ConditionAst; col: number }
  | { kind: "and" | "or"; left: ConditionAst; right: ConditionAst; col: number }
  | { kind: "compare"; op: CompareOp; left: ConditionAst; right: ConditionAst; col: number };

/** A condition that does not parse or cannot be evaluated; `column` is 1-based. */
export class ConditionError extends Error {
  constructor(readonly column: number, readonly detail: string) {
    super(`col ${column}: ${detail}`);
    this.name = "ConditionError";
  }
}

type Token =
  | { kind: "num"; value: number; col: number; text: string }
  | { kind: "str"; value: string; col: number; text: string }
  | { kind: "name"; value: string; col: number; text: string }
  | { kind: "op"; value: string; col: number; text: string }
  | { kind: "end"; col: number; text: string };

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "."];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const col = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: "num", value: Number(m[0]), col, text: m[0] });
      i += m[0].length;
    } else if (ch === '"' || ch === "'") {
      let value = "";
      let j = i + 1;
      for (; j < source.length && source[j] !== ch; j++) {
        if (source[j] === "\\" && j + 1 < source.length) j++;
        value += source[j];
      }
      if (j >= source.length) throw new ConditionError(col, `string starting here is not closed with ${ch}`);
      tokens.push({ kind: "str", value, col, text: source.slice(i, j + 1) });
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))!;
      tokens.push({ kind: "name", value: m[0], col, text: m[0] });
      i += m[0].length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) {
        const hint = ch === "[" ? " (no indexing: use a dotted path such as `positive.soft.length`)" : ch === "=" ? " (compare with `==`)" : "";
        throw new ConditionError(col, `unexpected character \`${ch}\`${hint}`);
      }
      if ((op === "==" || op === "!=") && source[i + 2] === "=") throw new ConditionError(col, `use \`${op}\` (comparison is always strict)`);
      tokens.push({ kind: "op", value: op, col, text: op });
      i += op.length;
    }
  }
  tokens.push({ kind: "end", col: source.length + 1, text: "end of condition" });
  return tokens;
}

const show = (t: Token) => (t.kind === "end" ? "the end of the condition" : `\`${t.text}\``);

/** Parses a condition into its AST; throws `ConditionError` naming the column and what was expected. */
export function parseCondition(source: string): ConditionAst {
  if (source.length > MAX_CONDITION_LENGTH) throw new ConditionError(MAX_CONDITION_LENGTH + 1, `condition longer than ${MAX_CONDITION_LENGTH} characters`);
  if (source.trim() === "") throw new ConditionError(1, "empty condition: expected a value");
  const tokens = tokenize(source);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => {
    const t = peek();
    return t.kind === "op" && t.value === value;
  };

  const or = (): ConditionAst => binary("or", "||", and);
  const and = (): ConditionAst => binary("and", "&&", compare);
  function binary(kind: "and" | "or", op: string, next: () => ConditionAst): ConditionAst {
    let left = next();
    while (isOp(op)) {
      const col = tokens[pos++].col;
      left = { kind, left, right: next(), col };
    }
    return left;
  }
  function compare(): ConditionAst {
    const left = unary();
    const t = peek();
    if (t.kind === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(t.value)) {
      pos++;
      const node: ConditionAst = { kind: "compare", op: t.value as CompareOp, left, right: unary(), col: t.col };
      const after = peek();
      if (after.kind === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(after.value))
        throw new ConditionError(after.col, `comparisons do not chain: expected \`&&\`, \`||\` or \`)\`, got ${show(after)}`);
      return node;
    }
    return left;
  }
  function unary(): ConditionAst {
    if (isOp("!")) {
      const col = tokens[pos++].col;
      return nested(col, () => ({ kind: "not", operand: unary(), col }));
    }
    return primary();
  }
  function nested(col: number, parse: () => ConditionAst): ConditionAst {
    if (++depth > MAX_CONDITION_DEPTH) throw new ConditionError(col, `nested deeper than ${MAX_CONDITION_DEPTH} levels`);
    const node = parse();
    depth--;
    return node;
  }
  function primary(): ConditionAst {
    const t = tokens[pos];
    if (t.kind === "num" || t.kind === "str") {
      pos++;
      return { kind: "literal", value: t.value, col: t.col };
    }
    if (t.kind === "name") {
      if (t.value === "true" || t.value === "false") {
        pos++;
        return { kind: "literal", value: t.value === "true", col: t.col };
      }
      if (t.value === "null") {
        pos++;
        return { kind: "literal", value: null, col: t.col };
      }
      return path();
    }
    if (isOp("(")) {
      pos++;
      const inner = nested(t.col, or);
      if (!isOp(")")) throw new ConditionError(peek().col, `expected \`)\` to close the \`(\` at col ${t.col}, got ${show(peek())}`);
      pos++;
      return inner;
    }
    throw new ConditionError(t.col, `expected a value, got ${show(t)}`);
  }
  function path(): ConditionAst {
    const first = tokens[pos];
    const names: string[] = [];
    for (;;) {
      const t = tokens[pos];
      if (t.kind !== "name") throw new ConditionError(t.col, `expected a property name after \`.\`, got ${show(t)}`);
      if (FORBIDDEN.has(t.value)) throw new ConditionError(t.col, `\`${t.value}\` is not allowed in a path (no prototype access)`);
      names.push(t.value);
      pos++;
      if (!isOp(".")) break;
      pos++;
    }
    if (isOp("(")) throw new ConditionError(peek().col, `\`${names.join(".")}\` cannot be called: conditions have no function calls`);
    return { kind: "path", path: names, col: first.col };
  }

  const ast = or();
  const rest = peek();
  if (rest.kind !== "end") {
    const detail = rest.kind === "op" && rest.value === "(" ? "function calls are not allowed" : `expected an operator or the end, got ${show(rest)}`;
    throw new ConditionError(rest.col, detail);
  }
  return ast;
}

/** Every root name a condition reads (for checking them against the state's names at load). */
export function rootNames(ast: ConditionAst): { name: string; col: number }[] {
  switch (ast.kind) {
    case "literal": return [];
    case "path": return [{ name: ast.path[0], col: ast.col }];
    case "not": return rootNames(ast.operand);
    default: return [...rootNames(ast.left), ...rootNames(ast.right)];
  }
}

type Value = Literal | undefined | object;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** One path step: own data properties of plain objects and arrays, `length` of arrays and strings; else undefined. */
function step(value: unknown, name: string): unknown {
  if ((Array.isArray(value) || typeof value === "string") && name === "length") return value.length;
  if (!isPlainObject(value) && !Array.isArray(value)) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(value, name);
  return descriptor && "value" in descriptor ? descriptor.value : undefined;
}

function truthy(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object" && v !== null) return true;
  return Boolean(v);
}

const describe = (v: Value) => (Array.isArray(v) ? "a list" : v === undefined ? "missing" : v === null ? "null" : typeof v === "object" ? "an object" : `${typeof v} ${JSON.stringify(v)}`);

function evaluate(ast: ConditionAst, scope: unknown): Value {
  switch (ast.kind) {
    case "literal": return ast.value;
    case "path": return ast.path.reduce<unknown>(step, scope) as Value;
    case "not": return !truthy(evaluate(ast.operand, scope));
    case "and": return truthy(evaluate(ast.left, scope)) && truthy(evaluate(ast.right, scope));
    case "or": return truthy(evaluate(ast.left, scope)) || truthy(evaluate(ast.right, scope));
    case "compare": {
      const a = evaluate(ast.left, scope);
      const b = evaluate(ast.right, scope);
      if (ast.op === "==") return a === b;
      if (ast.op === "!=") return a !== b;
      if (!((typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string")))
        throw new ConditionError(ast.col, `\`${ast.op}\` needs two numbers or two strings, got ${describe(a)} and ${describe(b)}`);
      if (ast.op === "<") return a < b;
      if (ast.op === "<=") return a <= b;
      if (ast.op === ">") return a > b;
      return a >= b;
    }
  }
}

/** Evaluates a parsed condition against a JSON view of the state: true or false. */
export function evaluateCondition(ast: ConditionAst, scope: unknown): boolean {
  return truthy(evaluate(ast, scope));
}
