/** The uniform plan API: `stepCount(plan)` and `step(plan, i)` for every kind of plan. */
import { convStep, convStepCount } from './conv';
import { convTransposeDirectStep, convTransposeDirectStepCount } from './convTransposeDirect';
import { convTransposeScatterStep, convTransposeScatterStepCount } from './convTransposeScatter';
import type {
  AvgPoolPlan,
  AvgPoolStep,
  AvgUnpoolPlan,
  AvgUnpoolStep,
  ConvPlan,
  ConvStep,
  ConvTransposeDirectPlan,
  ConvTransposeDirectStep,
  ConvTransposeScatterPlan,
  ConvTransposeScatterStep,
  MaxPoolPlan,
  MaxPoolStep,
  MaxUnpoolPlan,
  MaxUnpoolStep,
  Plan,
  Step,
} from './plan';
import { avgPoolStep, maxPoolStep, poolStepCount } from './pool';
import { avgUnpoolStep, maxUnpoolStep, unpoolStepCount } from './unpool';

/** How many steps `plan` has (≥ 1). O(1). */
export function stepCount(plan: Plan): number {
  switch (plan.kind) {
    case 'conv':
      return convStepCount(plan);
    case 'convTransposeScatter':
      return convTransposeScatterStepCount(plan);
    case 'convTransposeDirect':
      return convTransposeDirectStepCount(plan);
    case 'maxPool':
    case 'avgPool':
      return poolStepCount(plan);
    case 'maxUnpool':
    case 'avgUnpool':
      return unpoolStepCount(plan);
  }
}

/**
 * Step i of `plan` (0 ≤ i < stepCount(plan)), computed on demand in O(window) time and memory;
 * the return type follows the plan's kind. Throws a ShapeError (code 'out-of-range' or
 * 'not-integer', param 'step') for any other i.
 */
export function step(plan: ConvPlan, i: number): ConvStep;
export function step(plan: ConvTransposeScatterPlan, i: number): ConvTransposeScatterStep;
export function step(plan: ConvTransposeDirectPlan, i: number): ConvTransposeDirectStep;
export function step(plan: MaxPoolPlan, i: number): MaxPoolStep;
export function step(plan: AvgPoolPlan, i: number): AvgPoolStep;
export function step(plan: MaxUnpoolPlan, i: number): MaxUnpoolStep;
export function step(plan: AvgUnpoolPlan, i: number): AvgUnpoolStep;
export function step(plan: Plan, i: number): Step;
export function step(plan: Plan, i: number): Step {
  switch (plan.kind) {
    case 'conv':
      return convStep(plan, i);
    case 'convTransposeScatter':
      return convTransposeScatterStep(plan, i);
    case 'convTransposeDirect':
      return convTransposeDirectStep(plan, i);
    case 'maxPool':
      return maxPoolStep(plan, i);
    case 'avgPool':
      return avgPoolStep(plan, i);
    case 'maxUnpool':
      return maxUnpoolStep(plan, i);
    case 'avgUnpool':
      return avgUnpoolStep(plan, i);
  }
}
