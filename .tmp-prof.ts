import { createRedirectFollowingInteraction } from './src/engine/consent/follow-redirects.js';
import { createFetchTransport } from './src/engine/fetch-transport.js';
import { defaultFlowOptions } from './src/engine/options.js';
import { createSession, runFlow } from './src/engine/session.js';
import { startLab } from './server/lab/index.js';

const lab = await startLab({ autoConsent: true });
const transport = createFetchTransport();
const interaction = createRedirectFollowingInteraction();
const durations: number[] = [];
for (let i = 0; i <= 40; i++) {
  const options = defaultFlowOptions(lab.mcpUrl, { spec: '2025-11-25', toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
  const started = performance.now();
  const session = await runFlow(createSession(options), { transport, interaction });
  if (i > 0) durations.push(performance.now() - started);
  if (session.status.kind !== 'completed') throw new Error('not completed');
}
durations.sort((a, b) => a - b);
console.log('median', durations[20]);
await lab.close();
