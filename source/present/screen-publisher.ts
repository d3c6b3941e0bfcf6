// Rebuild, compare, publish: on every store change the screen model is rebuilt outside React, and
// each part (the chrome around the panes, and every pane) is published only when it changed, so a
// view re-renders only for what it shows. Views subscribe per part and only render.
import type { ReplayPosition, SourceKind } from '../domain/source';
import type { Thresholds } from '../domain/thresholds';
import type { Store } from '../store/store';
import type { PaneId } from '../store/ui-state';
import { sameValue } from './same-value';
import { buildScreen, type ChromeVM, type PaneVM, type ScreenVM } from './screen';

export interface ScreenContext {
	/** The current cluster source (it changes on :ctx, :ns and :scenario). */
	source: () => { kind: SourceKind; label: string; scope?: string; replay?: ReplayPosition };
	thresholds: Thresholds;
	chartSlotMs: number;
}

type Part = 'chrome' | PaneId;

export class ScreenPublisher {
	private screen: ScreenVM;
	private readonly listeners = new Map<Part, Set<() => void>>();
	private readonly unsubscribe: () => void;

	constructor(
		private readonly store: Store,
		private readonly context: ScreenContext,
	) {
		this.screen = this.build();
		this.unsubscribe = store.subscribe(() => this.publish());
	}

	chrome = (): ChromeVM => this.screen.chrome;

	pane(id: PaneId): PaneVM | undefined {
		return this.screen.panes[id];
	}

	/** Listens to one part; returns the unsubscribe function (useSyncExternalStore's contract). */
	subscribe(part: Part, listener: () => void): () => void {
		let set = this.listeners.get(part);
		if (!set) this.listeners.set(part, (set = new Set()));
		set.add(listener);
		return () => set.delete(listener);
	}

	stop(): void {
		this.unsubscribe();
		this.listeners.clear();
	}

	private build(): ScreenVM {
		const { source, thresholds, chartSlotMs } = this.context;
		return buildScreen({ snapshot: this.store.getSnapshot(), source: source(), thresholds, chartSlotMs });
	}

	private publish(): void {
		const previous = this.screen;
		const next = this.build();
		const changed: Part[] = [];
		// Unchanged parts keep their old object, so a subscriber comparing identities sees no change.
		const panes: ScreenVM['panes'] = {};
		for (const id of Object.keys(next.panes) as PaneId[]) {
			const same = sameValue(previous.panes[id], next.panes[id]);
			panes[id] = same ? previous.panes[id] : next.panes[id];
			if (!same) changed.push(id);
		}
		for (const id of Object.keys(previous.panes) as PaneId[]) if (!(id in next.panes)) changed.push(id);
		const chromeSame = sameValue(previous.chrome, next.chrome);
		if (!chromeSame) changed.push('chrome');
		this.screen = { chrome: chromeSame ? previous.chrome : next.chrome, panes };
		for (const part of changed) for (const listener of this.listeners.get(part) ?? []) listener();
	}
}
