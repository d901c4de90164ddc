// Strings of the access pages (account, admin, monthly report) and the user menu, kept apart
// from the dashboard's dictionaries (zh.ts, en.ts). The English table is typed against the
// Chinese one, so a missing translation fails the type check, as there.
import { useI18n } from './context';
import type { Locale } from './locale';

const zh = {
  'menu.report': '月报',
  'menu.account': '账户',
  'menu.admin': '管理',

  'account.title': '我的账户',
  'account.lead': '查看账户信息，修改密码。',
  'account.username': '用户名',
  'account.role': '角色',
  'account.scope': '数据范围',
  'account.password': '修改密码',
  'account.current': '当前密码',
  'account.new': '新密码',
  'account.repeat': '再次输入新密码',
  'account.policy': '至少 10 个字符，且不能包含用户名。',
  'account.mismatch': '两次输入的新密码不一致。',
  'account.save': '修改密码',
  'account.saved': '密码已修改，您在其他设备上的登录已退出。',
  'account.error.invalid_credentials': '当前密码不正确。',
  'account.error.weak_password': '新密码不符合要求：至少 10 个字符，不能包含用户名，不能只由少数几个字符重复组成。',

  'admin.title': '系统管理',
  'admin.lead': '管理用户账户，查阅审计日志。',
  'admin.users': '用户',
  'admin.add': '添加用户',
  'admin.username': '用户名',
  'admin.role': '角色',
  'admin.scope': '数据范围代码',
  'admin.scopeHint': '州级角色可留空；县市填县市代码，医院管理者填机构代码（JG…）。',
  'admin.password': '初始密码',
  'admin.passwordHint': '留空则生成随机密码。',
  'admin.create': '添加',
  'admin.status': '状态',
  'admin.active': '正常',
  'admin.disabled': '已停用',
  'admin.locked': '已锁定',
  'admin.actions': '操作',
  'admin.disable': '停用',
  'admin.enable': '启用',
  'admin.reset': '重置密码',
  'admin.generated': '{user} 的新密码：{password}（只显示这一次，请转交本人）',
  'admin.done': '已完成。',
  'admin.audit': '审计日志',
  'admin.action': '操作类型',
  'admin.any': '全部',
  'admin.from': '起始日期',
  'admin.to': '截止日期（不含）',
  'admin.text': '内容包含',
  'admin.search': '查询',
  'admin.time': '时间',
  'admin.who': '用户',
  'admin.detail': '内容',
  'admin.rows': '行数',
  'admin.address': '地址',
  'admin.total': '共 {total} 条，第 {page} / {pages} 页',
  'admin.previous': '上一页',
  'admin.next': '下一页',
  'audit.login': '登录',
  'audit.login_failed': '登录失败',
  'audit.logout': '退出',
  'audit.export': '导出',
  'audit.denied': '拒绝',
  'audit.password_change': '修改密码',
  'audit.user_admin': '用户管理',

  'report.title': '月度报告',
  'report.lead': '选择机构和月份：主要指标的本月值、目标、上月和去年同期，以及近13个月趋势。可打印或下载 PDF。',
  'report.org': '机构',
  'report.benchmark': '（全州对比）',
  'report.month': '月份',
  'report.download': '下载 PDF',
  'report.print': '打印',
  'report.indicator': '指标',
  'report.value': '本月',
  'report.target': '目标',
  'report.previous': '上月',
  'report.lastYear': '去年同期',
  'report.note': '本月数值绿色为达到目标，红色为未达目标；“<5”表示人数少于5，按规定不予显示。',
  'report.heading': '{org} · {month}',
  'report.version': '数据版本 {version}'
} as const;

export type AccessKey = keyof typeof zh;

const en: Record<AccessKey, string> = {
  'menu.report': 'Monthly report',
  'menu.account': 'Account',
  'menu.admin': 'Admin',

  'account.title': 'My account',
  'account.lead': 'Your account, and changing your password.',
  'account.username': 'Username',
  'account.role': 'Role',
  'account.scope': 'Data scope',
  'account.password': 'Change password',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.repeat': 'New password again',
  'account.policy': 'At least 10 characters, not containing your username.',
  'account.mismatch': 'The two new passwords differ.',
  'account.save': 'Change password',
  'account.saved': 'Password changed; your sessions on other devices have ended.',
  'account.error.invalid_credentials': 'The current password is wrong.',
  'account.error.weak_password':
    'The new password does not meet the policy: 10 or more characters, not containing the username, not a few characters repeated.',

  'admin.title': 'Administration',
  'admin.lead': 'User accounts and the audit log.',
  'admin.users': 'Users',
  'admin.add': 'Add a user',
  'admin.username': 'Username',
  'admin.role': 'Role',
  'admin.scope': 'Scope code',
  'admin.scopeHint': 'Empty for prefecture-wide roles; a county code for county users, an institution code (JG…) for managers.',
  'admin.password': 'Initial password',
  'admin.passwordHint': 'Empty: a random one is generated.',
  'admin.create': 'Add',
  'admin.status': 'Status',
  'admin.active': 'Active',
  'admin.disabled': 'Disabled',
  'admin.locked': 'Locked',
  'admin.actions': 'Actions',
  'admin.disable': 'Disable',
  'admin.enable': 'Enable',
  'admin.reset': 'Reset password',
  'admin.generated': 'New password of {user}: {password} (shown only this once: hand it to them)',
  'admin.done': 'Done.',
  'admin.audit': 'Audit log',
  'admin.action': 'Action',
  'admin.any': 'Any',
  'admin.from': 'From',
  'admin.to': 'Before',
  'admin.text': 'Detail contains',
  'admin.search': 'Search',
  'admin.time': 'Time',
  'admin.who': 'User',
  'admin.detail': 'Detail',
  'admin.rows': 'Rows',
  'admin.address': 'Address',
  'admin.total': '{total} entries, page {page} of {pages}',
  'admin.previous': 'Previous',
  'admin.next': 'Next',
  'audit.login': 'Sign-in',
  'audit.login_failed': 'Failed sign-in',
  'audit.logout': 'Sign-out',
  'audit.export': 'Export',
  'audit.denied': 'Denied',
  'audit.password_change': 'Password change',
  'audit.user_admin': 'User admin',

  'report.title': 'Monthly report',
  'report.lead':
    'Choose an org unit and a month: the headline indicators this month against target, last month and a year ago, and 13-month trends. Print it or download the PDF.',
  'report.org': 'Org unit',
  'report.benchmark': ' (prefecture benchmark)',
  'report.month': 'Month',
  'report.download': 'Download PDF',
  'report.print': 'Print',
  'report.indicator': 'Indicator',
  'report.value': 'This month',
  'report.target': 'Target',
  'report.previous': 'Last month',
  'report.lastYear': 'A year ago',
  'report.note': 'This month in green meets the target, in red misses it; "<5" stands for fewer than 5 persons, which is not shown.',
  'report.heading': '{org} · {month}',
  'report.version': 'Data version {version}'
};

const TABLES: Record<Locale, Record<AccessKey, string>> = { zh, en };

/** The access pages' message in `locale`, `{name}` placeholders filled from `vars`. */
export function accessText(locale: Locale, key: AccessKey, vars?: Record<string, string | number>): string {
  const message = TABLES[locale][key];
  return vars ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : message;
}

/** Whether a key built at run time (an audit action, an error code) has a message. */
export function hasAccessText(key: string): key is AccessKey {
  return key in zh;
}

/** For a component: the access strings in the reader's current language. */
export function useAccessText(): (key: AccessKey, vars?: Record<string, string | number>) => string {
  const i18n = useI18n();
  return (key, vars) => accessText(i18n.locale, key, vars);
}
