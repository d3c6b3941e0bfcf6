// `rolltop replay FILE`: the console on a recording — read-only, with a timeline to move through it.
import { loadConfig } from '../config';
import { EXIT } from '../headless/status-outcome';
import { createReplay, readRecording } from '../sources/replay';
import { defaultThemeName, loadTheme } from '../theme/load-theme';
import { parseCommandLine, positionalsAtMost, printUsage, tryHelp } from './command-line';
import { numberFlag } from './flags';
import { showConsole } from './run-console';
import { UsageError } from './usage-error';

export const REPLAY_HELP = `
  Usage
    $ rolltop replay FILE [options]

  The console on a recording (rolltop --record FILE, rolltop record): the same panes and charts
  as live, read-only, with a timeline at the bottom.

  Keys
    ← →    back / forward 10 s        [ ]    back / forward 1 min
    Space  pause or play              < >    slower / faster
    g G    the start / the end

  Options
    --speed X              playback speed, 0.25 to 60 (default: 1)
    --paused               start paused at the beginning
    --theme NAME|PATH      dark, light, high-contrast, mono, or a theme file
    --config FILE          config file (chart resolution of live recordings)
    --debug                stack traces on internal errors
    -h, --help             this text

  A truncated or corrupted recording is one line naming the file and line, exit code 2.
`;

export async function replayCommand(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandLine('replay', argv, {
		speed: { type: 'string' },
		paused: { type: 'boolean' },
		theme: { type: 'string' },
		config: { type: 'string' },
		debug: { type: 'boolean' },
		help: { type: 'boolean', short: 'h' },
	});
	if (values.help) {
		printUsage(REPLAY_HELP);
		return EXIT.healthy;
	}
	const [file] = positionalsAtMost('replay', positionals, 1);
	if (!file) throw new UsageError(`replay needs the recording FILE ${tryHelp('replay')}`);
	const speed = numberFlag('speed', values.speed, 1, 0.25, 60);
	const config = loadConfig({ path: values.config });
	if (values.theme) loadTheme(values.theme);
	const recording = readRecording(file);
	const replay = createReplay(recording, file, { speed, paused: values.paused ?? false });
	await showConsole({
		choice: { initial: { cluster: replay.cluster, metrics: replay.metrics, replay } },
		themeName: values.theme ?? defaultThemeName(process.env),
		readonly: true,
		debug: values.debug ?? false,
		thresholds: config.thresholds,
		chartSlotMs: recording.source.kind === 'simulated' ? 1000 : config.refreshIntervalMs,
	});
	return EXIT.healthy;
}
