import type { ContainerInfo } from '../../../src/protocol/container-info';

export const CONTAINER_ID = 'a4fcfba02fbe9aeb2d43b8eb4841be6fd28d8698adc644a12dab513a6f731f82';
export const IMAGE_ID = 'sha256:915d8ae2638e4b2b0b7b26e5a0ba9c9c2d6b0c0d2d3e4f5a6b7c8d9e0f1a2b3c';

/** A StartLogging Info as dockerd sends it (docker-logging-protocol.md §2.1), with `config` as the log-opts. */
export function containerInfo(config: Record<string, string>, overrides: Partial<ContainerInfo> = {}): ContainerInfo {
  return {
    config,
    containerId: CONTAINER_ID,
    containerName: '/clever_sanderson',
    entrypoint: 'sh',
    args: ['-c', 'echo hi'],
    imageId: IMAGE_ID,
    imageName: 'registry.example:5000/team/app:1.27',
    created: '2026-11-28T19:06:41.895522880Z',
    env: ['FOO=1', 'PATH=/bin', 'EMPTY='],
    labels: { a: 'b', 'com.example.team': 'web' },
    daemonName: 'docker',
    ...overrides,
  };
}
