/** The few HTTP API calls simulated traffic makes; waits out rate limits (429 + Retry-After) and retries. */
export class TrafficClient {
  constructor(private readonly base: string) {}

  async signUp(name: string): Promise<string> {
    const body = await this.call<{ token: string }>("POST", "/api/users", undefined, { name });
    return body.token;
  }

  createSession(token: string, body: { catalogUser: string; catalog?: string }): Promise<{ id: string; experiment: { id: string; variant: string } | null }> {
    return this.call("POST", "/api/sessions", token, body);
  }

  command(token: string, sessionId: string, command: string, k: number): Promise<{ feed: { id: string }[]; planner: { runId: string } }> {
    return this.call("POST", `/api/sessions/${encodeURIComponent(sessionId)}/commands`, token, { command, k });
  }

  async events(token: string, sessionId: string, events: unknown[]): Promise<void> {
    await this.call("POST", `/api/sessions/${encodeURIComponent(sessionId)}/events`, token, { events });
  }

  private async call<T>(method: string, path: string, token: string | undefined, body: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(this.base + path, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status === 429 && attempt < 20) {
        const wait = Number(res.headers.get("retry-after") ?? "1");
        await new Promise((resolve) => setTimeout(resolve, Math.max(0.05, wait) * 1000));
        continue;
      }
      if (!res.ok) {
        let message = text;
        try {
          message = JSON.parse(text).error?.message ?? text;
        } catch {}
        throw new Error(`${method} ${path} answered ${res.status}: ${message}`);
      }
      return JSON.parse(text) as T;
    }
  }
}
