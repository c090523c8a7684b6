[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CoalitionBot.Slack.Tests")]
