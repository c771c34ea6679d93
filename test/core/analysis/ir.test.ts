// One row per rule of shared/reference/harn-ir-semantics.md §2–§3: handlers, descent, literal args,
// classification and the §3.5 derived records. Sources are real Harn snippets run through the parser.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/syntax/index.ts';
import type { SNode } from '../../../src/core/syntax/ast.ts';
import {
  IR_CHOICES,
  callSemantics,
  collectHandlerCalls,
  computeHandoffEffects,
  effectRecordSummary,
  effectsToJson,
  formatRustF64,
  type LiteralValue,
} from '../../../src/core/analysis/index.ts';

function program(source: string): SNode[] {
  const parsed = parse(source);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`test source does not parse: ${errors.map((d) => d.message).join('; ')}\n${source}`);
  return parsed.program;
}

/** Effect summaries of a whole program. */
const effectsOfProgram = (source: string): string[] => {
  program(source);
  return computeHandoffEffects(source).map(effectRecordSummary);
};
/** Effect summaries of a body inside `fn main() { ... }`. */
const effectsOf = (body: string): string[] => effectsOfProgram(`fn main() {\n${body}\n}`);
/** Names of the IR Call nodes of a body. */
const callsOf = (body: string): string[] => collectHandlerCalls(program(`fn main() {\n${body}\n}`)).map((c) => c.semantics.name);

/** The CallSemantics of the first statement of `fn main() { <call> }`. */
function semanticsOf(call: string) {
  const main = program(`fn main() {\n${call}\n}`)[0]!;
  if (main.kind !== 'FnDecl') throw new Error('expected fn');
  const semantics = callSemantics(main.body[0]!);
  if (!semantics) throw new Error(`not a call: ${call}`);
  return semantics;
}
const argsOf = (call: string): LiteralValue[] => semanticsOf(call).literalArgs;

describe('§2.1 handlers: only top-level fn / tool / pipeline, through one attribute list', () => {
  it.each<[string, string, string[]]>([
    ['fn', 'fn main() { http_get("u") }', ['net:write (u)']],
    ['pub fn', 'pub fn main() { http_get("u") }', ['net:write (u)']],
    ['gen fn', 'gen fn main() { http_get("u") }', ['net:write (u)']],
    ['tool', 'tool fetch(q: string) { http_get("u") }', ['net:write (u)']],
    ['pipeline', 'pipeline main(task) { http_get("u") }', ['net:write (u)']],
    ['pipeline extends', 'pipeline base() { }\npipeline main() extends base { http_get("u") }', ['net:write (u)']],
    ['attributed fn', '@deprecated(since: "0.8")\n@test\nfn main() { http_get("u") }', ['net:write (u)']],
    ['two handlers', 'fn a() { http_get("u") }\nfn b() { read_file("f") }', ['fs:read (f)', 'net:write (u)']],
    ['top-level expression statement', 'http_get("u")', []],
    ['top-level let', 'let x = http_get("u")', []],
    ['top-level if', 'if true { http_get("u") }', []],
    ['impl method', 'struct P { x }\nimpl P { fn m(self) { http_get("u") } }', []],
    ['nested fn in a handler', 'fn main() {\n fn inner() { http_get("u") }\n}', []],
    ['tool nested in a handler', 'fn main() {\n tool t() { http_get("u") }\n}', []],
    ['skill', 'skill s {\n on_activate fn() { http_get("u") }\n}', []],
    ['override in a pipeline', 'pipeline main() {\n override setup(ctx) { http_get("u") }\n}', []],
    ['parameter default', 'fn main(x = http_get("u")) { }', []],
  ])('%s', (_name, source, expected) => {
    expect(effectsOfProgram(source)).toEqual(expected);
  });

  it('the seed walker still lifts harness calls from anywhere, even top-level statements and impls', () => {
    expect(effectsOfProgram('harness.net.get("u")')).toEqual(['net:write']);
    expect(effectsOfProgram('struct P { x }\nimpl P { fn m(self) { harness.fs.read("a") } }')).toEqual(['fs:read']);
  });
});

describe('§2.2 statement descent', () => {
  it.each<[string, string, string[]]>([
    ['let value', 'let x = http_get("u")', ['net:write (u)']],
    ['var value', 'var x = http_get("u")', ['net:write (u)']],
    ['destructuring default not walked', 'let {a = http_get("u")} = d', []],
    ['assignment value', 'x = http_get("u")', ['net:write (u)']],
    ['assignment target not walked', 'cfg[read_file("k")] = 1', []],
    ['if condition, then, else', 'if file_exists("c") { read_file("t") } else { delete_file("e") }', ['fs:read (c)', 'fs:read (t)', 'fs:mutate (e)']],
    ['else if', 'if a { } else if b { http_get("u") }', ['net:write (u)']],
    ['guard condition and else', 'guard file_exists("c") else { http_get("u") }', ['fs:read (c)', 'net:write (u)']],
    ['for iterable and body', 'for x in list_dir("d") { http_get(x) }', ['fs:read (d)', 'net:write (x)']],
    ['while condition and body', 'while file_exists("c") { http_get("u") }', ['fs:read (c)', 'net:write (u)']],
    ['retry count and body', 'retry (read_file("n")) { http_get("u") }', ['fs:read (n)', 'net:write (u)']],
    ['parallel expr and body', 'parallel each list_dir("d") { x -> http_get(x) }', ['fs:read (d)', 'net:write (x)']],
    ['parallel options not walked', 'parallel each xs with { max_concurrent: read_file("n") } { x -> log(x) }', []],
    ['match value, guard and body', 'match read_file("v") {\n x if file_exists("g") -> { http_get("u") }\n}', ['fs:read (g)', 'fs:read (v)', 'net:write (u)']],
    ['match pattern not walked', 'match v {\n read_file("p") -> { }\n}', []],
    ['try, catch and finally', 'try { read_file("a") } catch (e) { http_get("u") } finally { delete_file("z") }', ['fs:read (a)', 'fs:mutate (z)', 'net:write (u)']],
    ['try expression statement', 'try { http_get("u") }', ['net:write (u)']],
    ['spawn statement', 'spawn { http_get("u") }', ['net:write (u)']],
    ['defer', 'defer { http_get("u") }', ['net:write (u)']],
    ['mutex', 'mutex { http_get("u") }', ['net:write (u)']],
    ['deadline duration and body', 'deadline (read_file("d")) { http_get("u") }', ['fs:read (d)', 'net:write (u)']],
    ['select case, timeout', 'select {\n m from read_file("ch") { http_get("u") }\n timeout 5s { delete_file("t") }\n}', ['fs:read (ch)', 'fs:mutate (t)', 'net:write (u)']],
    ['select default', 'select {\n m from inbox { }\n default { http_get("u") }\n}', ['net:write (u)']],
    ['return value', 'return http_get("u")', ['net:write (u)']],
    ['throw value', 'throw read_file("e")', ['fs:read (e)']],
    [IR_CHOICES.walkConstBinding ? 'const walked' : 'const not walked ([uncertain]: S1)', 'const X = read_file("c")', IR_CHOICES.walkConstBinding ? ['fs:read (c)'] : []],
  ])('%s', (_name, body, expected) => {
    expect(effectsOf(body)).toEqual(expected);
  });
});

describe('§2.2 expression descent', () => {
  it.each<[string, string, string[]]>([
    ['call args before the call', 'http_get(build_url(read_file("a")))', ['read_file', 'build_url', 'http_get']],
    ['method receiver and args, no Call for the method', 'client.send(http_post("u"))', ['http_post']],
    ['method on a call result', 'read_file("a").trim()', ['read_file']],
    ['optional method call', 'x?.send(read_file("a"))', ['read_file']],
    ['property access', 'read_file("a").length', ['read_file']],
    ['optional property access', 'read_file("a")?.length', ['read_file']],
    ['spread argument', 'f(...list_dir("d"))', ['list_dir', 'f']],
    ['try operator', 'read_file("a")?', ['read_file']],
    ['try star', 'try* read_file("a")', ['read_file']],
    ['unary', '!file_exists("a")', ['file_exists']],
    ['subscript object and index', 'read_file("a")[stat("b")]', ['read_file', 'stat']],
    ['optional subscript', 'x?[read_file("a")]', ['read_file']],
    ['slice', 'xs[read_file("a"):stat("b")]', ['read_file', 'stat']],
    ['binary left then right', 'read_file("a") ?? stat("b")', ['read_file', 'stat']],
    ['ternary', 'let v = file_exists("c") ? read_file("a") : stat("b")', ['file_exists', 'read_file', 'stat']],
    ['list items', 'let v = [read_file("a"), stat("b")]', ['read_file', 'stat']],
    ['dict keys and values, computed keys too', 'let v = {[read_file("k")]: stat("v")}', ['read_file', 'stat']],
    ['struct construct', 'let v = Point { x: read_file("a") }', ['read_file']],
    ['match in expression position', 'let v = match x {\n 1 -> { read_file("a") }\n}', ['read_file']],
    ['closure body ignored', 'let f = { -> http_get("u") }', []],
    ['fn closure ignored', 'let f = fn(x) { http_get("u") }', []],
    ['closure passed to a call ignored', 'xs.map({ x -> http_get(x) })', []],
    ['with_* closure inlined, no Call for with_*', 'with_execution_policy(read_file("p"), { -> http_get("u") })', ['read_file', 'http_get']],
    ['every with_* name', 'with_approval_policy(p, { -> a() })\nwith_command_policy(p, { -> b() })\nwith_autonomy_policy(p, { -> c() })\nwith_dynamic_permissions(p, { -> d() })', ['a', 'b', 'c', 'd']],
    ['parallel in expression position invisible', 'let r = parallel each xs { x -> http_get(x) }', []],
    ['spawn in expression position invisible', 'let h = spawn { http_get("u") }', []],
    ['if in expression position invisible', 'let v = if c { read_file("a") } else { 1 }', []],
    ['try in return invisible', 'return try { read_file("a") }', []],
    ['retry in expression position invisible', 'let x = retry 3 { http_get("u") }', []],
    ['deadline in expression position invisible', 'let y = deadline 5s { http_get("u") }', []],
    ['cost_route never walked', 'cost_route { budget_usd: 1.0\n llm_call("hi") }', []],
    ['require never walked', 'require file_exists("a"), read_file("m")', []],
    ['interpolation never walked', 'log("${http_get(u)}")', ['log']],
    ['range never walked', 'for i in 0 to stat("n") { }', []],
    ['request_approval HITL is a Call, args walked', 'request_approval(read_file("a"), quorum: 2)', ['read_file', 'request_approval']],
    ['dual_control action closure inlined', 'dual_control(2, 3, { -> write_file("src/main.rs", "x") }, ["alice", "bob"])', ['write_file']],
    ['dual_control named action', 'dual_control(n: 2, m: 3, approvers: [a], action: { -> delete_file("x") })', ['delete_file']],
    ['ask_user args walked, no Call', 'ask_user(read_file("q"))', ['read_file']],
    ['escalate_to args walked, no Call', 'escalate_to("oncall", read_file("r"))', ['read_file']],
  ])('%s', (_name, body, expected) => {
    expect(callsOf(body)).toEqual(expected);
  });

  it('yield and emit are never walked', () => {
    expect(effectsOfProgram('gen fn main() {\n yield read_file("a")\n emit http_get("u")\n}')).toEqual([]);
  });
});

describe('§3.1–3.3 name, display_name and literal_args', () => {
  it.each<[string, string, LiteralValue[]]>([
    ['string', 'f("x")', [{ kind: 'String', value: 'x' }]],
    ['escaped string', 'f("a\\nb")', [{ kind: 'String', value: 'a\nb' }]],
    ['raw string', 'f(r"C:\\p")', [{ kind: 'String', value: 'C:\\p' }]],
    ['interpolated string', 'f("a${b}")', [{ kind: 'Unknown' }]],
    ['identifier', 'f(url)', [{ kind: 'Identifier', name: 'url' }]],
    ['int', 'f(42)', [{ kind: 'Number', value: '42' }]],
    ['float 1.5', 'f(1.5)', [{ kind: 'Number', value: '1.5' }]],
    ['float 2.0 prints as 2', 'f(2.0)', [{ kind: 'Number', value: '2' }]],
    ['float 0.1', 'f(0.1)', [{ kind: 'Number', value: '0.1' }]],
    ['negative number is Unknown', 'f(-1)', [{ kind: 'Unknown' }]],
    ['bool and nil', 'f(true, nil)', [{ kind: 'Bool', value: true }, { kind: 'Nil' }]],
    ['dict, sorted keys', 'f({model: "m", "a": 1})', [{ kind: 'Dict', entries: [['a', { kind: 'Number', value: '1' }], ['model', { kind: 'String', value: 'm' }]] }]],
    ['dict computed identifier key uses the name', 'f({[k]: 1})', [{ kind: 'Dict', entries: [['k', { kind: 'Number', value: '1' }]] }]],
    ['dict computed string key', 'f({["x"]: 1})', [{ kind: 'Dict', entries: [['x', { kind: 'Number', value: '1' }]] }]],
    ['dict other computed key and spread skipped', 'f({[g()]: 1, ...d, z: 2})', [{ kind: 'Dict', entries: [['z', { kind: 'Number', value: '2' }]] }]],
    ['dict duplicate key: last wins', 'f({a: 1, a: 2})', [{ kind: 'Dict', entries: [['a', { kind: 'Number', value: '2' }]] }]],
    ['struct construct is a Dict', 'f(Point { x: "1" })', [{ kind: 'Dict', entries: [['x', { kind: 'String', value: '1' }]] }]],
    ['list', 'f([1, "a"])', [{ kind: 'List', items: [{ kind: 'Number', value: '1' }, { kind: 'String', value: 'a' }] }]],
    ['calls, access, binary ops, durations, spread are Unknown', 'f(g(), cfg.url, "a" + b, 5s, ...xs)', Array(5).fill({ kind: 'Unknown' })],
  ])('%s', (_name, call, expected) => {
    expect(argsOf(call)).toEqual(expected);
  });

  it('drops generic type args from the name', () => {
    expect(semanticsOf('identity<int>(42)').name).toBe('identity');
  });

  it.each<[string, string]>([
    ['mcp_call(c, "github.search")', 'github.search'],
    ['mcp_call(c, tool_name)', 'tool_name'],
    ['mcp_call(c, f())', 'mcp_call'],
    ['host_tool_call("search", {})', 'search'],
    ['host_tool_call(t)', 't'],
    ['http_get("u")', 'http_get'],
  ])('display_name of %s is %s', (call, expected) => {
    expect(semanticsOf(call).displayName).toBe(expected);
  });

  it('request_approval HITL drops argument names', () => {
    const semantics = semanticsOf('request_approval(action: "deploy", quorum: 2)');
    expect(semantics).toEqual({
      name: 'request_approval',
      displayName: 'request_approval',
      classification: { kind: 'ApprovalGate' },
      literalArgs: [{ kind: 'String', value: 'deploy' }, { kind: 'Number', value: '2' }],
    });
  });

  it.each<[number, string]>([
    [1e20, '100000000000000000000'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [123456.789, '123456.789'],
    [Infinity, 'inf'],
  ])('formats f64 %d like Rust Display: %s', (value, expected) => {
    expect(formatRustF64(value)).toBe(expected);
  });
});

describe('§3.4 classification', () => {
  const cls = (call: string) => semanticsOf(call).classification;
  const caps = (call: string) => {
    const c = cls(call);
    return c.kind === 'Capabilities' ? c.effects.map((e) => `${e.capability} ${e.operation} ${e.path ?? '-'}`) : c.kind;
  };
  it.each<[string, string, unknown]>([
    ['1', 'request_approval("x")', 'ApprovalGate'],
    ['2', 'llm_budget_remaining()', 'BudgetRead'],
    ['2 [S1]', 'agent_budget()', 'BudgetRead'],
    ['3', 'egress_policy(p)', 'PolicyGate'],
    ['4 push', 'command_policy_push(p)', 'PolicyPush'],
    ['4 pop', 'command_policy_pop()', 'PolicyPop'],
    ['5 write_file', 'write_file("a", d)', ['WorkspaceMutation write_file a']],
    ['5 append_file', 'append_file(p, d)', ['WorkspaceMutation append_file p']],
    ['5 delete_file', 'delete_file(f())', ['WorkspaceMutation delete_file -']],
    ['5 mkdir', 'mkdir("d")', ['WorkspaceMutation mkdir d']],
    ['5 apply_edit', 'apply_edit("f", e)', ['WorkspaceMutation apply_edit f']],
    ["5′ write_file_bytes [uncertain: S1]", 'write_file_bytes("b", d)', ['WorkspaceMutation write_file_bytes b']],
    ["5′ move_file [uncertain: S1]", 'move_file("a", "b")', ['WorkspaceMutation move_file a']],
    ["5′ mkdtemp [uncertain: S1]", 'mkdtemp("x-")', ['WorkspaceMutation mkdtemp x-']],
    ['6 copy_file uses arg 1', 'copy_file("a", "b")', ['WorkspaceMutation copy_file b']],
    ['7 exec', 'exec("ls")', ['CommandExecution exec -']],
    ['7 shell_at', 'shell_at(d, "ls")', ['CommandExecution shell_at -']],
    ["7′ spawn_captured [uncertain: S1]", 'spawn_captured({})', ['CommandExecution spawn_captured -']],
    ['8 mcp_call literal tool', 'mcp_call(c, "github.search", {})', ['ConnectorAccess github.search -']],
    ['8 mcp_call mutating tool', 'mcp_call(c, "fs.write_file", {path: "src/a"})', ['ConnectorAccess fs.write_file -', 'WorkspaceMutation fs.write_file src/a']],
    ['8 mutating tool path from dst', 'mcp_call(c, "Rename", {dst: "b", target: "t"})', ['ConnectorAccess Rename -', 'WorkspaceMutation Rename b']],
    ['8 mutating tool, no dict', 'mcp_call(c, "edit", x)', ['ConnectorAccess edit -', 'WorkspaceMutation edit -']],
    ['8 command tool (substring run)', 'mcp_call(c, "run_tests")', ['ConnectorAccess run_tests -', 'CommandExecution run_tests -']],
    ['8 both', 'mcp_call(c, "deploy_patch", {target: "t"})', ['ConnectorAccess deploy_patch -', 'WorkspaceMutation deploy_patch t', 'CommandExecution deploy_patch -']],
    ['8 unknown tool', 'mcp_call(c, f())', ['ConnectorAccess mcp_call -']],
    ['9 host_tool_call', 'host_tool_call("search", {q: 1})', ['ConnectorAccess search -']],
    ['9 host_tool_call unknown', 'host_tool_call(f())', ['ConnectorAccess host_tool_call -']],
    ['10 host_call process', 'host_call("process.exec")', ['CommandExecution process.exec -']],
    ['10 host_call workspace mutation', 'host_call("workspace.write_text", p)', ['WorkspaceMutation workspace.write_text -']],
    ['10 host_call workspace read', 'host_call("workspace.read_text")', ['ConnectorAccess workspace.read_text -']],
    ['10 host_call unknown op', 'host_call(op())', ['ConnectorAccess host_call -']],
    ['11 model call', 'llm_call("q")', ['ModelCall llm_call -']],
    ['11 agent_loop', 'agent_loop(t)', ['ModelCall agent_loop -']],
    ['12 worker dispatch', 'spawn_agent(cfg)', ['WorkerDispatch spawn_agent -']],
    ['12 __host_worker_close', '__host_worker_close(h)', ['WorkerDispatch __host_worker_close -']],
    ['13 network', 'http_get("u")', ['NetworkAccess http_get -']],
    ['13 websocket_server_close', 'websocket_server_close(s)', ['NetworkAccess websocket_server_close -']],
    ['13 not unix sockets at 0.8.27', 'unix_socket_json_request(p)', 'Other'],
    ['14 other mcp_*', 'mcp_connect(cfg)', ['ConnectorAccess mcp_connect -']],
    ['15 everything else', 'log("x")', 'Other'],
    ['15 read_file is Other in the IR', 'read_file("a")', 'Other'],
  ])('rule %s: %s', (_rule, call, expected) => {
    expect(caps(call)).toEqual(expected);
  });
});

describe('§3.5 derived records', () => {
  it.each<[string, string[]]>([
    ['exec("ls")', ['hostcall:process.exec:write']],
    ['shell("ls")', ['hostcall:process.shell:write']],
    ['exec_at(d, "ls")', ['hostcall:process.exec_at:write']],
    ['shell_at(d, "ls")', ['hostcall:process.shell_at:write']],
    ['spawn_captured({cmd: "ls"})', ['hostcall:process.spawn_captured:write']],
    ['mkdtemp("x-")', ['fs:mutate (x-)']],
    ['mcp_call(c, "github.search", {q: 1})', ['hostcall:connector.github.search:write']],
    ['mcp_call(c, "fs.write_file", {path: "src/a"})', ['fs:mutate (src/a)', 'hostcall:connector.fs.write_file:write']],
    ['mcp_call(c, "run_tests")', ['hostcall:connector.run_tests:write', 'hostcall:process.run_tests:write']],
    ['mcp_call(c, f())', ['hostcall:connector.mcp_call:write']],
    ['mcp_connect(cfg)', ['hostcall:connector.mcp_connect:write']],
    ['mcp_list_tools(c)', ['hostcall:connector.mcp_list_tools:write']],
    ['host_call("workspace.write_text", p)', ['hostcall:workspace.write_text:mutate']],
    ['host_call("workspace.read_text")', ['hostcall:workspace.read_text:read']],
    ['host_call("workspace.list_dir")', ['hostcall:workspace.list_dir:read']],
    ['host_call("workspace.apply_edit")', ['hostcall:workspace.apply_edit:mutate']],
    ['host_call("process.exec")', ['hostcall:process.exec:write']],
    ['host_call(op_var)', ['hostcall:op_var:write']],
    ['host_call(get_op())', ['hostcall:connector.host_call:write']],
    ['host_tool_call("search", {q: 1})', ['tool:search:write']],
    ['tool_call("x")', ['tool:x:write']],
    ['tool_call(f())', ['tool:write']],
    ['copy_file("a", "b")', ['fs:write (a)']],
    ['write_file(p, d)', ['fs:write (p)']],
    ['http_get(url)', ['net:write (url)']],
    ['http_get("${base}/x")', ['net:write']],
    ['read_stdin()', ['stdio:read']],
    ['println("hi")', ['stdio:observe (hi)']],
    ['delete_file("f")', ['fs:mutate (f)']],
    ['apply_edit("f", e)', ['fs:mutate (f)']],
    ['spawn_agent(cfg)', ['spawn:write (cfg)']],
    ['llm_call("q", nil, {provider: "anthropic", model: "m"})', ['llm:anthropic/m:write']],
    ['llm_call("q", {provider: "a"}, {model: "m"}, {provider: "b"})', ['llm:b/m:write']],
    ['llm_call("q", {model: f()})', ['llm:write']],
    ['request_approval("deploy", {quorum: 2})', []],
    ['egress_policy(p)', []],
    ['with_execution_policy(p, { -> 1 })', []],
    ['my_helper("x")', []],
  ])('%s', (call, expected) => {
    expect(effectsOf(call)).toEqual(expected);
  });

  it('keeps an empty literal resource as Some("") (the seed assigns the literal directly)', () => {
    expect(effectsToJson(computeHandoffEffects('fn main() { read_file("") }'))).toBe('[{"kind":{"kind":"fs"},"scope":"read","resource":""}]');
  });

  it('harness walker records on top of IR records, different resources both survive', () => {
    expect(effectsOf('http_get("https://a")\nharness.net.get("https://b")')).toEqual(['net:write', 'net:write (https://a)']);
  });

  it("harness methods are not lowered into IR calls at 0.8.27 (§4/§5): only the seed walker's resource-less records", () => {
    expect(IR_CHOICES.lowerHarnessMethods).toBe(false);
    expect(effectsOf('harness.net.get("https://a")\nharness.fs.write_text("p", "x")')).toEqual(['fs:write', 'net:write']);
  });

  it('a user fn named like a builtin is treated as the builtin (name-based)', () => {
    expect(effectsOfProgram('fn read_file(p) { return p }\nfn main() { read_file("a") }')).toEqual(['fs:read (a)']);
  });

  it('returns no effects when the source has a parse error', () => {
    expect(computeHandoffEffects('fn main() { http_get("u") ')).toEqual([]);
  });
});
