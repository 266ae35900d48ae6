import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The shared CI machine is slow: give async queries room so tests fail on
// behaviour, not on a busy CPU.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
