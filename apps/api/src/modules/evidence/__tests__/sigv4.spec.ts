import { awsUriEncode, EMPTY_PAYLOAD_SHA256, signV4 } from '../storage/sigv4';

// The worked examples of AWS's "Signature Version 4 (header-based)" documentation for S3.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' };
const date = new Date('2013-05-24T00:00:00Z');

describe(signV4.name, () => {
  it("signs AWS's GET Object example exactly", () => {
    const headers = signV4({ method: 'GET', path: '/test.txt', headers: { Host: 'examplebucket.s3.amazonaws.com', Range: 'bytes=0-9' }, payloadSha256: EMPTY_PAYLOAD_SHA256, date }, credentials);
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
    expect(headers['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it("signs AWS's PUT Object example exactly (a signed payload and an encoded key)", () => {
    const headers = signV4(
      {
        method: 'PUT',
        path: `/${awsUriEncode('test$file.text')}`,
        headers: { host: 'examplebucket.s3.amazonaws.com', date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadSha256: '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
        date,
      },
      credentials,
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });

  it('encodes everything but unreserved characters', () => {
    expect(awsUriEncode("a b/c~d_e.f-g!'()*")).toBe('a%20b%2Fc~d_e.f-g%21%27%28%29%2A');
  });
});
