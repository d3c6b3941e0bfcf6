// What the program around the console provides: I/O the keymap may trigger but must not own.
export interface Host {
	quit(): void;
	setTheme(name: string): string | null;
	themes(): string[];
	switchScenario?(name: string): string | null;
	switchContext?(name: string): Promise<string | null>;
	/** The kubeconfig's contexts, the current one marked. */
	listContexts?(): string[];
	switchNamespace?(name: string): Promise<string | null>;
}
