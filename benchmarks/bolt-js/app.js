// The comparison app for issue 14 (P1, P5): Bolt-JS 5.1.0 with its default HTTP receiver, which verifies
// Slack's signature like CoalitionBot does, acks /memo with an empty 200 and does nothing else.
// Started by `dotnet run -c Release --project benchmarks/CoalitionBot.Benchmarks -- bolt` after
// `npm install` into a temporary folder; never part of the product.
const { App, LogLevel } = require('@slack/bolt');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  // A fixed installation, so Bolt does not call auth.test (there is no Slack here).
  authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BENCH' }),
  logLevel: LogLevel.ERROR,
});

app.command('/memo', async ({ ack }) => {
  await ack();
});

(async () => {
  const port = Number(process.env.PORT || 3000);
  await app.start({ port, host: '127.0.0.1' });
  console.log(`Bolt listening on ${port}`);
})();
