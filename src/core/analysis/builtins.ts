// Every builtin harn-vm 0.7.50 registers that the seed's classification (effects_from_call / classify_call) does not
// classify, sorted once: pure (no outside effect), or effectful although harn's handoff analysis does not classify
// it, with the reason and the effect it would need. The unseen walk reads this table; a call that is neither
// classified, nor here, nor the program's own is "effects unknown". Pure data; depends on ./types.ts only.
import { effectRecord, llmKind, type EffectKind, type EffectRecord, type EffectScope } from './types.ts';

/** One builtin the seed does not classify: its registering file, and the effects it would need ([] when pure). */
export interface UnclassifiedBuiltin {
  name: string;
  /** harn-vm's source file that registers it (`stdlib/agents.rs`). */
  file: string;
  /** The effects it would need; [] for a pure builtin. */
  effects: EffectRecord[];
  /** What it does, one line: why it is pure, or what it reaches ("runs a sub-agent: LLM calls and tools"). */
  reason: string;
}

const STDIO: EffectKind = { kind: 'stdio' };
const FS: EffectKind = { kind: 'fs' };
const NET: EffectKind = { kind: 'net' };
const SPAWN: EffectKind = { kind: 'spawn' };
const host = (name: string): EffectKind => ({ kind: 'hostcall', name });
/** A `process.*` hostcall name (the prefix the seed ranks process_exec). */
const processHost = (op: string): EffectKind => host(`process.${op}`);
type Need = [EffectKind, EffectScope];

// [file, effects ([] = pure), reason, names]. Each line's reason is read from the registering file and the name.
type Row = readonly [string, readonly Need[], string, string];
const PURE = [] as const;

const ROWS: readonly Row[] = [
  ['checkpoint.rs', [[FS, 'write']], 'stores and reads run checkpoints in the run directory on disk', 'checkpoint checkpoint_clear checkpoint_delete checkpoint_exists checkpoint_get checkpoint_list'],
  ['http/client.rs', [[NET, 'read']], 'reads the state of an open HTTP stream', 'http_stream_info'],
  ['http/mod.rs', PURE, 'builds or inspects an HTTP value in memory, or records a mock', 'http_header http_mock http_mock_calls http_mock_clear http_response http_response_bytes http_response_json http_response_text'],
  ['http/mod.rs', [[NET, 'write']], 'starts, configures or drives an HTTP server that accepts connections', 'http_server http_server_after http_server_before http_server_on_shutdown http_server_readiness http_server_ready http_server_request http_server_route http_server_security_headers http_server_set_ready http_server_shutdown http_server_test http_server_tls_edge http_server_tls_pem http_server_tls_plain http_server_tls_self_signed_dev'],
  ['http/streaming.rs', PURE, 'builds an SSE event or drives the in-memory SSE and transport mocks', 'sse_event sse_mock sse_server_mock_disconnect sse_server_mock_receive transport_mock_calls transport_mock_clear'],
  ['http/streaming.rs', [[NET, 'read']], 'reads the state of a served SSE connection', 'sse_server_cancelled sse_server_disconnected sse_server_status'],
  ['http/streaming/websocket.rs', PURE, 'installs an in-memory websocket mock', 'websocket_mock'],
  ['llm/agent_config.rs', [[llmKind(), 'write']], "feeds or subscribes to a running agent loop's LLM turns", 'agent_inject_feedback agent_subscribe'],
  ['llm/config_builtins.rs', PURE, 'reads or sets the in-memory provider and model configuration', 'llm_available_providers llm_config llm_infer_provider llm_known_models llm_model_info llm_model_tier llm_pick_model llm_provider_catalog llm_providers llm_qc_default_model llm_rate_limit llm_resolve_model provider_capabilities provider_capabilities_clear provider_capabilities_install provider_register'],
  ['llm/config_builtins.rs', [[llmKind(), 'write']], 'calls the LLM provider to check that it answers', 'llm_healthcheck'],
  ['llm/conversation.rs', PURE, 'builds or reads a conversation transcript in memory', 'add_assistant add_message add_system add_tool_result add_user conversation transcript transcript_abandon transcript_add_asset transcript_archive transcript_assets transcript_events transcript_export transcript_fork transcript_from_messages transcript_id transcript_import transcript_messages transcript_render_full transcript_render_visible transcript_reset transcript_resume transcript_summary'],
  ['llm/conversation.rs', [[llmKind(), 'write']], 'asks an LLM to summarize the transcript', 'transcript_summarize'],
  ['llm/cost.rs', PURE, 'computes LLM cost from token counts in memory', 'llm_cost llm_session_cost'],
  ['llm/mod.rs', PURE, 'reads the agent trace or drives the in-memory LLM mock', 'agent_trace agent_trace_summary llm_mock llm_mock_calls llm_mock_clear llm_mock_pop_scope llm_mock_push_scope'],
  ['llm/mod.rs', [[llmKind(), 'write']], 'streams an LLM completion', 'llm_stream'],
  ['llm/mod.rs', [[llmKind(), 'write']], 'runs its closure (LLM calls) under a rate limit', 'with_rate_limit'],
  ['llm/transcript_stats.rs', PURE, 'counts the events of a transcript in memory', 'transcript_events_by_kind transcript_stats'],
  ['metadata.rs', [[FS, 'read']], 'reads project metadata and file hashes from the workspace', 'compute_content_hash metadata_entries metadata_get metadata_resolve metadata_stale metadata_status scan_directory'],
  ['metadata.rs', [[FS, 'write']], 'writes project metadata to the workspace', 'invalidate_facts metadata_refresh_hashes metadata_save metadata_set'],
  ['stdlib/agent_sessions.rs', PURE, "reads or edits an agent session's transcript in memory", 'agent_session_ancestry agent_session_close agent_session_current_id agent_session_exists agent_session_fork agent_session_fork_at agent_session_inject agent_session_length agent_session_open agent_session_reset agent_session_snapshot agent_session_trim'],
  ['stdlib/agent_sessions.rs', [[llmKind(), 'write']], "asks an LLM to compact an agent session's transcript", 'agent_session_compact'],
  ['stdlib/agent_state.rs', [[FS, 'write']], 'keeps durable agent state in files of the workspace', '__agent_state_delete __agent_state_handoff __agent_state_init __agent_state_list __agent_state_read __agent_state_resume __agent_state_write'],
  ['stdlib/agents.rs', PURE, 'builds or names an agent definition in memory', 'agent agent_config agent_name list_agents'],
  ['stdlib/agents.rs', [[llmKind(), 'write'], [SPAWN, 'write']], 'runs a sub-agent: LLM calls and tools', 'sub_agent_run'],
  ['stdlib/agents_daemon.rs', [[llmKind(), 'write'], [SPAWN, 'write']], 'starts, wakes or stops a daemon agent: LLM calls and tools', 'daemon_resume daemon_spawn daemon_stop daemon_trigger'],
  ['stdlib/agents_daemon.rs', [[FS, 'write']], "writes a daemon agent's snapshot to disk", 'daemon_snapshot'],
  ['stdlib/assemble.rs', [[FS, 'read']], 'assembles a context from workspace files and artifacts', 'assemble_context'],
  ['stdlib/bytes.rs', PURE, 'converts or compares bytes in memory', 'bytes_concat bytes_eq bytes_from_base64 bytes_from_hex bytes_from_string bytes_len bytes_slice bytes_to_base64 bytes_to_hex bytes_to_string bytes_to_string_lossy'],
  ['stdlib/clock.rs', PURE, 'reads or mocks the clock, or sleeps', 'advance_time elapsed mock_time monotonic_ms now_ms sleep_ms timestamp unmock_time'],
  ['stdlib/collections.rs', PURE, 'reshapes a list in memory (its callback runs as the caller)', 'chunk dedup_by flat_map group_by partition window'],
  ['stdlib/command_policy.rs', PURE, 'builds or scans a command policy in memory', 'command_policy command_result_scan command_risk_scan'],
  ['stdlib/command_policy.rs', [[llmKind(), 'write']], 'asks an LLM to judge the risk of a command', 'command_llm_risk_scan'],
  ['stdlib/compression.rs', PURE, 'compresses or decompresses bytes in memory', 'brotli_decode brotli_encode gzip_decode gzip_encode zstd_decode zstd_encode'],
  ['stdlib/compression.rs', [[FS, 'write']], 'packs or unpacks an archive of files', 'tar_create tar_extract zip_create zip_extract'],
  ['stdlib/concurrency.rs', PURE, 'synchronizes tasks of this program in memory (channels, locks, shared cells, timers)', '__select_list __select_timeout __select_try atomic atomic_add atomic_cas atomic_get atomic_set channel channel_select circuit_breaker circuit_check circuit_record_failure circuit_record_success circuit_reset close_channel receive select send shared_cas shared_cell shared_get shared_map shared_map_cas shared_map_delete shared_map_entries shared_map_get shared_map_set shared_map_snapshot shared_metrics shared_scope_id shared_set shared_snapshot sleep sync_gate_acquire sync_metrics sync_mutex_acquire sync_release sync_rwlock_acquire sync_semaphore_acquire timer_end timer_start try_receive'],
  ['stdlib/concurrency.rs', [[SPAWN, 'write']], 'sends to or reads from the mailbox of another agent', 'mailbox_close mailbox_lookup mailbox_metrics mailbox_open mailbox_receive mailbox_send mailbox_try_receive'],
  ['stdlib/connectors.rs', [[host('connector_call'), 'write']], 'calls an external connector', 'connector_call'],
  ['stdlib/connectors.rs', [[host('event_log'), 'write']], "appends to the host's event log", 'event_log_emit'],
  ['stdlib/connectors.rs', [[host('metrics'), 'write']], "increments a host metric", 'metrics_inc'],
  ['stdlib/connectors.rs', [[host('secret_get'), 'read']], 'reads a secret from the host', 'secret_get'],
  ['stdlib/cookies.rs', PURE, 'parses, signs or verifies a cookie in memory', 'cookie_delete cookie_parse cookie_round_trip cookie_serialize cookie_sign cookie_verify session_cookie session_from_cookies session_sign session_verify'],
  ['stdlib/crypto.rs', PURE, 'hashes, encodes, signs or verifies in memory', 'base32_decode base32_encode base64_decode base64_encode base64url_decode base64url_encode blake3 constant_time_eq ed25519_keypair ed25519_sign ed25519_verify hash_value hex_decode hex_encode hmac_sha256 hmac_sha256_base64 jwt_sign jwt_verify sha3_256 sha3_512 signed_url url_decode url_encode verify_signed_url x25519_agree x25519_keypair'],
  ['stdlib/csv.rs', PURE, 'parses or prints CSV in memory', 'csv_parse csv_stringify'],
  ['stdlib/datetime.rs', PURE, 'computes with dates or reads the clock', 'date_add date_diff date_format date_from_components date_in_zone date_now date_now_iso date_parse date_to_zone duration_days duration_hours duration_minutes duration_ms duration_seconds duration_to_human duration_to_seconds month_name weekday_name'],
  ['stdlib/event_log.rs', [[host('event_log'), 'write']], "writes to or reads the host's event log", 'event_log.emit event_log.latest event_log.subscribe'],
  ['stdlib/flow.rs', PURE, 'builds a flow invariant or evidence value in memory', 'flow_evidence_atom flow_evidence_citation flow_evidence_metadata flow_evidence_transcript flow_invariant_allow flow_invariant_block flow_invariant_confidence flow_invariant_is_blocking flow_invariant_kind flow_invariant_require_approval flow_invariant_warn flow_remediation flow_with_confidence flow_with_evidence flow_with_remediation'],
  ['stdlib/fs.rs', PURE, 'joins path text in memory', 'path_join'],
  ['stdlib/fs.rs', [[FS, 'write']], 'creates a temporary directory', 'temp_dir'],
  ['stdlib/hitl.rs', [[STDIO, 'read']], 'asks a person and waits for the answer', 'ask_user dual_control escalate_to'],
  ['stdlib/hitl_read.rs', [[STDIO, 'read']], 'reads the pending human-in-the-loop requests', 'hitl_pending'],
  ['stdlib/host.rs', PURE, "reads the host's capability list or drives the in-memory host mock", 'host_capabilities host_has host_mock host_mock_calls host_mock_clear host_mock_pop_scope host_mock_push_scope'],
  ['stdlib/host.rs', [[{ kind: 'tool', name: '' }, 'read']], "lists the host's tools", 'host_tool_list'],
  ['stdlib/io.rs', PURE, 'formats text, reads a terminal flag, mocks stdin or a TTY, or makes a UUID', 'bold color dim is_stderr_tty is_stdin_tty is_stdout_tty mock_stdin mock_tty set_color_mode unmock_stdin unmock_tty uuid uuid_nil uuid_parse uuid_v5 uuid_v7 capture_stderr_start capture_stderr_take'],
  ['stdlib/io.rs', [[STDIO, 'observe']], 'writes a log line or a progress line to the terminal', 'log log_debug log_error log_info log_json log_set_level log_warn progress'],
  ['stdlib/io.rs', [[STDIO, 'read']], 'reads a line from the terminal', 'prompt_user read_line'],
  ['stdlib/iter.rs', PURE, 'builds or consumes an iterator or stream in memory (its callbacks run as the caller)', 'iter pair parallel_race stream.broadcast stream.collect stream.debounce stream.filter stream.first stream.fold stream.interleave stream.map stream.merge stream.race stream.scan stream.take stream.take_until stream.tap stream.throttle stream.zip'],
  ['stdlib/json.rs', PURE, 'parses, queries, validates or prints data in memory', 'is_type jq jq_first json_extract json_parse json_pointer json_pointer_delete json_pointer_set json_stringify json_validate schema_check schema_expect schema_extend schema_from_json_schema schema_from_openapi_schema schema_is schema_of schema_omit schema_parse schema_partial schema_pick schema_to_json_schema schema_to_openapi_schema toml_parse toml_stringify yaml_parse yaml_stringify'],
  ['stdlib/junit.rs', PURE, 'parses JUnit XML text in memory', 'parse_junit_xml'],
  ['stdlib/math.rs', PURE, 'computes in memory (or draws a random number)', '__range__ abs atan2 ceil floor is_infinite is_nan max mean median min percentile pow random random_choice random_int random_shuffle range rng_seed round sign sqrt stddev variance'],
  ['stdlib/memory.rs', [[FS, 'write']], "stores, recalls or forgets the agent's long-term memory", '__memory_forget __memory_recall __memory_store __memory_summarize'],
  ['stdlib/monitors.rs', [[FS, 'read']], 'waits for a monitored condition of the workspace or host', 'monitor_wait_for_native'],
  ['stdlib/multipart.rs', PURE, 'builds or parses a multipart form in memory', 'multipart_field_bytes multipart_field_text multipart_form_data multipart_parse'],
  ['stdlib/path.rs', PURE, 'computes with path text in memory', 'path_basename path_extension path_is_absolute path_is_relative path_normalize path_parent path_parts path_relative_to path_segments path_stem path_to_native path_to_posix path_with_extension path_with_stem path_workspace_info path_workspace_normalize'],
  ['stdlib/postgres.rs', PURE, 'reads or installs the in-memory Postgres mock', 'pg_mock_calls pg_mock_pool'],
  ['stdlib/postgres.rs', [[NET, 'write']], 'connects to or queries a Postgres database', 'pg_close pg_connect pg_execute pg_pool pg_query pg_query_one pg_transaction'],
  ['stdlib/process.rs', PURE, 'reads a fact of the running process or its paths', 'arch asset_root cwd date_iso execution_root home_dir hostname pid platform project_root runtime_paths source_dir username'],
  ['stdlib/process.rs', [[processHost('env'), 'read']], 'reads an environment variable of the process', 'env env_or'],
  ['stdlib/process.rs', [[processHost('exit'), 'write']], 'ends the process', 'exit'],
  ['stdlib/project.rs', [[FS, 'read']], 'scans the project tree of the workspace', 'project_catalog_native project_fingerprint project_scan_native project_scan_tree_native project_walk_tree_native'],
  ['stdlib/project_enrich.rs', [[FS, 'read']], 'enriches the project scan from workspace files', 'project_enrich_native'],
  ['stdlib/records.rs', PURE, 'builds or compares a run record, artifact, eval or friction value in memory', 'artifact artifact_apply_intent artifact_command_result artifact_context artifact_derive artifact_diff artifact_diff_review artifact_editor_selection artifact_patch_proposal artifact_review_decision artifact_select artifact_test_result artifact_verification_bundle artifact_verification_result context_pack_manifest context_pack_manifest_parse context_pack_suggestions eval_metric eval_metrics eval_pack_manifest eval_suite_manifest friction_clear friction_eval_fixture friction_event friction_events friction_record handoff handoff_context run_record run_record_diff run_record_eval run_record_eval_suite run_record_fixture'],
  ['stdlib/records.rs', [[FS, 'read']], 'reads workspace files, a git diff or saved run records', 'artifact_git_diff artifact_workspace_file artifact_workspace_snapshot load_run_tree run_record_load'],
  ['stdlib/records.rs', [[FS, 'write']], 'saves a run record to disk', 'run_record_save'],
  ['stdlib/records.rs', [[llmKind(), 'write'], [SPAWN, 'write']], 'runs an eval pack or suite: its programs and their LLM calls', 'eval_pack_run eval_suite_run'],
  ['stdlib/regex.rs', PURE, 'matches or replaces text in memory', 'regex_captures regex_match regex_replace regex_replace_all regex_split'],
  ['stdlib/secret_scan.rs', PURE, 'scans text in memory for secrets', 'secret_scan'],
  ['stdlib/sets.rs', PURE, 'computes with sets in memory', 'set set_add set_contains set_difference set_intersect set_is_disjoint set_is_subset set_is_superset set_remove set_symmetric_difference set_union'],
  ['stdlib/shapes.rs', PURE, 'checks or reshapes a value in memory', '__assert_dict __assert_interface __assert_list __assert_schema __assert_shape __dict_rest __make_struct entries keys values'],
  ['stdlib/skills.rs', PURE, 'defines, finds or renders a skill in the in-memory registry', 'render_always_on_catalog skill_count skill_define skill_describe skill_find skill_list skill_registry skill_remove skill_render skill_select skills_catalog_entries'],
  ['stdlib/skills.rs', [[FS, 'read']], "loads a skill's files from disk", 'load_skill'],
  ['stdlib/strings.rs', PURE, 'computes with text in memory', 'basename camel_to_kebab camel_to_pascal camel_to_snake contains dirname ends_with extname format join kebab_to_camel kebab_to_snake lowercase lowercase_first pascal_to_camel pascal_to_snake prompt_mark_rendered render render_prompt render_string render_with_provenance replace snake_to_camel snake_to_kebab snake_to_pascal split starts_with str_pad substring title_case trim unicode_graphemes unicode_normalize uppercase uppercase_first'],
  ['stdlib/supervisor.rs', PURE, "reads a supervisor's events, metrics or state", 'supervisor_events supervisor_metrics supervisor_state'],
  ['stdlib/supervisor.rs', [[SPAWN, 'write']], 'starts or stops a supervisor of worker agents', 'supervisor_start supervisor_stop'],
  ['stdlib/testing.rs', PURE, 'asserts or classifies an error in memory', 'assert assert_eq assert_ne error_category is_rate_limited is_timeout throw_error'],
  ['stdlib/tools.rs', PURE, 'defines, finds or formats a tool in the in-memory registry', 'plan_artifact plan_entries tool_bind tool_count tool_def tool_define tool_describe tool_find tool_format_result tool_list tool_parse_call tool_prompt tool_ref tool_registry tool_remove tool_schema tool_select tool_surface_validate tool_synthesis_cache tool_synthesis_clear'],
  ['stdlib/tools.rs', [[llmKind(), 'write'], [{ kind: 'tool', name: '' }, 'write']], 'synthesizes a tool with an LLM or invokes a synthesized tool', 'tool_synth_invoke tool_synthesize'],
  ['stdlib/tracing.rs', PURE, 'records or reads trace spans and LLM usage in memory', 'enable_tracing llm_info llm_usage trace_end trace_id trace_spans trace_start trace_summary'],
  ['stdlib/transcript_compact.rs', [[llmKind(), 'write']], 'asks an LLM to compact a transcript', 'transcript_compact'],
  ['stdlib/triggers_stdlib.rs', PURE, 'reads the handler context or the list of trigger providers', 'handler_context list_providers_native trigger_list'],
  ['stdlib/triggers_stdlib.rs', [[SPAWN, 'write']], 'registers, fires, replays or inspects a trigger that runs handlers', 'trigger_fire trigger_inspect_action_graph trigger_inspect_dlq trigger_inspect_lifecycle trigger_register trigger_replay trigger_test_harness'],
  ['stdlib/triggers_stdlib.rs', [[FS, 'write']], 'records to or queries the trust graph store', 'trust_graph_policy_for trust_graph_query trust_graph_record trust_graph_verify_chain trust_query trust_record'],
  ['stdlib/types.rs', PURE, 'converts or inspects a value in memory', 'Err Ok addr_of is_err is_ok is_same len to_float to_int to_list to_string type_of unreachable unwrap unwrap_err unwrap_or'],
  ['stdlib/url_parse.rs', PURE, 'parses or builds a URL in memory', 'query_parse query_stringify url_build url_parse'],
  ['stdlib/vision.rs', [[processHost('vision_ocr'), 'write']], 'runs an OCR process on an image (harn-vm groups it with Process)', 'vision_ocr'],
  ['stdlib/waitpoint.rs', [[SPAWN, 'write']], 'creates, completes or waits on a durable waitpoint that another run resumes', '__waitpoint_cancel __waitpoint_complete __waitpoint_create __waitpoint_wait'],
  ['stdlib/waitpoints.rs', [[SPAWN, 'write']], 'creates, completes or waits on a durable waitpoint that another run resumes', 'waitpoint_cancel waitpoint_complete waitpoint_create waitpoint_wait'],
  ['stdlib/workflow/register.rs', PURE, 'builds, edits or inspects a workflow graph in memory', 'clear_tool_hooks estimate_tokens microcompact register_tool_hook select_artifacts_adaptive workflow_clone workflow_commit workflow_diff workflow_graph workflow_insert_node workflow_inspect workflow_policy_report workflow_replace_node workflow_rewire workflow_set_auto_compact workflow_set_context_policy workflow_set_model_policy workflow_set_output_visibility workflow_validate'],
  ['stdlib/workflow/register.rs', [[llmKind(), 'write']], 'asks an LLM to compact a transcript', 'transcript_auto_compact'],
  ['stdlib/workflow/register.rs', [[llmKind(), 'write'], [SPAWN, 'write']], 'runs a workflow of LLM agent stages with their tools', 'workflow_execute'],
  ['stdlib/workflow_messages.rs', [[SPAWN, 'write']], 'signals, queries or continues a durable workflow run', 'continue_as_new workflow.continue_as_new workflow.pause workflow.publish_query workflow.query workflow.receive workflow.respond_update workflow.resume workflow.signal workflow.status workflow.update'],
  ['store.rs', [[FS, 'write']], 'reads and writes the persistent key-value store on disk', 'store_clear store_delete store_get store_list store_save store_set'],
  ['vm/tests_runtime.rs', PURE, "registers a test of harn's own test runner", 'test_async test_sync'],
];

const TABLE: ReadonlyMap<string, UnclassifiedBuiltin> = (() => {
  const out = new Map<string, UnclassifiedBuiltin>();
  for (const [file, needs, reason, names] of ROWS) {
    const effects = needs.map(([kind, scope]) => effectRecord(kind, scope));
    for (const name of names.split(' ')) out.set(name, { name, file, effects, reason });
  }
  return out;
})();

/** The table's entry for `name` (a builtin the seed does not classify), or undefined. */
export function unclassifiedBuiltin(name: string): UnclassifiedBuiltin | undefined {
  return TABLE.get(name);
}

/** Every entry of the table, in the order of harn-vm's files. */
export function unclassifiedBuiltins(): UnclassifiedBuiltin[] {
  return [...TABLE.values()];
}
