// 服务本身的消息（用户可以报给管理员的内部错误编号），简体中文。
export const operations = {
  'error.internal_ref': '系统出了点问题，没有做任何修改，请重试。如果一直出现，请把编号 {requestId} 告诉管理员。',
};
