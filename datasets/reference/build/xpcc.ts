// XPCC (兵团) hospitals of divisions 6, 8 and 12 in the 兵地互认 recognition network.
// They sit outside the prefecture's 575 institutions; only their results are recognised.
import type { XpccHospital } from '../schemas';

const x = (division: number, serial: number, nameZh: string, nameEn: string): XpccHospital => ({
  institutionCode: `BT${String(division).padStart(2, '0')}${String(serial).padStart(2, '0')}`,
  nameZh,
  nameEn,
  xpccDivision: division
});

export function buildXpccHospitals(): XpccHospital[] {
  return [
    x(6, 1, '新疆生产建设兵团第六师医院', 'Hospital of the 6th Division, Xinjiang Production and Construction Corps'),
    x(6, 2, '第六师五家渠市人民医院', "Wujiaqu City People's Hospital, 6th Division"),
    x(6, 3, '第六师芳草湖农场医院', 'Fangcaohu Farm Hospital, 6th Division'),
    x(8, 1, '第八师石河子市人民医院', "Shihezi City People's Hospital, 8th Division"),
    x(8, 2, '石河子大学医学院第一附属医院', 'First Affiliated Hospital of Shihezi University School of Medicine'),
    x(12, 1, '新疆生产建设兵团第十二师医院', 'Hospital of the 12th Division, Xinjiang Production and Construction Corps'),
    x(12, 2, '第十二师一〇四团医院', 'Regiment 104 Hospital, 12th Division')
  ];
}
