/** Texts of the pitfalls checklist in the Findings tab; the rows' own texts live with the checklist (src/engine/pitfalls.ts). */
import type { MessageCatalogue } from '../index.js';

export const pitfallsMessages: MessageCatalogue = {
  en: {
    'pitfalls.heading': 'Security pitfalls of the tutorial',
    'pitfalls.intro': 'The 14 pitfalls the tutorial this project grew from warns of, and what this run saw of each.',
    'pitfalls.status.held': 'held',
    'pitfalls.status.broken': 'broken',
    'pitfalls.status.not-tested': 'not tested in this run',
    'pitfalls.status.not-observable': 'not observable from outside',
    'pitfalls.summary': '{held} held · {broken} broken · {untested} not tested · {hidden} not observable',
    'pitfalls.advice': 'Advice',
    'pitfalls.howToTest': 'How to test it',
    'pitfalls.findings': 'Found',
  },
  'zh-CN': {
    'pitfalls.heading': '教程中的安全陷阱',
    'pitfalls.intro': '本项目所源自的教程提醒的 14 个陷阱,以及本次运行对每一项的观察。',
    'pitfalls.status.held': '已守住',
    'pitfalls.status.broken': '已触犯',
    'pitfalls.status.not-tested': '本次运行未测试',
    'pitfalls.status.not-observable': '无法从外部观察',
    'pitfalls.summary': '{held} 项守住 · {broken} 项触犯 · {untested} 项未测试 · {hidden} 项无法观察',
    'pitfalls.advice': '建议',
    'pitfalls.howToTest': '如何测试',
    'pitfalls.findings': '发现',
  },
};
