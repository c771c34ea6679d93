// Completion data: builtin names the effect analysis knows (with the effect each yields) and the
// `harness.<sub>.<method>` table of the seed's walker. Static data; test/ui checks it against core.

export interface BuiltinCompletion {
  name: string;
  /** The effect label the analysis gives the call (`fs:write`), or a short note. */
  detail: string;
  /** A snippet for the arguments, in Monaco's `${1:placeholder}` syntax. */
  args: string;
}

const b = (detail: string, args: string, names: string[]): BuiltinCompletion[] => names.map((name) => ({ name, detail, args }));

export const BUILTIN_COMPLETIONS: readonly BuiltinCompletion[] = [
  ...b('stdio:observe', '${1:value}', ['print', 'println', 'eprint', 'eprintln', 'write_stdout', 'write_stderr']),
  ...b('stdio:read', '', ['read_stdin']),
  ...b('fs:read', '"${1:path}"', ['read_file', 'read_file_bytes', 'read_file_result', 'read_lines', 'list_dir', 'walk_dir', 'glob', 'file_exists', 'stat']),
  ...b('fs:write', '"${1:path}", ${2:content}', ['write_file', 'write_file_bytes', 'append_file']),
  ...b('fs:write', '"${1:path}"', ['mkdir', 'copy_file', 'move_file']),
  ...b('fs:mutate', '"${1:path}"', ['delete_file', 'apply_edit']),
  ...b('net:write', '"${1:https://example.com}"', ['http_get', 'http_post', 'http_put', 'http_patch', 'http_delete', 'http_request', 'http_download', 'websocket_connect', 'sse_connect']),
  ...b('llm:write', '"${1:prompt}"', ['llm_call', 'llm_call_safe', 'llm_stream_call', 'llm_call_structured', 'llm_completion', 'agent_turn', 'agent_loop']),
  ...b('spawn:write', '"${1:worker}"', ['spawn_agent', 'send_input', 'resume_agent', 'wait_agent', 'close_agent', 'worker_trigger']),
  ...b('tool:write', '"${1:tool}", ${2:args}', ['tool_call', 'host_tool_call']),
  ...b('host call', '"${1:name}", ${2:args}', ['host_call']),
  ...b('await point', '${1:100ms}', ['sleep']),
  ...b('await point', '', ['yield_now']),
  ...b('command execution', '"${1:command}"', ['exec', 'shell']),
];

/** `harness.<sub>.<method>`: each method with the effect the seed's walker gives it. */
export const HARNESS_METHODS: Readonly<Record<string, readonly { method: string; detail: string }[]>> = {
  stdio: [
    ...['print', 'println', 'eprint', 'eprintln'].map((method) => ({ method, detail: 'stdio:observe' })),
    ...['read_line', 'prompt'].map((method) => ({ method, detail: 'stdio:read' })),
  ],
  fs: [
    ...['read_file', 'read_text', 'read', 'exists', 'list_dir', 'stat'].map((method) => ({ method, detail: 'fs:read' })),
    ...['write_file', 'write_text', 'append_file', 'mkdir', 'copy_file'].map((method) => ({ method, detail: 'fs:write' })),
    ...['delete_file', 'delete', 'remove'].map((method) => ({ method, detail: 'fs:mutate' })),
  ],
  net: ['get', 'post', 'put', 'delete', 'request'].map((method) => ({ method, detail: 'net:write' })),
  env: [
    ...['get', 'vars'].map((method) => ({ method, detail: 'hostcall:env.get:read' })),
    ...['set', 'unset'].map((method) => ({ method, detail: 'hostcall:env.set:mutate' })),
  ],
  clock: ['now', 'sleep'].map((method) => ({ method, detail: 'no effect record' })),
  random: ['int', 'float'].map((method) => ({ method, detail: 'no effect record' })),
  system: ['os', 'arch'].map((method) => ({ method, detail: 'no effect record' })),
};

/** What to complete at the cursor, from the text of the line before it. */
export type CompletionContext = { kind: 'harness-sub' } | { kind: 'harness-method'; sub: string } | { kind: 'identifier' };

export function completionContext(linePrefix: string): CompletionContext {
  const method = /\bharness\s*\??\.\s*([A-Za-z_]\w*)\s*\??\.\s*\w*$/.exec(linePrefix);
  if (method) return { kind: 'harness-method', sub: method[1]! };
  if (/\bharness\s*\??\.\s*\w*$/.test(linePrefix)) return { kind: 'harness-sub' };
  return { kind: 'identifier' };
}
