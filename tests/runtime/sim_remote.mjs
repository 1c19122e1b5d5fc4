// deno-lint-ignore-file explicit-module-boundary-types -- plain JS: types are in JSDoc
/**
 * Simulators for the smoke cases. Node and Bun start them in-process from the built package's
 * `./sim` entry ({@link localSimulators}); workerd cannot listen on a port, so its runner starts
 * them in Node and the Worker drives them through a Miniflare service binding: the runner answers
 * the binding with {@link simulatorService}, the Worker calls it through {@link remoteSimulators}.
 *
 * @module
 */

/**
 * A simulator as the smoke cases see it.
 *
 * @typedef {object} SimHandle
 * @property {string} restUrl REST base URL
 * @property {string} wsUrl WebSocket URL
 * @property {{ apiKey: string, apiSecret: string }[]} accounts test accounts
 * @property {() => Promise<void>} advance one engine step (manual time, `tickMs: 0`)
 * @property {(symbol: string) => Promise<{ bids: [string, string][], asks: [string, string][],
 *   lastUpdateId: string }>} trueBook the engine's whole book
 * @property {() => Promise<void>} close stops the simulator
 */

/**
 * Starts simulators in this process.
 *
 * @param {(options: object) => Promise<any>} startSimulator the `./sim` entry's function
 * @returns {(options: object) => Promise<SimHandle>}
 */
export const localSimulators = (startSimulator) => async (options) => {
  const sim = await startSimulator({ port: 0, ...options });
  return {
    restUrl: sim.restUrl,
    wsUrl: sim.wsUrl,
    accounts: sim.accounts,
    advance: () => Promise.resolve(sim.advance()),
    trueBook: (symbol) => Promise.resolve(sim.exchange.trueBook(symbol)),
    close: () => sim.close(),
  };
};

/**
 * The runner's side: answers `POST /start` (body: simulator options), `POST /advance?id=`,
 * `GET /trueBook?id=&symbol=` and `POST /close?id=`; `closeAll()` stops whatever is left.
 *
 * @param {(options: object) => Promise<any>} startSimulator the `./sim` entry's function
 */
export const simulatorService = (startSimulator) => {
  const sims = new Map();
  let next = 0;
  const fetch = async (request) => {
    const url = new URL(request.url);
    const id = url.searchParams.get("id");
    const sim = sims.get(id);
    if (url.pathname === "/start") {
      const started = await startSimulator({ port: 0, ...(await request.json()) });
      sims.set(String(++next), started);
      const { restUrl, wsUrl, accounts } = started;
      return Response.json({ id: String(next), restUrl, wsUrl, accounts });
    }
    if (sim === undefined) return new Response(`no simulator ${id}`, { status: 404 });
    if (url.pathname === "/advance") sim.advance();
    else if (url.pathname === "/trueBook") {
      return Response.json(sim.exchange.trueBook(url.searchParams.get("symbol")));
    } else if (url.pathname === "/close") {
      sims.delete(id);
      await sim.close();
    } else return new Response("unknown route", { status: 404 });
    return new Response(null, { status: 204 });
  };
  const closeAll = async () => {
    for (const sim of sims.values()) await sim.close();
    sims.clear();
  };
  return { fetch, closeAll };
};

/**
 * The Worker's side: simulators started by the runner through the service `binding`.
 *
 * @param {{ fetch: (url: string, init?: RequestInit) => Promise<Response> }} binding
 * @returns {(options: object) => Promise<SimHandle>}
 */
export const remoteSimulators = (binding) => {
  const call = async (path, init) => {
    const response = await binding.fetch(`http://sim${path}`, init);
    if (!response.ok) throw new Error(`sim service ${path}: ${await response.text()}`);
    return response;
  };
  return async (options) => {
    const body = JSON.stringify(options);
    const { id, restUrl, wsUrl, accounts } = await (await call("/start", { method: "POST", body }))
      .json();
    const post = async (path) => void (await call(`${path}?id=${id}`, { method: "POST" }));
    return {
      restUrl,
      wsUrl,
      accounts,
      advance: () => post("/advance"),
      trueBook: async (symbol) =>
        (await call(`/trueBook?id=${id}&symbol=${encodeURIComponent(symbol)}`)).json(),
      close: () => post("/close"),
    };
  };
};
