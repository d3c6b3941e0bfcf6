// The embedded GPU-cluster simulator: public entry points.
export { createSimulator, type Simulator, type SimulatorOptions } from './simulator';
export { loadScenario, listScenarios, ScenarioError } from './scenario-loader';
export { generateScenario, type GenerateOptions } from './scenario-generator';
export type { Scenario, Workload, WorkloadVersion, VersionProfile, NodePool, Strategy } from './scenario';
