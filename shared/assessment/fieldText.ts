// Names of the person fields the data-quality check may require, as the registry shows them.
import type { RequiredField } from './thresholds.js';

export const FIELD_TEXT: Record<RequiredField, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'name' },
  gender: { zh: '性别', en: 'gender' },
  birth_date: { zh: '出生日期', en: 'birth date' },
  citizen_id: { zh: '身份证号', en: 'citizen id' },
  phone: { zh: '手机号', en: 'phone' },
  outlet_id: { zh: '所在网点', en: 'outlet' },
  ethnicity: { zh: '民族', en: 'ethnicity' },
  education: { zh: '学历', en: 'education' },
  post: { zh: '岗位', en: 'post' },
};
