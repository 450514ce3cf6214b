/**
 * Where the workshop's routes live, apart from their schemas (workshop.ts), so the page names
 * them without loading zod before its first paint.
 */
export const LAB_FAULTS_PATH = '/api/lab/faults';
export const LAB_EXERCISE_PATH = '/api/lab/exercise';
export const LAB_EXERCISE_REVEAL_PATH = '/api/lab/exercise/reveal';
