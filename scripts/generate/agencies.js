'use strict';
// Plausible issuing bodies. Each kind carries a scale: how many applications such a body typically gets.

const PROVINCES = [
  ['江苏省', [['南京市', ['玄武区', '秦淮区', '鼓楼区', '江宁区', '浦口区']], ['淮安市', ['清江浦区', '淮阴区', '洪泽区', '涟水县', '盱眙县']], ['苏州市', ['姑苏区', '吴中区', '相城区', '昆山市', '常熟市']]]],
  ['浙江省', [['杭州市', ['上城区', '拱墅区', '西湖区', '余杭区', '桐庐县']], ['宁波市', ['海曙区', '江北区', '鄞州区', '象山县']], ['温州市', ['鹿城区', '瓯海区', '乐清市', '永嘉县']]]],
  ['广东省', [['广州市', ['越秀区', '海珠区', '天河区', '白云区', '番禺区']], ['佛山市', ['禅城区', '南海区', '顺德区', '三水区']], ['江门市', ['蓬江区', '新会区', '台山市', '开平市']]]],
  ['黑龙江省', [['哈尔滨市', ['道里区', '南岗区', '道外区', '香坊区', '呼兰区', '阿城区']], ['齐齐哈尔市', ['龙沙区', '建华区', '铁锋区', '讷河市']]]],
  ['湖南省', [['长沙市', ['芙蓉区', '天心区', '岳麓区', '开福区', '浏阳市']], ['株洲市', ['荷塘区', '芦淞区', '石峰区', '醴陵市']]]],
  ['四川省', [['成都市', ['锦江区', '青羊区', '金牛区', '武侯区', '双流区']], ['绵阳市', ['涪城区', '游仙区', '江油市', '三台县']]]],
  ['山东省', [['济南市', ['历下区', '市中区', '槐荫区', '天桥区', '章丘区']], ['青岛市', ['市南区', '市北区', '黄岛区', '崂山区', '胶州市']]]],
  ['河南省', [['郑州市', ['中原区', '二七区', '金水区', '惠济区', '新郑市']], ['洛阳市', ['老城区', '西工区', '涧西区', '偃师区']]]],
  ['福建省', [['福州市', ['鼓楼区', '台江区', '仓山区', '马尾区', '闽侯县']], ['厦门市', ['思明区', '湖里区', '集美区', '海沧区', '同安区']]]],
  ['安徽省', [['合肥市', ['瑶海区', '庐阳区', '蜀山区', '包河区', '肥西县']], ['芜湖市', ['镜湖区', '弋江区', '鸠江区', '无为市']]]],
];

const PROVINCE_DEPTS = ['教育厅', '公安厅', '民政厅', '司法厅', '财政厅', '人力资源和社会保障厅', '自然资源厅', '生态环境厅',
  '住房和城乡建设厅', '交通运输厅', '水利厅', '农业农村厅', '商务厅', '文化和旅游厅', '卫生健康委员会', '审计厅',
  '市场监督管理局', '统计局', '医疗保障局', '发展和改革委员会', '应急管理厅', '林业局', '地方金融监督管理局'];
const CITY_DEPTS = ['教育局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源和规划局', '生态环境局',
  '住房和城乡建设局', '交通运输局', '水务局', '农业农村局', '商务局', '文化广电和旅游局', '卫生健康委员会', '审计局',
  '市场监督管理局', '统计局', '医疗保障局', '发展和改革委员会', '城市管理局', '应急管理局', '退役军人事务局', '行政审批局',
  '住房保障和房产管理局', '不动产登记中心'];
const DISTRICT_DEPTS = ['教育局', '民政局', '财政局', '人力资源和社会保障局', '住房和城乡建设局', '卫生健康局', '市场监督管理局',
  '城市管理局', '农业农村局', '司法局', '应急管理局', '发展和改革局'];
const STREETS = ['新华街道办事处', '城关镇人民政府', '东风街道办事处', '解放街道办事处', '城南街道办事处', '和平街道办事处'];

/** Draw one agency: { agency, kind, scale, province, city, district } */
function drawAgency(rng) {
  const [province, cities] = rng.pick(PROVINCES);
  const [city, districts] = rng.pick(cities);
  const district = rng.pick(districts);
  const kind = rng.weighted([
    ['provinceGov', 2], ['provinceOffice', 2], ['provinceDept', 12], ['cityGov', 6], ['cityOffice', 4], ['cityDept', 22],
    ['districtGov', 14], ['districtOffice', 8], ['districtDept', 12], ['street', 6],
  ]);
  // include the city before a district name most of the time, as titles do (淮安市洪泽区人民政府 / 道里区人民政府办公室)
  const dname = !district.endsWith('市') && rng.chance(0.6) ? city + district : district;
  let agency;
  let scale; // rough size of newReceived.total
  switch (kind) {
    case 'provinceGov': agency = `${province}人民政府`; scale = [80, 4000]; break;
    case 'provinceOffice': agency = `${province}人民政府办公厅`; scale = [20, 600]; break;
    case 'provinceDept': agency = province + rng.pick(PROVINCE_DEPTS); scale = [5, 1500]; break;
    case 'cityGov': agency = `${city}人民政府`; scale = [30, 3000]; break;
    case 'cityOffice': agency = `${city}人民政府办公室`; scale = [5, 400]; break;
    case 'cityDept': agency = city + rng.pick(CITY_DEPTS); scale = [1, 900]; break;
    case 'districtGov': agency = `${dname}人民政府`; scale = [1, 600]; break;
    case 'districtOffice': agency = `${dname}人民政府办公室`; scale = [0, 60]; break;
    case 'districtDept': agency = dname + rng.pick(DISTRICT_DEPTS); scale = [0, 80]; break;
    default: agency = dname + rng.pick(STREETS); scale = [0, 15]; break;
  }
  return { agency, kind, scale, province, city, district };
}

module.exports = { drawAgency };
