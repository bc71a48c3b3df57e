// What an enrolment QR code may carry: the code alone, or a link with the code and HQ's address.
import { expect, it } from 'vitest';
import { parseEnrolQr } from '../../shared/sync/enrolQr.js';

it('reads a code alone, with or without dashes, in any case', () => {
  expect(parseEnrolQr('ABCD-EFGH-JKLM')).toEqual({ code: 'ABCD-EFGH-JKLM' });
  expect(parseEnrolQr(' abcdefghjklm ')).toEqual({ code: 'ABCD-EFGH-JKLM' });
});

it('reads a link: the code and the HQ address before /enrol', () => {
  expect(parseEnrolQr('https://hq.example.cn/enrol?code=ABCD-EFGH-JKLM')).toEqual({ code: 'ABCD-EFGH-JKLM', hqUrl: 'https://hq.example.cn' });
  expect(parseEnrolQr('http://10.1.2.3:8080/rc/enrol?code=abcdefghjklm')).toEqual({ code: 'ABCD-EFGH-JKLM', hqUrl: 'http://10.1.2.3:8080/rc' });
});

it('refuses what is not an enrolment code', () => {
  for (const t of ['', 'hello', 'ABCD-EFGH-JKL0', 'ABCD-EFGH-JKLMN', 'https://example.cn/', 'https://example.cn/enrol?code=nope', 'ftp://x/enrol?code=ABCD-EFGH-JKLM', 'javascript:alert(1)'])
    expect(parseEnrolQr(t)).toBeNull();
});
