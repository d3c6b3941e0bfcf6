// Records the real console as Ink draws it for a terminal: Ink's incremental output, byte for byte,
// with the resizes between its chunks and, after each action, the frame Ink meant — rendered by a
// second Ink instance in debug mode (whole frames, as `lastFrame()` gives them) on the same store.
// Import ./live-frames first: with CI set Ink would draw no live frames at all.
import { render } from 'ink';
import type { KubeEvent } from '../../source/domain/k8s';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { FakeStdin, FakeStdout, keyBytes } from './fake-terminal';
import { simulatorSources, testConsole } from './session';
import { XtermScreen, type UnicodeVersion } from './xterm-screen';

export type Action =
	| { advance: number }
	| { key: string }
	| { type: string }
	| { resize: [columns: number, rows: number] }
	/** A Warning event on the canary rollout with this message, as a cluster could report it. */
	| { event: string };

export type Step = { ink: string } | { resize: [columns: number, rows: number] } | { meant: string };

export interface Recording {
	columns: number;
	rows: number;
	steps: Step[];
}

const CANARY = { kind: 'Rollout', namespace: 'llm-serving', name: 'llama-3-1-8b-chat' };

/** The screen a terminal of this size shows for a whole frame written from its top-left corner. */
export async function frameScreen(frame: string, columns: number, rows: number, unicode: UnicodeVersion): Promise<XtermScreen> {
	const screen = new XtermScreen(columns, rows, unicode);
	await screen.write(frame);
	return screen;
}

function cellsOf(screen: XtermScreen): string {
	return JSON.stringify(screen.cells());
}

export async function recordConsole(columns: number, rows: number, actions: Action[]): Promise<Recording> {
	const sim = createSimulator(loadScenario('default'), { seed: 3, speed: 0 });
	sim.advance(60_000);
	const steps: Step[] = [];
	// Ink's own output as a terminal shows it, to know when Ink has finished drawing a state.
	const drawn = new XtermScreen(columns, rows, '11');
	const tty = new FakeStdout(columns, rows);
	// The console follows the live terminal's size, as the CLI's console follows its terminal.
	const console = testConsole(simulatorSources(sim), { terminal: tty, now: sim.now() });
	let recording = true;
	tty.write = (data: string) => {
		if (!recording) return true;
		steps.push({ ink: data });
		void drawn.write(data);
		return true;
	};
	const mirror = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const options = { exitOnCtrlC: false, patchConsole: false } as const;
	const live = render(console.element, { ...options, stdout: tty as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, incrementalRendering: true, maxFps: 1000 });
	const debug = render(console.element, { ...options, stdout: mirror as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream, debug: true });

	/** Waits until Ink's output shows the frame the debug instance rendered last, then notes that frame. */
	const settled = async (what: string) => {
		const deadline = Date.now() + 5000;
		let meant: { key: string; frame: string; text: string; cells: string } | undefined;
		for (;;) {
			const frame = mirror.lastFrame();
			const key = `${tty.columns}x${tty.rows}\n${frame}`;
			if (meant?.key !== key) {
				const screen = await frameScreen(frame, tty.columns, tty.rows, '11');
				meant = { key, frame, text: screen.text().join('\n'), cells: cellsOf(screen) };
				screen.dispose();
			}
			await drawn.write('');
			// Text first: comparing every cell's attributes is the slow part.
			const text = drawn.text().join('\n');
			if (text === meant.text && cellsOf(drawn) === meant.cells) {
				steps.push({ meant: meant.frame });
				return;
			}
			if (Date.now() > deadline) throw new Error(`Ink did not finish drawing after ${what}:\n${text}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	};

	try {
		await settled('the first frame');
		for (const action of actions) {
			if ('advance' in action) sim.advance(action.advance * 1000);
			else if ('key' in action) stdin.write(keyBytes(action.key));
			else if ('type' in action) stdin.write(action.type);
			else if ('event' in action) {
				sim.store.put(warning(action.event, sim.now()));
				sim.advance(1000);
			} else {
				const [c, r] = action.resize;
				steps.push({ resize: [c, r] });
				drawn.resize(c, r);
				mirror.resize(c, r);
				tty.resize(c, r);
			}
			await settled(JSON.stringify(action));
		}
	} finally {
		recording = false;
		live.unmount();
		debug.unmount();
		console.stop();
		drawn.dispose();
	}
	return { columns, rows, steps };
}

function warning(message: string, now: number): KubeEvent {
	const at = new Date(now).toISOString();
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: { name: `${CANARY.name}.${now.toString(16)}`, namespace: CANARY.namespace },
		involvedObject: CANARY,
		reason: 'ModelCheck',
		message,
		type: 'Warning',
		count: 1,
		firstTimestamp: at,
		lastTimestamp: at,
		source: { component: 'model-checker' },
	};
}
