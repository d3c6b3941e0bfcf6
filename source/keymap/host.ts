// What the program around the console provides: the I/O a command may trigger but the keymap must
// not own (sending a planned action to the cluster source, switching sources, quitting).
import type { ActionPlan, ActionResult } from '../domain/action';
import type { ReplayControls, SimulatorControls } from '../domain/source';

export interface Host {
	quit(): void;
	/** Who acts, for the action log. */
	user: string;
	/** Whether the console runs on the simulator (its clock keys work only there). */
	simulated(): boolean;
	simulator(): SimulatorControls | undefined;
	/** The playback controls when the console shows a recording. */
	replay(): ReplayControls | undefined;
	/** Sends a planned action to the current cluster source. */
	execute(plan: ActionPlan): Promise<ActionResult>;
	setTheme(name: string): string | null;
	themes(): string[];
	switchScenario?(name: string): string | null;
	switchContext?(name: string): Promise<string | null>;
	/** The kubeconfig's contexts, the current one marked. */
	listContexts?(): string[];
	switchNamespace?(name: string): Promise<string | null>;
}
