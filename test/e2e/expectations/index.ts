import { cegidLoopExamples } from './cegid-loop';
import { checkSetupExamples } from './check-setup';
import { collabor8Examples } from './collabor8';
import { infinigateExamples } from './infinigate';
import { activatedExamples } from './triggers';
import type { ExampleExpectation } from './types';

export type { ActivatedExpectation, BinaryReader, ExampleExpectation, RunExpectation } from './types';

/** Every example of examples/ by file name (without .json), with what it must do. */
export const EXPECTATIONS: Record<string, ExampleExpectation> = {
	...cegidLoopExamples,
	...infinigateExamples,
	...collabor8Examples,
	...activatedExamples,
	...checkSetupExamples,
};
