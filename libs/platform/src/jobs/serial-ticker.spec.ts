import { SerialTicker } from './serial-ticker';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('SerialTicker', () => {
  it('runs one pass at a time; kicks during a pass coalesce into one more pass', async () => {
    const gates = [gate(), gate()];
    let passes = 0;
    const ticker = new SerialTicker(async () => {
      await gates[passes++].opened;
    }, jest.fn());
    ticker.kick();
    ticker.kick();
    ticker.kick();
    expect(passes).toBe(1);
    gates[0].open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(passes).toBe(2);
    gates[1].open();
    await ticker.stop();
    expect(passes).toBe(2);
  });

  it('reports a failed pass and runs again on the next kick', async () => {
    const onError = jest.fn();
    let calls = 0;
    const ticker = new SerialTicker(async () => {
      if (++calls === 1) throw new Error('redis down');
    }, onError);
    ticker.kick();
    await new Promise((resolve) => setImmediate(resolve));
    ticker.kick();
    await ticker.stop();
    expect(onError).toHaveBeenCalledWith(new Error('redis down'));
    expect(calls).toBe(2);
  });

  it('does nothing once stopped, and stop waits for the running pass', async () => {
    const g = gate();
    let done = false;
    const ticker = new SerialTicker(async () => {
      await g.opened;
      done = true;
    }, jest.fn());
    ticker.kick();
    const stopping = ticker.stop();
    ticker.kick();
    g.open();
    await stopping;
    expect(done).toBe(true);
  });

  it('kicks on its interval', async () => {
    jest.useFakeTimers();
    try {
      const pass = jest.fn(async () => undefined);
      const ticker = new SerialTicker(pass, jest.fn());
      ticker.start(1000);
      jest.advanceTimersByTime(1000);
      expect(pass).toHaveBeenCalledTimes(1);
      await ticker.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});
