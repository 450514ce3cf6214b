/**
 * Texts of the Workshop panel: the trainer's fault switches on the embedded lab and the
 * hidden-fault exercise. The fault summaries come from the lab in both languages.
 */
import type { MessageCatalogue } from '../index.js';

export const workshopMessages: MessageCatalogue = {
  en: {
    'workshop.title': 'Workshop',
    'workshop.intro': 'Switch the demo lab’s faults while it runs. A switch applies to the next run.',
    'workshop.loading': 'Asking the lab which faults are on…',
    'workshop.locked': 'A run is in progress: the switches come back once it has completed or stopped, so the run sees one lab from start to end.',
    'workshop.faults.label': 'Lab faults',
    'workshop.fault.audit': 'shows with the audit on',
    'workshop.active.none': 'No fault is on: the lab is clean.',
    'workshop.active.one': '{count} fault is on.',
    'workshop.active.other': '{count} faults are on.',
    'workshop.exercise.title': 'Exercise',
    'workshop.exercise.help': 'Switches on one fault picked at random, and hides which. Run the flow and find it.',
    'workshop.exercise.helpAudit': 'The audit is on, so audit faults may be picked too.',
    'workshop.exercise.start': 'Start an exercise',
    'workshop.exercise.running': 'An exercise is running: something is broken, find it.',
    'workshop.exercise.reveal': 'Reveal',
    'workshop.exercise.revealed': 'The fault was:',
    'workshop.exercise.finding': 'The finding it triggers: {id}',
    'workshop.exercise.end': 'End exercise',
    'workshop.error': 'The lab did not take the change: {message}',
  },
  'zh-CN': {
    'workshop.title': '工作坊',
    'workshop.intro': '在演示实验室运行时开关它的故障。开关在下一次运行时生效。',
    'workshop.loading': '正在询问实验室哪些故障已开启…',
    'workshop.locked': '有一次运行正在进行：运行完成或停止后才能再开关，这样一次运行从头到尾面对同一个实验室。',
    'workshop.faults.label': '实验室故障',
    'workshop.fault.audit': '开启审计时才会显示',
    'workshop.active.none': '没有开启任何故障：实验室是正常的。',
    'workshop.active.one': '已开启 {count} 个故障。',
    'workshop.active.other': '已开启 {count} 个故障。',
    'workshop.exercise.title': '练习',
    'workshop.exercise.help': '随机开启一个故障，并隐藏是哪一个。运行流程，把它找出来。',
    'workshop.exercise.helpAudit': '审计已开启，因此也可能选中审计类故障。',
    'workshop.exercise.start': '开始练习',
    'workshop.exercise.running': '练习进行中：有东西坏了，把它找出来。',
    'workshop.exercise.reveal': '揭晓',
    'workshop.exercise.revealed': '故障是：',
    'workshop.exercise.finding': '它触发的发现：{id}',
    'workshop.exercise.end': '结束练习',
    'workshop.error': '实验室没有接受这次更改：{message}',
  },
};
