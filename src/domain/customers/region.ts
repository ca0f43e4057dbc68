// Chinese company names usually open with where they are registered (深圳市腾飞科技有限公司,
// 杭州阿里云计算有限公司, 广东省深圳市…), but people call them by what follows: 腾飞, 阿里.
// These are the places worth dropping from the front of a name before matching what people type.

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾',
  '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];

const CITIES = [
  '深圳', '广州', '杭州', '南京', '苏州', '成都', '武汉', '西安', '长沙', '郑州', '青岛', '宁波', '厦门', '东莞',
  '佛山', '合肥', '济南', '福州', '无锡', '大连', '沈阳', '哈尔滨', '长春', '昆明', '南昌', '南宁', '贵阳', '太原',
  '石家庄', '兰州', '珠海', '温州', '常州', '嘉兴', '绍兴', '金华', '台州', '烟台', '泉州', '中山', '惠州', '南通',
  '徐州', '扬州', '潍坊', '唐山', '保定', '洛阳', '芜湖', '乌鲁木齐', '呼和浩特', '银川', '西宁', '拉萨', '海口', '三亚',
];

// Longest first, so 黑龙江 is not read as 黑 + 龙江 and 石家庄 beats any shorter place.
const PLACES = [...PROVINCES, ...CITIES].sort((a, b) => b.length - a.length);
const PLACE_RE = new RegExp(`^(?:${PLACES.join('|')})(?:省|市|特别行政区|自治区|壮族自治区|回族自治区|维吾尔自治区)?`);
const DISTRICT_RE = /^[\u3400-\u9fff]{1,3}(?:区|县)/;

/**
 * `name` without the places it opens with: 深圳市腾飞科技 → 腾飞科技, 广东省深圳市南山区腾飞 → 腾飞.
 * What is left must still be a name of two characters or more, so 北京 alone stays 北京.
 */
export function withoutRegion(name: string): string {
  let s = name;
  for (let i = 0; i < 3; i++) {
    const m = PLACE_RE.exec(s);
    if (!m || s.length - m[0].length < 2) break;
    s = s.slice(m[0].length);
    // A district only counts right after a place (深圳市南山区…), never at the start of a bare name.
    const d = DISTRICT_RE.exec(s);
    if (d && s.length - d[0].length >= 2) s = s.slice(d[0].length);
  }
  return s;
}
