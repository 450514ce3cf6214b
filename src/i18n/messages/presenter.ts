/**
 * Texts of the presenter view: the switch in the header, the step bar with its keys, and what
 * the view says before a run and at its end.
 */
import type { MessageCatalogue } from '../index.js';

export const presenterMessages: MessageCatalogue = {
  en: {
    'presenter.toggle': 'Presenter view',
    'presenter.toggle.help': 'Large text and one step at a time, for a projector. Key: P',
    'presenter.loading': 'Opening the presenter view…',
    'presenter.region': 'Presenter view',
    'presenter.step': 'Step {n} of {count}',
    'presenter.previous': 'Previous step',
    'presenter.next': 'Next step',
    'presenter.start': 'Start step by step',
    'presenter.startFailed': 'There is no server to run against yet: press P to leave the presenter view and fill in the connection.',
    'presenter.completed': 'The flow is complete.',
    'presenter.keys': 'Keys: → or N next step · ← previous step · P leave the presenter view',
    'presenter.sequence': 'Sequence of the run so far',
    'presenter.findings': 'What this step found',
    'presenter.noFindings': 'Nothing to report in this step.',
  },
  'zh-CN': {
    'presenter.toggle': '演示视图',
    'presenter.toggle.help': '大字号，一次一步，适合投影。快捷键：P',
    'presenter.loading': '正在打开演示视图…',
    'presenter.region': '演示视图',
    'presenter.step': '第 {n} 步，共 {count} 步',
    'presenter.previous': '上一步',
    'presenter.next': '下一步',
    'presenter.start': '开始逐步执行',
    'presenter.startFailed': '还没有可运行的服务器：按 P 退出演示视图，然后填写连接信息。',
    'presenter.completed': '流程已完成。',
    'presenter.keys': '快捷键：→ 或 N 下一步 · ← 上一步 · P 退出演示视图',
    'presenter.sequence': '到目前为止的时序图',
    'presenter.findings': '本步骤的发现',
    'presenter.noFindings': '本步骤没有需要报告的内容。',
  },
};
