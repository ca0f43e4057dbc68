// A believable small sales team for `crm seed-demo`: names, companies and what reps say after calls.
export const DEMO_TEAM = { manager: 'Mei Chen', reps: ['Sam Carter', 'Priya Nair', '李雷', '王芳'] };

export const COMPANIES: Array<[string, string, string]> = [
  ['Acme Robotics', 'manufacturing', 'San Jose'], ['Northwind Traders', 'retail', 'Seattle'], ['Globex Logistics', 'logistics', 'Chicago'],
  ['Initech Software', 'software', 'Austin'], ['Umbrella Health', 'healthcare', 'Boston'], ['Stark Components', 'manufacturing', 'Detroit'],
  ['Wayne Analytics', 'software', 'New York'], ['Soylent Foods', 'food', 'Denver'], ['Vandelay Imports', 'trade', 'Newark'],
  ['Hooli Cloud', 'software', 'Palo Alto'], ['Pied Piper Media', 'media', 'San Francisco'], ['Cyberdyne Systems', 'electronics', 'Sunnyvale'],
  ['Tyrell Biotech', 'biotech', 'Los Angeles'], ['Oscorp Materials', 'chemicals', 'Houston'], ['Massive Dynamic', 'research', 'Cambridge'],
  ['Blue Sun Energy', 'energy', 'Phoenix'], ['Aperture Labs', 'research', 'Cleveland'], ['Gringotts Finance', 'finance', 'London'],
  ['Dunder Paper', 'paper', 'Scranton'], ['Wonka Confectionery', 'food', 'Portland'], ['Monarch Shipping', 'logistics', 'Miami'],
  ['Sterling Partners', 'consulting', 'New York'], ['Bluth Homes', 'real estate', 'Newport'], ['Prestige Worldwide', 'events', 'Los Angeles'],
  ['Gekko Capital', 'finance', 'New York'],
  ['华为技术', '通信', '深圳'], ['青岛海川机械', '制造', '青岛'], ['杭州云帆软件', '软件', '杭州'], ['北京启明医疗', '医疗', '北京'],
  ['上海新程物流', '物流', '上海'], ['广州百川贸易', '贸易', '广州'], ['成都天府食品', '食品', '成都'], ['苏州精工电子', '电子', '苏州'],
  ['武汉长江能源', '能源', '武汉'], ['南京金陵教育', '教育', '南京'], ['深圳前海金融', '金融', '深圳'], ['西安古城文旅', '文旅', '西安'],
  ['天津港联船务', '物流', '天津'], ['厦门海韵家居', '家居', '厦门'], ['宁波东方纺织', '纺织', '宁波'], ['重庆山城汽配', '汽配', '重庆'],
  ['长沙湘江传媒', '传媒', '长沙'], ['郑州中原农业', '农业', '郑州'], ['合肥科大智能', '人工智能', '合肥'], ['昆明彩云制药', '制药', '昆明'],
  ['大连星海化工', '化工', '大连'], ['济南泉城建材', '建材', '济南'], ['福州闽江茶业', '茶业', '福州'], ['沈阳北方重工', '重工', '沈阳'],
  ['无锡太湖环保', '环保', '无锡'],
];

export const NOTES_EN = [
  ['walked through pricing, they want a demo', 'send proposal Friday 3pm'],
  ['intro call with the ops lead, budget approved for Q1', 'book a demo next tuesday 10am'],
  ['they are comparing us with two vendors, price is the worry', 'send a comparison sheet tomorrow'],
  ['demo went well, IT wants a security review', 'share the security pack in 3 days'],
  ['no answer, left a voicemail', 'call again next monday'],
  ['signed the pilot, happy with onboarding', ''],
];
export const NOTES_ZH = [
  ['沟通了报价，客户有些犹豫', '下周三下午3点回访'],
  ['拜访了采购部，对方很满意', '下个月5号签合同'],
  ['展会上认识的，留了名片，有兴趣', '两周后电话跟进'],
  ['客户要求再降价，态度观望', '明天上午10点发新报价'],
  ['微信沟通了交付周期', ''],
];
