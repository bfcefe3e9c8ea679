import http from 'node:http';

/**
 * Region resolution, like awslogs (awslogs-options.md §1): the log-opt, else the plugin's AWS_REGION, else instance
 * metadata. The SDK itself never asks IMDS for a region (cloudwatch-logs-rules.md §7), so we do, with IMDSv2.
 */

const IMDS_HOST = '169.254.169.254';

function imdsRequest(method: string, path: string, headers: Record<string, string>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: IMDS_HOST, method, path, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(Buffer.concat(chunks).toString('utf8').trim());
        else reject(new Error(`IMDS ${path} returned HTTP ${res.statusCode}`));
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('IMDS timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

/** The instance's region from IMDSv2, or undefined when not on EC2 (short timeout: never stalls a session for long). */
export async function regionFromInstanceMetadata(timeoutMs = 1_000): Promise<string | undefined> {
  try {
    const token = await imdsRequest('PUT', '/latest/api/token', { 'X-aws-ec2-metadata-token-ttl-seconds': '60' }, timeoutMs);
    const region = await imdsRequest('GET', '/latest/meta-data/placement/region', { 'X-aws-ec2-metadata-token': token }, timeoutMs);
    return region || undefined;
  } catch {
    return undefined;
  }
}

/** Option, then environment (AWS_REGION, AWS_DEFAULT_REGION), then IMDS. */
export async function resolveRegion(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  lookup: () => Promise<string | undefined> = regionFromInstanceMetadata,
): Promise<string | undefined> {
  if (option) return option;
  if (env.AWS_REGION) return env.AWS_REGION;
  if (env.AWS_DEFAULT_REGION) return env.AWS_DEFAULT_REGION;
  return lookup();
}
