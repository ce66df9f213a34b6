// Component tests opt into jsdom per file (`// @vitest-environment jsdom`); matchers are harmless in node.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';
// The worked examples' queries, which the page loads with the picker's list or an address naming one.
import '../src/store/presets';

// findBy… and waitFor wait for a condition, not a time: on a busy 2-core machine a lazily loaded
// panel took longer than the default 1 s to appear, so the ceiling is generous (a wrong page still
// fails, only later).
configure({ asyncUtilTimeout: 15_000 });
