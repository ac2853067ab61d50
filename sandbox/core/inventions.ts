/**
 * A sandbox that can disagree with the nodes. Where the package guesses (a path, a method, a page
 * size, a mode value, a field name), the sandbox serves the guide's reading by default; started
 * with inventions, a service serves a different, equally plausible one instead, so that a test can
 * show the node failing with the hint that names the correcting field, and passing once it is set.
 *
 * Each service defines the keys it reads in its own folder (`<service>/inventions.ts`: an interface
 * and a `DISAGREEING` preset that differs from every default); `'disagree'` starts every service
 * with its preset.
 */
export type InventionValue = string | number | boolean | string[];

export type ServiceInventions = Record<string, InventionValue>;

export interface SandboxInventions {
	cegidLoop?: ServiceInventions;
	infinigate?: ServiceInventions;
	eqhub?: ServiceInventions;
	loop?: ServiceInventions;
	virtualInventory?: ServiceInventions;
}

/** The inventions one service starts with: none, its `DISAGREEING` preset, or the ones given. */
export function inventionsFor<T extends ServiceInventions>(
	option: SandboxInventions | 'disagree' | undefined,
	service: keyof SandboxInventions,
	disagreeing: T,
): Partial<T> {
	if (option === 'disagree') return disagreeing;
	return (option?.[service] ?? {}) as Partial<T>;
}
