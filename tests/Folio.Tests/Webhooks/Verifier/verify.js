// Verifies webhook deliveries with the Standard Webhooks project's own library, never Folio's signing code.
// Reads one JSON request a line on stdin: {"secret", "body" (base64), "headers", "now" (Unix seconds: the receiver's
// clock, which the tests move)}; writes one line back: {"ok": true} or {"ok": false, "error": "..."}.
const readline = require("node:readline");
const { Webhook } = require("standardwebhooks");

const realNow = Date.now;
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  let answer;
  try {
    const request = JSON.parse(line);
    Date.now = () => request.now * 1000;
    new Webhook(request.secret).verify(Buffer.from(request.body, "base64"), request.headers);
    answer = { ok: true };
  } catch (error) {
    answer = { ok: false, error: String(error && error.message ? error.message : error) };
  } finally {
    Date.now = realNow;
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
