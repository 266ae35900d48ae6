import { reconnectDelayMs, SseParser } from './sse';

describe('SseParser', () => {
  it('dispatches named events with multi-line data across chunk boundaries', () => {
    const parser = new SseParser();
    expect(parser.push('event: sta')).toEqual([]);
    expect(parser.push('tus\ndata: {"a":\ndata: 1}\n')).toEqual([]);
    expect(parser.push('\n: comment\nevent: ping\ndata:\n\n')).toEqual([
      { event: 'status', data: '{"a":\n1}' },
      { event: 'ping', data: '' },
    ]);
  });

  it('handles CRLF split between chunks and defaults the event name', () => {
    const parser = new SseParser();
    expect(parser.push('data: x\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('ignores a blank line without data', () => {
    const parser = new SseParser();
    expect(parser.push('event: status\n\n')).toEqual([]);
    expect(parser.push('data: 1\n\n')).toEqual([
      { event: 'message', data: '1' },
    ]);
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from one second and caps at thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(reconnectDelayMs)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });
});
