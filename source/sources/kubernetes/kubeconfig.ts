// Kubeconfig loading with kubectl's rules. client-node's own multi-file merge differs from kubectl
// (the last file's current-context wins and duplicate names throw), so files are loaded one by one
// and merged here: the first file to define a name or a current-context wins.
import { InputError } from '../../domain/input-error';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';

export class KubeConfigError extends InputError {}

export interface KubeConfigOptions {
	/** `--kubeconfig`: one file, used instead of KUBECONFIG and ~/.kube/config. */
	kubeconfig?: string;
	/** `--context`; default: the current context. */
	context?: string;
	/** `-n/--namespace`; default: the context's namespace, else "default". */
	namespace?: string;
}

export interface LoadedKubeConfig {
	kc: KubeConfig;
	files: string[];
	context: string;
	namespace: string;
	server: string;
}

type Env = Record<string, string | undefined>;

/** The files kubectl would read, in precedence order (missing KUBECONFIG entries are skipped, as kubectl does). */
export function kubeconfigFiles(options: KubeConfigOptions, env: Env = process.env): string[] {
	if (options.kubeconfig) return [options.kubeconfig];
	if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter((file) => file && existsSync(file));
	const home = env.HOME || homedir();
	const standard = join(home, '.kube', 'config');
	return existsSync(standard) ? [standard] : [];
}

function firstLine(error: unknown): string {
	return String((error as Error)?.message ?? error).split('\n')[0];
}

function loadFile(file: string): KubeConfig {
	const part = new KubeConfig();
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new KubeConfigError(code === 'ENOENT' ? `kubeconfig ${file} not found` : `cannot read kubeconfig ${file}: ${firstLine(error)}`);
	}
	if (!text.trim()) return part;
	try {
		part.loadFromFile(file);
	} catch (error) {
		throw new KubeConfigError(`malformed kubeconfig ${file}: ${firstLine(error)}`);
	}
	return part;
}

function mergeFirstWins(parts: KubeConfig[]): KubeConfig {
	const clusters = new Map<string, Cluster>();
	const users = new Map<string, User>();
	const contexts = new Map<string, Context>();
	let currentContext = '';
	for (const part of parts) {
		for (const c of part.clusters ?? []) if (!clusters.has(c.name)) clusters.set(c.name, c);
		for (const u of part.users ?? []) if (!users.has(u.name)) users.set(u.name, u);
		for (const c of part.contexts ?? []) if (!contexts.has(c.name)) contexts.set(c.name, c);
		currentContext ||= part.currentContext ?? '';
	}
	const merged = new KubeConfig();
	merged.loadFromOptions({ clusters: [...clusters.values()], users: [...users.values()], contexts: [...contexts.values()], currentContext });
	return merged;
}

function readMerged(options: KubeConfigOptions, env: Env): { kc: KubeConfig; files: string[] } {
	const files = kubeconfigFiles(options, env);
	if (files.length === 0) throw new KubeConfigError('no kubeconfig found: set KUBECONFIG or pass --kubeconfig');
	return { kc: mergeFirstWins(files.map(loadFile)), files };
}

/** Context names and the current one, for `:ctx` completion. */
export function listContexts(options: KubeConfigOptions = {}, env: Env = process.env): { names: string[]; current?: string } {
	const { kc } = readMerged(options, env);
	return { names: kc.getContexts().map((c) => c.name), current: kc.getCurrentContext() || undefined };
}

/** Loads and selects a context, or throws a KubeConfigError with one line naming the file or context. */
export function loadKubeConfig(options: KubeConfigOptions = {}, env: Env = process.env): LoadedKubeConfig {
	const { kc, files } = readMerged(options, env);
	const names = kc.getContexts().map((c) => c.name);
	const known = names.length ? `known: ${names.join(', ')}` : 'it defines no contexts';
	const where = files.join(delimiter);
	const name = options.context ?? kc.getCurrentContext();
	if (!name) throw new KubeConfigError(`kubeconfig ${where} has no current context; pass --context (${known})`);
	const context = kc.getContextObject(name);
	if (!context) throw new KubeConfigError(`context "${name}" not found in kubeconfig ${where} (${known})`);
	const cluster = kc.getCluster(context.cluster);
	if (!cluster) throw new KubeConfigError(`context "${name}" refers to cluster "${context.cluster}", which kubeconfig ${where} does not define`);
	// client-node refuses plain-http servers unless TLS verification is "skipped"; kubectl does not
	// (e.g. `kubectl proxy` or `rolltop sim serve`), and with no TLS there is nothing to verify.
	if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
		kc.clusters = kc.clusters.map((c) => (c.name === cluster.name ? { ...c, skipTLSVerify: true } : c));
	}
	kc.setCurrentContext(name);
	return { kc, files, context: name, namespace: options.namespace || context.namespace || 'default', server: cluster.server };
}

/**
 * Whether the console should start live: a kubeconfig exists and names a current context (else the
 * simulator). A kubeconfig that exists but is malformed is an error, not a reason to fall back.
 */
export function hasUsableKubeconfig(options: KubeConfigOptions = {}, env: Env = process.env): boolean {
	if (kubeconfigFiles(options, env).length === 0) return false;
	const { kc } = readMerged(options, env);
	return Boolean(options.context ?? kc.getCurrentContext());
}
