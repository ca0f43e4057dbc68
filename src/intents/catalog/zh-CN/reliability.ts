// 暂时无法处理请求时的回复：没有做任何修改，请对方稍后重试。
export const reliability = {
  'error.busy': '当前请求较多，本次没有做任何修改，请稍后再试。',
  'error.unavailable': '暂时连不上 CRM 数据库，本次没有做任何修改，请稍后再试。',
  'error.stopping': '服务正在重启，本次没有做任何修改，请稍后再试。',
};
