// The simulator's clock: faster, slower (down to frozen), and a jump ahead.
import type { Command, CommandEnv, KeyContext } from '../command';

const SPEEDS = [0, 0.5, 1, 2, 5, 10, 30, 60];

const simulatorOnly = (ctx: KeyContext): string | null => (ctx.simulated ? null : 'only the simulator has a clock to change');

function changeSpeed(step: number): (env: CommandEnv) => void {
	return ({ store, host }) => {
		const sim = host.simulator();
		if (!sim) return;
		const index = SPEEDS.findIndex((s) => s >= sim.getSpeed());
		const speed = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (index < 0 ? SPEEDS.length - 1 : index) + step))];
		sim.setSpeed(speed);
		store.flash(speed === 0 ? 'simulated clock frozen (> to resume, . to step)' : `simulated clock ×${speed}`, 'info');
	};
}

export const SIMULATOR_COMMANDS: Command[] = [
	{ id: 'sim.faster', keys: ['>'], scope: 'simulator', title: 'Simulator: faster clock', disabledReason: simulatorOnly, run: changeSpeed(1) },
	{ id: 'sim.slower', keys: ['<'], scope: 'simulator', title: 'Simulator: slower clock (down to frozen)', disabledReason: simulatorOnly, run: changeSpeed(-1) },
	{
		id: 'sim.step',
		keys: ['.'],
		scope: 'simulator',
		title: 'Simulator: jump 10 s ahead',
		disabledReason: simulatorOnly,
		run: ({ store, host }) => {
			host.simulator()?.advance(10_000);
			store.flash('simulated clock +10 s', 'info');
		},
	},
];
