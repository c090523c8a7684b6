using CoalitionBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoalitionBot();

var app = builder.Build();
await app.MapCoalitionBotAsync();
await app.RunAsync();

/// <summary>The host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
