// The icon that goes with each severity (always next to the word or a visually hidden one).
import type { Severity } from '../../core/diagnostics.ts';

export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
