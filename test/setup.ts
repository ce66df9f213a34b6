// Component tests opt into jsdom per file (`// @vitest-environment jsdom`); matchers are harmless in node.
import '@testing-library/jest-dom/vitest';
