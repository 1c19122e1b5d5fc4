/** Reads a recorded payload from `tests/unit/schema/fixtures/`. */
export const fixtureText = (name: string): Promise<string> =>
  Deno.readTextFile(new URL(`./fixtures/${name}`, import.meta.url));

/** Reads and JSON-parses a recorded payload. */
export const fixtureJson = async (name: string): Promise<unknown> =>
  JSON.parse(await fixtureText(name));
