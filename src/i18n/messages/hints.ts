/**
 * Texts around the known-server hints in the Findings tab. The hints themselves (product names,
 * clues, titles and steps) are the engine's catalogue (`engine/hints/hint-texts.ts`), shared with
 * the command line's reports.
 */
import type { MessageCatalogue } from '../index.js';

export const hintsMessages: MessageCatalogue = {
  en: {
    'hints.region': 'Known servers',
    'hints.recognisedBy': 'Recognised by',
    'hints.explains': 'Explains',
    'hints.steps': 'Steps to fix it',
    'hints.forFinding': 'Hint for {product}',
    'hints.forFinding.shape': 'Hint if this is {product}',
  },
  'zh-CN': {
    'hints.region': '已识别的服务器',
    'hints.recognisedBy': '识别依据',
    'hints.explains': '解释的发现',
    'hints.steps': '修复步骤',
    'hints.forFinding': '{product} 的提示',
    'hints.forFinding.shape': '如果这是 {product} 的提示',
  },
};
